/**
 * The RPM translation against rpm's own ordering: a package providing
 * `python3dist(foo) = rpmVersion(W)` satisfies the Requires of a specifier set exactly when W
 * satisfies the set, outside pythondistdeps' documented looseness classes — and inside them it
 * errs the documented way.
 */
import { compare } from "@renovatebot/pep440";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  rpmPackageRelations,
  rpmPackageVersion,
  rpmRelations,
  rpmVersion,
} from "../../src/mapping/rpm-version.js";
import { nextRelease, stripTrailingZeros } from "../../src/mapping/version-clause.js";
import type { Specifier } from "../../src/model/types.js";
import { isPrerelease, parseVersion, type Pep440Version } from "../../src/model/version.js";
import { archiveCase, inexactCase, rpmArchiveVersion } from "../helpers/archive-spellings.js";
import { formatParts, specifierCase, version } from "../helpers/pep440-arbitraries.js";
import { specifiersContain } from "../helpers/pep440-oracle.js";
import { RpmVersions, rpmAvailable } from "../helpers/rpm-compare.js";

const available = rpmAvailable();
const run = it.skipIf(!available && process.env.CI !== "true");
const numRuns = 10_000;
/** Set FC_SEED to replay a failing run (the seed is in the suite name). */
const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);

const parse = (text: string): Pep440Version => {
  const parts = parseVersion(text);
  if (parts === null) throw new Error(text);
  return parts;
};
const sameRelease = (a: readonly number[], b: readonly number[]): boolean =>
  stripTrailingZeros(a).join(".") === stripTrailingZeros(b).join(".");
const collapses = (p: Pep440Version): boolean =>
  [p.pre !== null, p.post !== null, p.dev !== null].filter(Boolean).length > 1;

/**
 * The looseness class (docs/version-translation.md) that candidate `w` runs into with a clause,
 * and which way rpm then errs: "admits" what PEP 440 refuses, "refuses" what it admits, or
 * "either". null: rpm must agree with PEP 440.
 */
function loosenessClass(spec: Specifier, w: Pep440Version): "admits" | "refuses" | "either" | null {
  if (spec.operator === "===") return "admits";
  const v = parse(spec.version);
  if (v.local !== null || collapses(v) || collapses(w)) return "either";
  const preOf = (release: number[]): boolean =>
    isPrerelease(w) && w.epoch === v.epoch && sameRelease(w.release, release);
  const prefix = spec.operator === "~=" ? v.release.slice(0, -1) : v.release;
  if (spec.operator === "~=" || (spec.operator === "==" && spec.wildcard)) {
    if (preOf(nextRelease(prefix))) return "admits";
  }
  if (spec.wildcard && preOf(spec.operator === "==" ? prefix : nextRelease(prefix))) {
    return "refuses";
  }
  return null;
}

describe(`RPM translation against rpm (seed ${String(seed)})`, () => {
  const versions = new RpmVersions();

  run(
    `Requires admit exactly the satisfying versions, but for the looseness classes (${String(numRuns)} cases)`,
    () => {
      const samples = fc.sample(specifierCase, { seed, numRuns });
      versions.compareMany(
        samples.flatMap((c) =>
          RpmVersions.questions(
            rpmVersion(c.candidate),
            rpmRelations("foo", c.specifiers).relations[0] ?? "",
          ),
        ),
      );
      fc.assert(
        fc.property(specifierCase, ({ specifiers, candidate }) => {
          const relation = rpmRelations("foo", specifiers).relations[0] ?? "";
          const admitted = versions.satisfies(rpmVersion(candidate), relation);
          const expected = specifiersContain(candidate, specifiers);
          const classes = specifiers.map((spec) => loosenessClass(spec, parse(candidate)));
          if (classes.every((c) => c === null)) return admitted === expected;
          if (specifiers.length > 1 || admitted === expected) return true;
          return classes[0] === "either" || (classes[0] === "admits") === admitted;
        }),
        { seed, numRuns },
      );
    },
  );

  run(`rpmVersion orders as PEP 440 unless suffixes collapse (${String(numRuns)} pairs)`, () => {
    const arbitrary = fc.tuple(version(), version());
    const pairs = fc.sample(arbitrary, { seed, numRuns });
    versions.compareMany(pairs.map(([a, b]) => [rpmVersion(a), rpmVersion(b)]));
    fc.assert(
      fc.property(arbitrary, ([a, b]) => {
        if (collapses(parse(a)) || collapses(parse(b))) return true;
        return versions.compare(rpmVersion(a), rpmVersion(b)) === Math.sign(compare(a, b));
      }),
      { seed, numRuns },
    );
  });

  run(
    `rpmPackageVersion orders as PEP 440 unless a release is respelled (${String(numRuns)} pairs)`,
    () => {
      const evr = (v: string): string => {
        const { epoch, version: text } = rpmPackageVersion(v);
        return `${String(epoch ?? 0)}:${text}`;
      };
      const arbitrary = fc.tuple(version(), version());
      const pairs = fc.sample(arbitrary, { seed, numRuns });
      versions.compareMany(pairs.map(([a, b]) => [evr(a), evr(b)]));
      fc.assert(
        fc.property(arbitrary, ([a, b]) => {
          const [pa, pb] = [parse(a), parse(b)];
          const respelled =
            sameRelease(pa.release, pb.release) && pa.release.length !== pb.release.length;
          if (respelled) return true;
          return versions.compare(evr(a), evr(b)) === Math.sign(compare(a, b));
        }),
        { seed, numRuns },
      );
    },
  );

  run(
    `relations on packages admit exactly what PEP 440 admits, as the archive spells it (${String(numRuns)} cases)`,
    () => {
      // rpm has no repack suffixes, and a relation without a release compares Versions only.
      const arbitrary = archiveCase([""], ["1"]).map(({ specifiers, archive }) => ({
        specifiers,
        archive: { ...archive, parts: { ...archive.parts, local: null } },
      }));
      const relationOf = (specifiers: Specifier[], archiveEpoch: number): string =>
        rpmPackageRelations(["python-foo"], "foo", specifiers, archiveEpoch).relations[0] ?? "";
      const samples = fc.sample(arbitrary, { seed, numRuns });
      versions.compareMany(
        samples.flatMap(({ specifiers, archive }) =>
          RpmVersions.questions(
            rpmArchiveVersion(archive),
            relationOf(specifiers, archive.archiveEpoch),
          ),
        ),
      );
      let exact = 0;
      fc.assert(
        fc.property(arbitrary, ({ specifiers, archive }) => {
          const relation = relationOf(specifiers, archive.archiveEpoch);
          const admitted = versions.satisfies(rpmArchiveVersion(archive), relation);
          const expected = specifiersContain(formatParts(archive.parts), specifiers);
          if (specifiers.some((spec) => inexactCase(spec, archive) !== null)) return true;
          exact += 1;
          const loosened = specifiers.some(
            (spec) => spec.operator === "===" || parse(spec.version).local !== null,
          );
          // Loosened (`===`, a local label): never stricter than PEP 440.
          return loosened ? !expected || admitted : admitted === expected;
        }),
        { seed, numRuns },
      );
      expect(exact).toBeGreaterThan(numRuns * 0.7);
    },
  );
});
