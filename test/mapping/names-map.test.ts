import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.js";
import { families, targetConfig } from "../../src/families/index.js";
import { mapRequirement, noNameRules } from "../../src/mapping/index.js";
import { parseRequirement } from "../../src/model/index.js";
import { getProfile, type TargetProfile } from "../../src/profiles/index.js";

const debian = getProfile("debian-12");
const config = parseConfig(
  [
    "[mapping]",
    'ignore = ["pytest"]',
    "[mapping.targets.fedora]",
    'overrides = { psycopg2-binary = "psycopg2" }',
  ].join("\n"),
  "/p/wheel2pkg.toml",
  "wheel2pkg.toml",
);
const map = (requirement: string, profile: TargetProfile) =>
  mapRequirement(parseRequirement(requirement), profile, {
    machine: null,
    rules: targetConfig(config, profile).names,
  });
const codes = (mapped: { diagnostics: { code: string }[] }) =>
  mapped.diagnostics.map((d) => d.code);

describe("mapRequirement with name rules", () => {
  it.each([
    ["PyYAML>=5.1", "debian-12", ["python3-yaml (>= 5.1)"], []],
    ["psycopg2-binary>=2.8", "fedora", ["python3dist(psycopg2) >= 2.8"], []],
    ["psycopg2-binary>=2.8", "debian-12", ["python3-psycopg2-binary (>= 2.8)"], ["name-guessed"]],
    ["argparse>=1.1", "debian-12", ["python3 (>= 3.2)"], ["relation-from-distro-data"]],
    ["pytest>=7", "debian-12", [], ["name-ignored"]],
    ["pytest>=7", "fedora", [], ["name-ignored"]],
  ])("%s on %s", (requirement, target, dependencies, diagnostics) => {
    const mapped = map(requirement, getProfile(target));
    expect(mapped.dependencies).toEqual(dependencies);
    expect(codes(mapped)).toEqual(diagnostics);
  });

  it("names the config key that dropped a requirement", () => {
    const [note] = map("pytest>=7", debian).diagnostics;
    expect(note).toMatchObject({ code: "name-ignored", severity: "info" });
    expect(note?.message).toContain("wheel2pkg.toml:2:11: mapping.ignore[0]");
  });

  it("maps as before without rules", () => {
    const mapped = mapRequirement(parseRequirement("Some_Thing>=1"), debian, {
      machine: null,
      rules: noNameRules(families.deb.mapping),
    });
    expect(mapped.dependencies).toEqual(["python3-some-thing (>= 1)"]);
    expect(mapped.diagnostics).toEqual([
      {
        code: "name-guessed",
        severity: "info",
        message: "Some_Thing → python3-some-thing: default rule python3-<name>",
        field: "Requires-Dist",
      },
    ]);
  });
});
