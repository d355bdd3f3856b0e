import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRules } from "../../src/lint/engine.js";
import { rules } from "../../src/lint/rules/index.js";
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

  it("has at least 10 rules for each family", () => {
    for (const family of ["rpm", "deb"] as const) {
      expect(rules.filter((r) => r.families.includes(family)).length).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([
    ["prebuilt-binary", "error", ["rpm"], ["wheel"]],
    ["license-not-spdx", "error", ["rpm"], ["spec", "rpm"]],
    ["owns-system-directory", "error", ["rpm"], ["spec", "rpm"]],
    ["requires-by-package-name", "warning", ["rpm"], ["spec", "rpm"]],
    ["bytecode-shipped", "error", ["deb"], ["deb"]],
    ["synopsis-starts-with-package-name", "error", ["deb"], ["debian-dir", "deb"]],
    ["copyright-format", "error", ["deb"], ["debian-dir"]],
    ["executable-without-man-page", "warning", ["deb"], ["deb"]],
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
