import { describe, expect, it } from "vitest";
import {
  changelogItem,
  controlBlock,
  controlDescription,
  controlSynopsis,
  controlValue,
} from "../../../src/families/deb/control-text.js";

describe("control-file folding of METADATA text", () => {
  it("keeps a field on one line: a newline cannot start a new field", () => {
    expect(controlValue("A summary\nDepends: evil\n Pre-Depends: worse")).toBe(
      "A summary Depends: evil Pre-Depends: worse",
    );
  });

  it.each([
    ["A tool for things.", "Tool for things"],
    ["the Universal Detector", "Universal Detector"],
    ["An", "An"],
    ["Python 2 and 3 compatibility", "Python 2 and 3 compatibility"],
  ])("synopsis %j → %j", (summary, synopsis) => {
    expect(controlSynopsis(summary)).toBe(synopsis);
  });

  it("indents every description line, separates paragraphs with ' .', and wraps", () => {
    const lines = controlDescription(["first paragraph", "Field: value\n.\nsecond", "."]);
    expect(lines).toEqual([" first paragraph", " .", " Field: value . second", " .", "  ."]);
    expect(controlDescription(["word ".repeat(40)]).every((l) => l.length <= 79)).toBe(true);
  });

  it("folds a license text as continuation lines", () => {
    expect(controlBlock("\nLine one\n\n\tindented  \n\n")).toEqual([
      " Line one",
      " .",
      "         indented",
    ]);
  });

  it("wraps a changelog item at 80 columns", () => {
    const lines = changelogItem("x ".repeat(60));
    expect(lines[0]?.startsWith("  * ")).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("    "))).toBe(true);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });
});

describe("controlSynopsis length", () => {
  it("keeps a synopsis under 80 characters, shortened at a word without an ellipsis", () => {
    const summary = `${"word ".repeat(20)}end`;
    const synopsis = controlSynopsis(summary);
    expect(synopsis).toBe(`Word ${"word ".repeat(14)}word`);
    expect(synopsis.length).toBeLessThanOrEqual(79);
    expect(controlSynopsis("x".repeat(79))).toBe("X".concat("x".repeat(78)));
  });

  it("shortens cryptography's summary after a whole word, not mid-word", () => {
    expect(
      controlSynopsis(
        "cryptography is a package which provides cryptographic recipes and primitives to Python developers.",
      ),
    ).toBe("Cryptography is a package which provides cryptographic recipes and primitives");
  });
});

describe("controlDescription, what lintian reads", () => {
  it("drops a first paragraph that repeats the synopsis in other punctuation", () => {
    expect(
      controlDescription(
        ["Pure Python RSA implementation", "More."],
        "Pure-Python RSA implementation",
      ),
    ).toEqual([" More."]);
  });

  it("does not wrap the first paragraph to a first line that is the synopsis (cryptography)", () => {
    const text =
      'cryptography is a package which provides cryptographic recipes and primitives to Python developers. Our goal is for it to be your "cryptographic standard library".';
    const synopsis = controlSynopsis(text);
    const [first] = controlDescription([text], synopsis);
    const words = (line: string) => line.toLowerCase().replace(/[^a-z0-9]+/g, "");
    expect(words(first ?? "")).not.toBe(words(synopsis));
    expect(first).toBe(" cryptography is a package which provides cryptographic recipes and");
  });

  it("never starts with a verbatim line, and indents list items after it", () => {
    expect(controlDescription(["* Website * Documentation", "- one", "... so sign it"])).toEqual([
      " Website * Documentation",
      " .",
      "  - one",
      " .",
      "  ... so sign it",
    ]);
  });
});
