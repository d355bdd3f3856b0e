import { describe, expect, it } from "vitest";
import { parseWheelInfo } from "../../src/wheel/index.js";
import { thrownWheelError } from "./wheel-error.js";

const where = { file: "demo-1.0-py3-none-any.whl", member: "demo-1.0.dist-info/WHEEL" };

describe("parseWheelInfo", () => {
  it.each([
    {
      title: "a typical bdist_wheel WHEEL",
      text: "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.42.0)\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n",
      info: {
        wheelVersion: { major: 1, minor: 0 },
        generator: "bdist_wheel (0.42.0)",
        rootIsPurelib: true,
        tags: ["py2-none-any", "py3-none-any"],
        build: null,
      },
    },
    {
      title: "platlib with a build number, case-insensitive boolean, CRLF",
      text: "Wheel-Version: 1.0\r\nRoot-Is-Purelib: False\r\nTag: cp311-cp311-linux_x86_64\r\nBuild: 2\r\n",
      info: {
        wheelVersion: { major: 1, minor: 0 },
        generator: null,
        rootIsPurelib: false,
        tags: ["cp311-cp311-linux_x86_64"],
        build: "2",
      },
    },
  ])("$title", ({ text, info }) => {
    expect(parseWheelInfo(text, where)).toEqual({ info, diagnostics: [] });
  });

  it("reads a newer minor version with a warning", () => {
    const { info, diagnostics } = parseWheelInfo(
      "Wheel-Version: 1.9\nRoot-Is-Purelib: true\n",
      where,
    );
    expect(info.wheelVersion).toEqual({ major: 1, minor: 9 });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "wheel-version-newer",
        severity: "warning",
        field: "Wheel-Version",
      }),
    ]);
  });

  it.each([
    [
      "an unsupported major version",
      "Wheel-Version: 2.0\nRoot-Is-Purelib: true\n",
      "Wheel-Version",
      /unsupported Wheel-Version 2\.0/,
    ],
    ["a missing version", "Root-Is-Purelib: true\n", "Wheel-Version", /missing/],
    [
      "a malformed version",
      "Wheel-Version: one\nRoot-Is-Purelib: true\n",
      "Wheel-Version",
      /MAJOR\.MINOR/,
    ],
    [
      "a repeated version",
      "Wheel-Version: 1.0\nWheel-Version: 1.0\nRoot-Is-Purelib: true\n",
      "Wheel-Version",
      /2 times/,
    ],
    ["a missing Root-Is-Purelib", "Wheel-Version: 1.0\n", "Root-Is-Purelib", /missing/],
    [
      "a non-boolean Root-Is-Purelib",
      "Wheel-Version: 1.0\nRoot-Is-Purelib: yes\n",
      "Root-Is-Purelib",
      /true or false/,
    ],
  ])("refuses %s", (_title, text, field, message) => {
    const error = thrownWheelError(() => parseWheelInfo(text, where));
    expect(error.location).toEqual({ ...where, field });
    expect(error.message).toMatch(message);
  });
});
