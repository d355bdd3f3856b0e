import { describe, expect, it } from "vitest";
import { UnsupportedWheelError } from "../../../src/errors.js";
import {
  specFilePath,
  specShellWord,
  specTextLine,
  specValue,
} from "../../../src/families/rpm/escape.js";

describe("spec escaping of METADATA text", () => {
  it.each([
    ["100% sure", "100%% sure"],
    ['%{lua: os.execute("id")}', '%% {lua: os.execute("id")}'],
    ["%(touch /tmp/x)", "%% (touch /tmp/x)"],
    ["%%{lua:x}", "%% %% {lua:x}"],
    ["%define x", "%% define x"],
    ["two\nlines\tand tabs", "two lines and tabs"],
  ])("tag value %j → %j", (text, escaped) => {
    expect(specValue(text)).toBe(escaped);
  });

  it.each([
    ["%files", " %% files"],
    ["%install rm -rf /", " %% install rm -rf /"],
    ["plain text 50%", "plain text 50%%"],
    ["}{ braces", "}{ braces"],
  ])("description line %j → %j", (line, escaped) => {
    expect(specTextLine(line)).toBe(escaped);
  });
});

describe("paths from the wheel in a spec", () => {
  it("keeps percent-encoding in URLs", async () => {
    const { specUrl } = await import("../../../src/families/rpm/escape.js");
    expect(specUrl("https://example.org/a%20b")).toBe("https://example.org/a%%20b");
    expect(specUrl("https://example.org/%{lua:x}%(y)%")).toBe(
      "https://example.org/%%25{lua:x}%%25(y)%%25",
    );
  });

  // One unquoted glob that rpm 4.14 to 4.20 read alike: what would split, quote or glob is `?`.
  it.each([
    ["pkg/module.py", "pkg/module.py"],
    ["data/with space.json", "data/with?space.json"],
    ["pkg/50%.txt", "pkg/50?.txt"],
    ["pkg/%(touch m).txt", "pkg/?(touch?m).txt"],
    ["pkg/[abc]*.py", "pkg/?abc??.py"],
    ['pkg/"quoted".py', "pkg/?quoted?.py"],
    ["pkg/back\\slash.py", "pkg/back?slash.py"],
    ["pkg/{a,b} sp.txt", "pkg/?a,b??sp.txt"],
    ["pkg/it's $(x) é.txt", "pkg/it?s?$(x)?é.txt"],
  ])("%%files entry %j → %j", (path, entry) => {
    expect(specFilePath(path)).toBe(entry);
  });

  it.each(["pkg/new\nline.py", "pkg/bell\u0007.py", "pkg/esc\u001b[31m.py", "pkg/c1\u009b.py"])(
    "refuses %j",
    (path) => {
      expect(() => specFilePath(path)).toThrow(UnsupportedWheelError);
    },
  );

  it.each([
    ["pkg/mod.py", "'pkg/mod.py'"],
    ["pkg/it's $(rm -rf ~).py", "'pkg/it'\\''s $(rm -rf ~).py'"],
    ["pkg/%{lua:x}.py", "'pkg/%%{lua:x}.py'"],
  ])("shell word %j → %j", (path, word) => {
    expect(specShellWord(path)).toBe(word);
  });
});

describe("paths in openSUSE's %python_expand commands", () => {
  // Finding: %python_expand expands its text again, so `'%%(touch M)'` ran there.
  it.each([
    ["ns/sub/mod.py", "'ns/sub/mod.py'"],
    ["pkg/%(touch M).py", "pkg/??touch?M?.py"],
    ["pkg/it's  two.py", "pkg/it?s??two.py"],
    ["pkg/é$x`y`.py", "pkg/é?x?y?.py"],
  ])("%j → %j", async (path, word) => {
    const { specExpandWord } = await import("../../../src/families/rpm/escape.js");
    expect(specExpandWord(path)).toBe(word);
  });
});
