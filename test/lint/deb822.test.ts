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
