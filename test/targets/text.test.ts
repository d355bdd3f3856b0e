import { describe, expect, it } from "vitest";
import { InternalError } from "../../src/errors.js";
import { createRenderer } from "../../src/render/index.js";
import { controlValue } from "../../src/families/deb/control-text.js";
import { rulesQuoted, rulesWord } from "../../src/families/deb/rules-text.js";
import { specValue } from "../../src/families/rpm/escape.js";
import {
  deb822,
  spec,
  token,
  type Deb822Text,
  type RulesText,
  type SpecText,
  type TemplateContext,
} from "../../src/targets/text.js";

describe("packaging text", () => {
  it("is refused by the compiler where it was not escaped for its file", () => {
    const raw = "%(touch marker)";
    // `tsc --noEmit` (part of npm test) fails if any of these stops being an error.
    // @ts-expect-error a wheel's string is no template value
    const context: TemplateContext = { summary: raw };
    // @ts-expect-error nor inside a list
    const list: TemplateContext = { lines: [specValue("ok"), raw] };
    // @ts-expect-error text escaped for a control file is no spec text
    const wrongFile: SpecText = controlValue(raw);
    // @ts-expect-error spec text is no debian/rules text
    const wrongRules: RulesText = specValue(raw);
    // @ts-expect-error a tagged template takes only text of its own file
    const mixed = spec`Summary: ${raw}`;
    // A token checked for several files is text of each of them.
    const shared: Deb822Text = token(["deb822", "rules"], "python3-demo");
    expect([context, list, wrongFile, wrongRules, mixed, shared]).toHaveLength(6);
  });

  it("renders what the escapers made, and nothing runs", () => {
    const renderer = createRenderer();
    const context = { generator: { version: token("spec", "1") } };
    expect(() => renderer.render("rpm/python.spec.njk", context)).toThrow(/undefined/);
    expect(specValue("%(touch m) {{ 7*7 }}")).toBe("%% (touch m) {{ 7*7 }}");
  });

  it.each(["1.0%{lua:x}", "a$(b)", "a\nb", 'a"b', "a`b`", "a\u001b"])(
    "refuses to take %j as an inert token",
    (text) => {
      expect(() => token("spec", text)).toThrow(InternalError);
      expect(() => token("deb822", text)).toThrow(InternalError);
    },
  );

  it("keeps debian/rules tokens free of spaces and shell operators", () => {
    expect(() => token("rules", "a b")).toThrow(InternalError);
    expect(() => token("rules", "a|b")).toThrow(InternalError);
    expect(token("rules", "python3-demo_1.0+local~rc1")).toBe("python3-demo_1.0+local~rc1");
  });

  it("takes only template literals as code-written text", () => {
    const forged = Object.assign(["%(touch m)"], { raw: ["%(touch m)"] });
    // A literal's strings array is frozen; one built at run time is not.
    expect(() => deb822(forged as unknown as TemplateStringsArray)).toThrow(InternalError);
  });

  it.each([
    ["foo.libs", "foo.libs"],
    ["/usr/lib/python3/dist-packages/foo.libs", "/usr/lib/python3/dist-packages/foo.libs"],
    ["a$(shell touch M).libs", "'a$$(shell touch M).libs'"],
    ["it's", "'it'\\''s'"],
  ])("quotes %j for debian/rules only when it must: %j", (text, word) => {
    expect(rulesWord(text)).toBe(word);
  });

  it("refuses control characters in debian/rules words", () => {
    expect(() => rulesQuoted("a\nb")).toThrow(/control character/);
  });
});
