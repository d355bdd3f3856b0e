import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { parseWheelFilename, wheelTags } from "../../src/wheel/index.js";
import { thrownWheelError } from "./wheel-error.js";

describe("parseWheelFilename", () => {
  it.each([
    {
      name: "six-1.16.0-py2.py3-none-any.whl",
      distribution: "six",
      version: "1.16.0",
      buildTag: null,
      pythonTags: ["py2", "py3"],
      abiTags: ["none"],
      platformTags: ["any"],
    },
    {
      name: "numpy-2.4.6-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
      distribution: "numpy",
      version: "2.4.6",
      buildTag: null,
      pythonTags: ["cp311"],
      abiTags: ["cp311"],
      platformTags: ["manylinux_2_27_x86_64", "manylinux_2_28_x86_64"],
    },
    {
      name: "pyyaml-6.0.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.manylinux_2_28_x86_64.whl",
      distribution: "pyyaml",
      version: "6.0.3",
      buildTag: null,
      pythonTags: ["cp311"],
      abiTags: ["cp311"],
      platformTags: ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_28_x86_64"],
    },
    {
      name: "cryptography-48.0.0-cp311-abi3-manylinux_2_34_x86_64.whl",
      distribution: "cryptography",
      version: "48.0.0",
      buildTag: null,
      pythonTags: ["cp311"],
      abiTags: ["abi3"],
      platformTags: ["manylinux_2_34_x86_64"],
    },
    {
      name: "foo_bar-1.0-1-py3-none-any.whl",
      distribution: "foo_bar",
      version: "1.0",
      buildTag: { number: 1, suffix: "" },
      pythonTags: ["py3"],
      abiTags: ["none"],
      platformTags: ["any"],
    },
    {
      name: "foo-2.0.post1-20240101build_x-py3-none-any.whl",
      distribution: "foo",
      version: "2.0.post1",
      buildTag: { number: 20240101, suffix: "build_x" },
      pythonTags: ["py3"],
      abiTags: ["none"],
      platformTags: ["any"],
    },
    {
      name: "zope.interface-5.0-cp38-cp38-win_amd64.whl",
      distribution: "zope.interface",
      version: "5.0",
      buildTag: null,
      pythonTags: ["cp38"],
      abiTags: ["cp38"],
      platformTags: ["win_amd64"],
    },
    {
      name: "pkg-1!2.0+local.7-py3-none-any.whl",
      distribution: "pkg",
      version: "1!2.0+local.7",
      buildTag: null,
      pythonTags: ["py3"],
      abiTags: ["none"],
      platformTags: ["any"],
    },
  ])("parses $name", ({ name, ...expected }) => {
    expect(parseWheelFilename(name)).toEqual({ filename: name, ...expected });
  });

  it("ignores directories in the path", () => {
    const parsed = parseWheelFilename("/tmp/wheels/six-1.16.0-py2.py3-none-any.whl");
    expect(parsed.filename).toBe("six-1.16.0-py2.py3-none-any.whl");
  });

  it.each([
    ["six-1.16.0-py2.py3-none-any.zip", "end in .whl"],
    ["six-1.16.0-py3-any.whl", "dash-separated"],
    ["six-py3-none-any.whl", "dash-separated"],
    ["a-b-c-d-e-f-g.whl", "dash-separated"],
    ["six-1.0-x1-py3-none-any.whl", "must start with a digit"],
    ["six-1.0-py3..py2-none-any.whl", 'bad python tag ""'],
    ["six-1.0-py3-none-any..whl", "bad platform tag"],
    ["-1.0-py3-none-any.whl", "bad distribution name"],
    ["six-1.0 beta-py3-none-any.whl", "bad version"],
    ["six-1.0-py3-no ne-any.whl", "bad abi tag"],
  ])("refuses %s", (name, reason) => {
    const error = thrownWheelError(() => parseWheelFilename(name));
    expect(error).toBeInstanceOf(UserError);
    expect(error.location.file).toBe(name);
    expect(error.message).toContain(reason);
  });
});

describe("wheelTags", () => {
  it("expands the cartesian product of compressed tag sets", () => {
    expect(wheelTags(parseWheelFilename("x-1-py2.py3-none-any.whl"))).toEqual([
      "py2-none-any",
      "py3-none-any",
    ]);
    expect(
      wheelTags(
        parseWheelFilename("x-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
      ),
    ).toEqual(["cp311-cp311-manylinux_2_17_x86_64", "cp311-cp311-manylinux2014_x86_64"]);
  });
});
