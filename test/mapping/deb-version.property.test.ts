/**
 * Soundness of the Debian translation against dpkg's own ordering: a package built from PEP 440
 * version W (Debian version `debVersion(W)-R`) satisfies the relations of a specifier set exactly
 * when W satisfies the set, for every revision R we guarantee; and debVersion() orders as PEP 440.
 */
import { compare } from "@renovatebot/pep440";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { debRelations, debVersion } from "../../src/mapping/deb-version.js";
import type { Specifier } from "../../src/model/types.js";
import { parseVersion } from "../../src/model/version.js";
import { DpkgVersions, dpkgAvailable, dpkgBinaryCompare } from "../helpers/dpkg-compare.js";
import {
  formatParts,
  specifierCase,
  version,
  versionParts,
} from "../helpers/pep440-arbitraries.js";
import { specifiersContain } from "../helpers/pep440-oracle.js";

const available = dpkgAvailable();
const run = it.skipIf(!available && process.env.CI !== "true");
const numRuns = 10_000;
/** Set FC_SEED to replay a failing run (the seed is in the suite name). */
const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);

/** Revisions Debian and Ubuntu use; all sort at or above the empty revision. */
const revision = fc.constantFrom(
  "1",
  "2",
  "10",
  "0",
  "0.1",
  "1+b1",
  "0ubuntu1",
  "1~bpo12+1",
  "1.1",
);

/** Clauses that debRelations() loosens on purpose, with a warning: `===` and local labels. */
const loosened = (spec: Specifier): boolean =>
  spec.operator === "===" || parseVersion(spec.version)?.local != null;

describe(`Debian translation against dpkg (seed ${String(seed)})`, () => {
  const versions = new DpkgVersions();

  run(`relations admit exactly the satisfying versions (${String(numRuns)} cases)`, () => {
    const arbitrary = fc.tuple(specifierCase, revision);
    const installed = (candidate: string, rev: string): string => `${debVersion(candidate)}-${rev}`;
    const samples = fc.sample(arbitrary, { seed, numRuns });
    const questions = samples.flatMap(([c, rev]) =>
      DpkgVersions.questions(
        installed(c.candidate, rev),
        debRelations("python3-foo", c.specifiers).relations,
      ),
    );
    versions.compareMany(questions);

    fc.assert(
      fc.property(arbitrary, ([{ specifiers, candidate }, rev]) => {
        const { relations, diagnostics } = debRelations("python3-foo", specifiers);
        const admitted = versions.satisfies(installed(candidate, rev), relations);
        const expected = specifiersContain(candidate, specifiers);
        if (!specifiers.some(loosened)) return admitted === expected;
        // Loosened: never stricter than PEP 440, and said so.
        const warned = diagnostics.some((d) => d.severity === "warning");
        return warned && (!expected || admitted);
      }),
      { seed, numRuns },
    );

    // The Perl module is dpkg's own code; check a sample against the dpkg binary too.
    const sample = questions.filter((_, i) => i % Math.ceil(questions.length / 300) === 0);
    expect(dpkgBinaryCompare(sample)).toEqual(versions.compareMany(sample));
  });

  run(`debVersion orders as PEP 440 (${String(numRuns)} pairs)`, () => {
    const arbitrary = fc.tuple(version(), version(), revision, revision);
    const pairs = fc.sample(arbitrary, { seed, numRuns });
    versions.compareMany(
      pairs.map(([a, b, ra, rb]) => [`${debVersion(a)}-${ra}`, `${debVersion(b)}-${rb}`]),
    );
    fc.assert(
      fc.property(arbitrary, ([a, b, ra, rb]) => {
        const pep = Math.sign(compare(a, b));
        if (pep === 0) return debVersion(a) === debVersion(b);
        return versions.compare(`${debVersion(a)}-${ra}`, `${debVersion(b)}-${rb}`) === pep;
      }),
      { seed, numRuns },
    );
  });

  run("a local build sorts after its version and before the version's post-releases", () => {
    const arbitrary = fc.tuple(
      versionParts().map((p) => formatParts({ ...p, post: null, dev: null })),
      fc.constantFrom("abc", "1", "zz.9", "cu118"),
    );
    const questions = fc.sample(arbitrary, { seed, numRuns: 1000 }).flatMap(([v, local]) => {
      const build = debVersion(`${v}+${local}`);
      return [
        [debVersion(v), build],
        [build, debVersion(`${v}.post0.dev0`)],
      ] as [string, string][];
    });
    expect(versions.compareMany(questions).every((c) => c === -1)).toBe(true);
  });
});
