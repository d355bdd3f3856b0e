/**
 * Soundness of the Debian translation against dpkg's own ordering: an archive package
 * `[E:]U[X]-R` satisfies the relations of a specifier set exactly when the PEP 440 version U
 * carries satisfies the set, however U spells its release, whatever repack suffix X and revision
 * R, with the epoch E the archive gives the package, outside the inexact cases
 * docs/version-translation.md lists; and debVersion() orders as PEP 440.
 */
import { compare } from "@renovatebot/pep440";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { debRelations, debVersion } from "../../src/mapping/deb-version.js";
import { stripTrailingZeros } from "../../src/mapping/version-clause.js";
import type { Specifier } from "../../src/model/types.js";
import { parseVersion } from "../../src/model/version.js";
import {
  archiveCase,
  debianArchiveVersion,
  debianRepacks,
  debianRevisions,
  inexactCase,
} from "../helpers/archive-spellings.js";
import { DpkgVersions, dpkgAvailable, dpkgBinaryCompare } from "../helpers/dpkg-compare.js";
import { formatParts, version, versionParts } from "../helpers/pep440-arbitraries.js";
import { specifiersContain } from "../helpers/pep440-oracle.js";

const available = dpkgAvailable();
const run = it.skipIf(!available && process.env.CI !== "true");
const numRuns = Number(process.env.FC_RUNS ?? 10_000);
/** Set FC_SEED to replay a failing run (the seed is in the suite name). */
const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);

/** Clauses that debRelations() loosens on purpose, with a warning: `===` and local labels. */
const loosened = (spec: Specifier): boolean =>
  spec.operator === "===" || parseVersion(spec.version)?.local != null;

describe(`Debian translation against dpkg (seed ${String(seed)})`, () => {
  const versions = new DpkgVersions();

  run(
    `relations admit exactly what PEP 440 admits, as the archive spells it (${String(numRuns)} cases)`,
    () => {
      const arbitrary = archiveCase(debianRepacks, debianRevisions);
      const relationsOf = (specifiers: Specifier[], archiveEpoch: number) =>
        debRelations("python3-foo", specifiers, archiveEpoch);
      const samples = fc.sample(arbitrary, { seed, numRuns });
      const questions = samples.flatMap(({ specifiers, archive }) =>
        DpkgVersions.questions(
          debianArchiveVersion(archive),
          relationsOf(specifiers, archive.archiveEpoch).relations,
        ),
      );
      versions.compareMany(questions);

      let exact = 0;
      fc.assert(
        fc.property(arbitrary, ({ specifiers, archive }) => {
          const { relations, diagnostics } = relationsOf(specifiers, archive.archiveEpoch);
          const admitted = versions.satisfies(debianArchiveVersion(archive), relations);
          const expected = specifiersContain(formatParts(archive.parts), specifiers);
          // An inexact case (docs/version-translation.md, "What dpkg and rpm cannot say").
          if (specifiers.some((spec) => inexactCase(spec, archive) !== null)) return true;
          exact += 1;
          if (specifiers.some(loosened)) {
            // Loosened: never stricter than PEP 440, and said so.
            const warned = diagnostics.some((d) => d.severity === "warning");
            return warned && (!expected || admitted);
          }
          return admitted === expected;
        }),
        { seed, numRuns },
      );
      // The inexact cases are edges; most cases must be checked.
      expect(exact).toBeGreaterThan(numRuns * 0.7);

      // The Perl module is dpkg's own code; check a sample against the dpkg binary too.
      const sample = questions.filter((_, i) => i % Math.ceil(questions.length / 300) === 0);
      expect(dpkgBinaryCompare(sample)).toEqual(versions.compareMany(sample));
    },
  );

  run(
    `debVersion orders as PEP 440 but for one release spelled two ways (${String(numRuns)} pairs)`,
    () => {
      const revision = fc.constantFrom(...debianRevisions);
      const arbitrary = fc.tuple(version(), version(), revision, revision);
      const pairs = fc.sample(arbitrary, { seed, numRuns });
      versions.compareMany(
        pairs.map(([a, b, ra, rb]) => [`${debVersion(a)}-${ra}`, `${debVersion(b)}-${rb}`]),
      );
      fc.assert(
        fc.property(arbitrary, ([a, b, ra, rb]) => {
          const [pa, pb] = [parseVersion(a), parseVersion(b)];
          if (pa === null || pb === null) return false;
          const respelled =
            pa.epoch === pb.epoch &&
            pa.release.length !== pb.release.length &&
            stripTrailingZeros(pa.release).join(".") === stripTrailingZeros(pb.release).join(".");
          if (respelled) return true;
          const pep = Math.sign(compare(a, b));
          if (pep === 0) return debVersion(a) === debVersion(b);
          return versions.compare(`${debVersion(a)}-${ra}`, `${debVersion(b)}-${rb}`) === pep;
        }),
        { seed, numRuns },
      );
    },
  );

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
