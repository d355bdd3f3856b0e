import { describe, expect, it } from "vitest";
import { RenamePattern, renamePatternProblem } from "../../src/mapping/index.js";
import { UserError } from "../../src/errors.js";

describe("RenamePattern", () => {
  // The config's syntax stays what it was with JavaScript's RegExp: the same matches, the same
  // groups, the same expansion of the replacement.
  it.each([
    ["acme-(.*)", "acme-tools", "python3-acme-$1"],
    ["(?<org>corp)-(?<pkg>.*)", "corp-widgets", "python3-$<pkg>-$<org>"],
    ["(acme)-(x|(y))", "acme-x", "python3-$1$3-$2-$$-$&-$9-$0"],
    ["(acme)-(.*)", "acme-tools", "$<none>-$01-$10"],
    ["overwins|renwins", "renwins", "python3-from-rename"],
    ["[a-z]+\\d{2,}", "abc123", "python3-$&"],
  ])("%s on %s expands %s as String.prototype.replace does", (source, name, replace) => {
    const javascript = new RegExp(`^(?:${source})$`);
    const pattern = RenamePattern.compile(source);
    expect(pattern.test(name)).toBe(true);
    expect(pattern.rename(name, replace)).toBe(name.replace(javascript, replace));
  });

  it("matches the whole name only", () => {
    const pattern = RenamePattern.compile("acme-(.*)");
    expect(pattern.test("acme-tools")).toBe(true);
    expect(pattern.test("x-acme-tools")).toBe(false);
    expect(RenamePattern.compile("a|ab").test("ab")).toBe(true);
    expect(RenamePattern.compile("a|ab").rename("ab", "<$&>")).toBe("<ab>");
  });

  it.each([
    ["a backreference", "(a)\\1", /invalid escape sequence: `\\1`/],
    ["a lookahead", "(?=a)a", /unsupported Perl syntax: `\(\?=`/],
    ["a lookbehind", "(?<!x)a", /invalid named capture/],
    ["an unclosed group", "(", /missing closing \)/],
    ["an attempt to close the anchoring group", "a)|(b", /unexpected \)/],
  ])("refuses %s, saying why", (_title, source, reason) => {
    const problem = renamePatternProblem(source);
    expect(problem).toMatch(reason);
    expect(problem).toContain("RE2 regular expressions: no backreferences, no lookaround");
    expect(() => RenamePattern.compile(source)).toThrow(UserError);
  });

  it("runs in time linear in the name", () => {
    const pattern = RenamePattern.compile("(a+)+$");
    const started = performance.now();
    expect(pattern.test(`${"a".repeat(100_000)}b`)).toBe(false);
    expect(pattern.test("a".repeat(100_000))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
