import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rules, runRules } from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { scratchDirectory } from "../wheel/zip-builder.js";
import { fixtureInput, lintFixtures } from "./fixture-input.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** The target a rule's fixtures are checked for: `target` in its directory, else its family's. */
function fixtureTarget(id: string, family: string): string {
  const file = join(lintFixtures, id, "target");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  return family === "rpm" ? "fedora" : "debian-12";
}

describe("the rule registry", () => {
  it("has unique, stable kebab-case ids and complete metadata", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.summary).not.toMatch(/\n/);
      expect(rule.guideline.url).toMatch(/^https:\/\/[^ ]+$/);
      expect(rule.families.length).toBeGreaterThan(0);
      expect(rule.inputs.length).toBeGreaterThan(0);
    }
  });

  it("has at least 20 rules for each family: 23 for rpm, 25 for deb", () => {
    const count = (family: "rpm" | "deb") =>
      rules.filter((r) => r.families.includes(family)).length;
    expect(count("rpm")).toBe(23);
    expect(count("deb")).toBe(25);
  });

  it.each([
    ["prebuilt-binary", "error", ["rpm"], ["wheel"]],
    ["license-not-spdx", "error", ["rpm"], ["spec", "rpm"]],
    ["owns-system-directory", "error", ["rpm"], ["spec", "rpm"]],
    ["requires-by-package-name", "warning", ["rpm"], ["spec", "rpm"]],
    ["python3-devel-not-buildrequired", "error", ["rpm"], ["spec"]],
    ["unversioned-python-macro", "error", ["rpm"], ["spec"]],
    ["files-glob-too-broad", "warning", ["rpm"], ["spec"]],
    ["license-not-marked", "error", ["rpm"], ["spec"]],
    ["bytecode-not-packaged", "error", ["rpm"], ["spec"]],
    ["forbidden-spec-tag", "error", ["rpm"], ["spec"]],
    ["bytecode-shipped", "error", ["deb"], ["deb"]],
    ["synopsis-starts-with-package-name", "error", ["deb"], ["debian-dir", "deb"]],
    ["copyright-format", "error", ["deb"], ["debian-dir"]],
    ["executable-without-man-page", "warning", ["deb"], ["deb"]],
    ["python-build-depends-missing", "error", ["deb"], ["debian-dir"]],
    ["misc-depends-missing", "warning", ["deb"], ["debian-dir"]],
    ["rules-requires-root-missing", "warning", ["deb"], ["debian-dir"]],
    ["changelog-format", "error", ["deb"], ["debian-dir"]],
    ["manylinux-too-new", "error", ["rpm", "deb"], ["wheel"]],
    ["unmapped-dependency", "warning", ["rpm", "deb"], ["wheel"]],
  ])("%s: %s for %j, reads %j", (id, severity, families, inputs) => {
    const rule = rules.find((r) => r.id === id);
    expect(rule).toMatchObject({ severity, families, inputs });
  });

  it("has a fixture directory for every rule and none for unknown ids", () => {
    const known = new Set([...rules.map((r) => r.id), "broken"]);
    expect(readdirSync(lintFixtures).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule) => {
  const family = rule.families[0] ?? "rpm";
  const profile = getProfile(fixtureTarget(id, family));
  it.each(["pass", "fail"] as const)(
    "has a %s fixture it reads, with the expected result",
    async (kind) => {
      const directory = join(lintFixtures, id, kind);
      expect(existsSync(directory), `${directory} is missing`).toBe(true);
      const input = await fixtureInput(directory, scratch);
      expect(rule.inputs).toContain(input.kind);
      expect(rule.families).toContain(profile.family);
      const found = runRules(input, profile, { rules: [rule] });
      expect(found.every((f) => f.ruleId === id)).toBe(true);
      if (kind === "pass") expect(found).toEqual([]);
      else expect(found.length).toBeGreaterThan(0);
    },
  );
});
