import { describe, expect, it } from "vitest";
import { field, fieldLine, parseDeb822 } from "../../src/lint/inputs/deb822.js";

describe("parseDeb822", () => {
  const text = `# a comment
Source: demo
Build-Depends:
 debhelper-compat (= 13),
 dh-python

Package: python3-demo
Description: demo things
 Longer text.
 .
 More.
`;
  const paragraphs = parseDeb822(text);

  it("splits paragraphs and joins continuation lines", () => {
    expect(paragraphs).toHaveLength(2);
    const [source, binary] = paragraphs;
    if (source === undefined || binary === undefined) throw new Error("paragraphs missing");
    expect(field(source, "build-depends")).toBe("debhelper-compat (= 13),\ndh-python");
    expect(field(binary, "Description")?.split("\n")[0]).toBe("demo things");
    expect(fieldLine(binary, "Description")).toBe(8);
    expect(binary.line).toBe(7);
    expect(field(binary, "Section")).toBeUndefined();
  });
});

describe("parseDeb822 refuses what dpkg refuses", () => {
  it.each([
    [
      "a blank line inside Build-Depends",
      "Source: demo\nBuild-Depends:\n debhelper-compat (= 13),\n\n dh-python\n",
      "line 5",
      /continuation line outside any field/,
    ],
    [
      "a line that is no field",
      "Source: demo\nnot a field\n",
      "line 2",
      /neither a field nor a continuation/,
    ],
  ])("%s: an error naming the file and line", (_what, text, line, message) => {
    expect(() => parseDeb822(text, "debian/control")).toThrow(message);
    try {
      parseDeb822(text, "debian/control");
    } catch (error) {
      expect(error).toMatchObject({ location: { file: "debian/control", field: line } });
    }
  });
});
