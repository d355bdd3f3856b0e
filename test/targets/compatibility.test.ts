import { describe, expect, it } from "vitest";
import { UnsupportedWheelError } from "../../src/errors.js";
import { analyzeWheelTags } from "../../src/model/tags.js";
import type { TargetProfile } from "../../src/profiles/types.js";
import { checkTargetCompatibility } from "../../src/targets/compatibility.js";
import { parseWheelFilename as wheelFilename } from "../../src/wheel/filename.js";

const profile: TargetProfile = {
  id: "fedora",
  name: "Fedora 44",
  family: "rpm",
  python: { version: "3.14", fullVersion: "3.14.0" },
  glibc: "2.41",
  paths: {
    purelib: "/usr/lib/python3.14/site-packages",
    platlib: "/usr/lib64/python3.14/site-packages",
    scripts: "/usr/bin",
    data: "/usr",
    headers: "/usr/include/python3.14",
  },
  architectures: { x86_64: "x86_64", aarch64: "aarch64", armv7l: "armv7hl" },
  noarch: "noarch",
  naming: { source: "python-", binary: "python3-" },
};

function check(filename: string): string {
  return checkTargetCompatibility(analyzeWheelTags(wheelFilename(filename)), profile);
}

describe("checkTargetCompatibility", () => {
  it.each([
    ["six-1.16.0-py2.py3-none-any.whl", "noarch"],
    ["x-1.0-py3-none-any.whl", "noarch"],
    ["x-1.0-cp314-cp314-manylinux_2_28_x86_64.whl", "x86_64"],
    ["x-1.0-cp314-cp314-manylinux_2_41_x86_64.whl", "x86_64"],
    ["x-1.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "x86_64"],
    ["x-1.0-cp39-abi3-manylinux_2_34_aarch64.whl", "aarch64"],
    ["x-1.0-cp314-abi3-manylinux_2_34_aarch64.whl", "aarch64"],
    ["x-1.0-cp314-cp314-manylinux_2_31_armv7l.whl", "armv7hl"],
    ["x-1.0-cp314-cp314-linux_x86_64.whl", "x86_64"],
    ["x-1.0-py3-none-manylinux_2_17_x86_64.musllinux_1_1_x86_64.whl", "x86_64"],
    ["x-1.0-py3-none-manylinux1_x86_64.whl", "x86_64"],
    ["x-1.0-cp314-none-manylinux1_x86_64.whl", "x86_64"],
  ])("accepts %s as %s", (filename, arch) => {
    expect(check(filename)).toBe(arch);
  });

  it.each([
    [
      "x-1.0-py3-none-musllinux_1_2_x86_64.whl",
      /is built for musl libc \(musllinux_1_2_x86_64\); Fedora 44 uses glibc Linux/,
    ],
    ["x-1.0-cp314-cp314-macosx_11_0_arm64.whl", /is built for macOS/],
    ["x-1.0-cp314-cp314-win_amd64.whl", /is built for Windows/],
    ["x-1.0-cp314-cp314-freebsd_13_x86_64.whl", /is built for an unsupported platform/],
    [
      "x-1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
      /is built for CPython 3\.11 \(tag cp311\); fedora \(Fedora 44\) has Python 3\.14/,
    ],
    ["x-1.0-cp314-cp314t-manylinux_2_17_x86_64.whl", /free-threaded CPython 3\.14/],
    ["x-1.0-cp315-abi3-manylinux_2_17_x86_64.whl", /needs CPython 3\.15 or later/],
    ["x-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl", /another Python implementation/],
    ["x-1.0-cp311-none-manylinux_2_17_x86_64.whl", /is built for CPython 3\.11/],
    [
      "x-1.0-cp314-cp314-manylinux_2_17_ppc64le.whl",
      /is built for ppc64le, which fedora \(Fedora 44\) does not support/,
    ],
    [
      "x-1.0-cp314-cp314-manylinux_2_42_x86_64.whl",
      /needs glibc 2\.42 or later \(manylinux_2_42_x86_64\); fedora \(Fedora 44\) has glibc 2\.41/,
    ],
    ["old-1.0-py2-none-any.whl", /supports only Python 2/],
    ["old-1.0-cp27-cp27mu-manylinux1_x86_64.whl", /supports only Python 2/],
  ])("refuses %s", (filename, message) => {
    expect(() => check(filename)).toThrow(UnsupportedWheelError);
    expect(() => check(filename)).toThrow(message);
  });

  it("names the wheel in its message", () => {
    expect(() => check("x-1.0-cp314-cp314-win_amd64.whl")).toThrow(
      /^x-1\.0-cp314-cp314-win_amd64\.whl /,
    );
  });
});
