/**
 * The family contract as docs/architecture.md ("Add a family") walks through it: a toy family
 * registered in a table like `families` must provide every hook, and the compiler names the one
 * it lacks. `tsc --noEmit` (part of npm test) checks the `@ts-expect-error` lines.
 */
import { describe, expect, it } from "vitest";
import { families, familyOf, type Family } from "../../src/families/index.js";
import {
  type MappingStyle,
  mapRequirement,
  nameLayers,
  noNameRules,
  ruleLayers,
} from "../../src/mapping/index.js";
import { parseRequirement } from "../../src/model/index.js";
import { getProfile, profiles, type TargetFamily } from "../../src/profiles/index.js";

/** Names compared in lower case, no built-in layer, a requirement is its package's name alone. */
const toyMapping: MappingStyle = {
  key: (project) => project.toLowerCase(),
  nameProblem: () => null,
  ruleName: (name) => name,
  builtinLayer: () => "toy-index",
  builtin: () => undefined,
  ownNames: (project) => ({
    source: project,
    binary: project,
    layer: "default",
    requiredAs: project,
  }),
  relations: (_requirement, name) => ({ dependencies: [name], breaks: [], diagnostics: [] }),
  archiveName: (name) => name,
  relationName: (name) => name,
  relationNotes: () => [],
};

/** A family that plans nothing: every hook present, none of them useful. */
const toy: Family = {
  id: "deb",
  plan: () => {
    throw new Error("toy");
  },
  packageVersion: (version) => ({ version, diagnostics: [] }),
  build: () => Promise.reject(new Error("toy")),
  wheelChecks: { signatures: () => [], checks: [] },
  nativeLint: () => Promise.resolve({ tool: "lintian", available: false, tags: [], output: "" }),
  queryPackage: () => Promise.reject(new Error("toy")),
  lintFile: () => null,
  packagingRoot: () => null,
  isBinaryPackage: () => false,
  mapping: toyMapping,
  relationNames: (relation) => [relation],
  readArchive: () => Promise.reject(new Error("toy")),
  compareVersions: (a, b) => a.localeCompare(b),
  relationInArchive: (relation) => ({ relation, offers: [], status: "unknown" }),
  writeRepository: () => Promise.reject(new Error("toy")),
  checkInstall: () => Promise.resolve({ checked: false, source: "toy", results: [] }),
};

describe("the family contract", () => {
  it("is demanded hook by hook by the compiler", () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- only its absence matters
    const { readArchive: _dropped, ...withoutOne } = toy;
    // @ts-expect-error a family without readArchive is no Family
    const incomplete: Family = withoutOne;
    // @ts-expect-error the table must hold every family a profile can name
    const partial: Record<TargetFamily, Family> = { rpm: toy };
    expect([incomplete, partial]).toHaveLength(2);
  });

  it("has no optional hook, in the family nor in its mapping style", () => {
    /** The keys of T that may be left out. */
    type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
    const none: [OptionalKeys<Family>, OptionalKeys<MappingStyle>] extends [never, never]
      ? true
      : false = true;
    // tsc refuses `true` here as soon as a hook of either may be left out.
    expect(none).toBe(true);
  });

  it("has one registered family for every profile, found by the profile's family id", () => {
    for (const profile of profiles.values()) {
      expect(familyOf(profile).id).toBe(profile.family);
    }
    expect(Object.keys(families).sort()).toEqual(["deb", "rpm"]);
    expect(familyOf(getProfile("fedora"))).toBe(families.rpm);
  });

  it("lets a toy family answer in place of a real one", () => {
    const table: Record<TargetFamily, Family> = { ...families, deb: toy };
    expect(table.deb.packageVersion("1.0").version).toBe("1.0");
    expect(table.deb.lintFile("x.deb", false)).toBeNull();
  });

  it("names its own built-in layer, asked after the rules and before the default", () => {
    expect(nameLayers(getProfile("debian-12"), toy.mapping)).toEqual([
      ...ruleLayers,
      "toy-index",
      "default",
    ]);
  });

  it("maps requirements with the family's naming, not a test of which family it is", () => {
    const rules = noNameRules(toy.mapping);
    const mapped = mapRequirement(parseRequirement("Foo>=1"), getProfile("debian-12"), {
      machine: null,
      rules,
    });
    expect(mapped.dependencies).toEqual(["python3-foo"]);
    expect(mapped.breaks).toEqual([]);
  });
});
