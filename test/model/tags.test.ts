import { describe, expect, it } from "vitest";
import { UnsupportedWheelError } from "../../src/errors.js";
import { analyzeWheelTags, parsePlatformTag } from "../../src/model/index.js";
import { parseWheelFilename as wheelFilename } from "../../src/wheel/index.js";

describe("parsePlatformTag", () => {
  it.each([
    ["any", { os: "any", libc: null }],
    ["manylinux1_x86_64", { os: "linux", libc: "glibc", glibcVersion: [2, 5], machine: "x86_64" }],
    ["manylinux1_i686", { os: "linux", libc: "glibc", glibcVersion: [2, 5], machine: "i686" }],
    [
      "manylinux2010_x86_64",
      { os: "linux", libc: "glibc", glibcVersion: [2, 12], machine: "x86_64" },
    ],
    [
      "manylinux2014_aarch64",
      { os: "linux", libc: "glibc", glibcVersion: [2, 17], machine: "aarch64" },
    ],
    [
      "manylinux_2_28_ppc64le",
      { os: "linux", libc: "glibc", glibcVersion: [2, 28], machine: "ppc64le" },
    ],
    [
      "manylinux_2_17_s390x",
      { os: "linux", libc: "glibc", glibcVersion: [2, 17], machine: "s390x" },
    ],
    [
      "manylinux_2_31_armv7l",
      { os: "linux", libc: "glibc", glibcVersion: [2, 31], machine: "armv7l" },
    ],
    [
      "manylinux_2_39_riscv64",
      { os: "linux", libc: "glibc", glibcVersion: [2, 39], machine: "riscv64" },
    ],
    ["musllinux_1_2_x86_64", { os: "linux", libc: "musl", muslVersion: [1, 2], machine: "x86_64" }],
    ["linux_x86_64", { os: "linux", libc: null, machine: "x86_64" }],
    ["macosx_11_0_arm64", { os: "macos", libc: null, machine: "arm64" }],
    ["macosx_10_9_universal2", { os: "macos", libc: null, machine: "universal2" }],
    ["win_amd64", { os: "windows", libc: null, machine: "amd64" }],
    ["win_arm64", { os: "windows", libc: null, machine: "arm64" }],
    ["win32", { os: "windows", libc: null, machine: "x86" }],
    ["freebsd_13_x86_64", { os: "other", libc: null }],
    ["android_21_arm64_v8a", { os: "other", libc: null }],
  ])("%s", (tag, expected) => {
    expect(parsePlatformTag(tag)).toEqual({ raw: tag, ...expected });
  });
});

describe("analyzeWheelTags", () => {
  it.each([
    [
      "six-1.16.0-py2.py3-none-any.whl",
      { pure: true, abi: "none", machine: null, python2Only: false, minGlibc: null },
    ],
    ["old-1.0-py2-none-any.whl", { pure: true, python2Only: true }],
    ["old-1.0-cp27-cp27mu-manylinux1_x86_64.whl", { python2Only: true, abi: "other" }],
    [
      "numpy-2.3.0-cp314-cp314-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
      { pure: false, abi: "cpython", cpythonVersion: "3.14", machine: "x86_64", minGlibc: [2, 27] },
    ],
    [
      "cryptography-44.0.0-cp39-abi3-manylinux_2_34_aarch64.whl",
      {
        abi: "abi3",
        abi3Floor: "3.9",
        cpythonVersion: null,
        machine: "aarch64",
        minGlibc: [2, 34],
      },
    ],
    ["x-1.0-cp311.cp38-abi3-manylinux2014_x86_64.whl", { abi3Floor: "3.8", minGlibc: [2, 17] }],
    [
      "x-1.0-cp313-cp313t-manylinux_2_17_x86_64.whl",
      { freeThreaded: true, cpythonVersion: "3.13" },
    ],
    ["x-1.0-cp37-cp37m-manylinux1_x86_64.whl", { cpythonVersion: "3.7", freeThreaded: false }],
    ["x-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl", { abi: "other", cpythonVersion: null }],
    ["x-1.0-py3-none-musllinux_1_2_x86_64.whl", { abi: "none", machine: "x86_64", minGlibc: null }],
    ["x-1.0-cp312-cp312-macosx_10_9_universal2.whl", { machine: "universal2" }],
    ["x-1.0-py3-none-macosx_11_0_arm64.manylinux_2_17_aarch64.whl", { machine: "aarch64" }],
  ])("%s", (filename, expected) => {
    expect(analyzeWheelTags(wheelFilename(filename))).toMatchObject(expected);
  });

  it("refuses several different machines", () => {
    const name = "x-1.0-cp314-cp314-manylinux_2_17_x86_64.manylinux_2_17_aarch64.whl";
    expect(() => analyzeWheelTags(wheelFilename(name))).toThrow(UnsupportedWheelError);
    expect(() => analyzeWheelTags(wheelFilename(name))).toThrow(/x86_64, aarch64/);
  });
});
