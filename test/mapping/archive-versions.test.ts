/**
 * The version translation measured on the real Debian 12 (bookworm) archive: for each Python
 * package of a committed sample of its `Packages` lists (and, when this host has apt's lists,
 * of all of them), (a) the version wheel2pkg gives a wheel of the same release is spelled as the
 * archive spells it, but for the repack suffix and the revision; (b) relations built around the
 * archive's version (`==`, `>=`, `<=`, `<`, `>`, `!=`, `~=` on it, on other spellings of it and
 * on its neighbours) admit the archive's package exactly when PEP 440 admits the version it
 * carries, as dpkg orders them, but for the cases docs/version-translation.md lists.
 *
 * WHEEL2PKG_SAMPLE_ARCHIVE=1 rewrites the sample from this host's lists.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { debRelations, debVersion } from "../../src/mapping/deb-version.js";
import { stripTrailingZeros } from "../../src/mapping/version-clause.js";
import { parseSpecifiers } from "../../src/model/specifier.js";
import type { Specifier } from "../../src/model/types.js";
import { parseVersion } from "../../src/model/version.js";
import { inexactCase } from "../helpers/archive-spellings.js";
import {
  archiveRelease,
  hostPackagesLists,
  readHostList,
  readPackages,
  type ArchiveEntry,
} from "../helpers/debian-archive.js";
import { DpkgVersions, dpkgAvailable, dpkgBinaryCompare } from "../helpers/dpkg-compare.js";
import { specifiersContain } from "../helpers/pep440-oracle.js";

const sampleFile = join(import.meta.dirname, "../../fixtures/archive/bookworm-python3.Packages");
const run = it.skipIf(!dpkgAvailable() && process.env.CI !== "true");

/** Clauses around a version: on it, on its other spellings, on its neighbours. */
function clausesAround(version: string): Specifier[] {
  const parts = parseVersion(version);
  if (parts === null) return [];
  const release = parts.release;
  const last = release.at(-1) ?? 0;
  const shortest = stripTrailingZeros(release).join(".");
  const suffix = version.slice(release.join(".").length);
  const spellings = [
    ...new Set([version, `${shortest}${suffix}`, `${release.join(".")}.0${suffix}`]),
  ];
  const bump = (by: number) => [...release.slice(0, -1), last + by].join(".");
  const neighbours = [
    bump(1),
    ...(last > 0 ? [bump(-1)] : []),
    `${version}.post1`.replace(/\.post(\d+)\.post1$/, ".post$1.post1"),
    `${bump(1)}rc1`,
    `${release.join(".")}.1`,
  ].filter((v) => parseVersion(v) !== null);
  const texts = [
    ...spellings.flatMap((v) => ["==", ">=", "<=", "<", ">", "!="].map((op) => `${op}${v}`)),
    ...(release.length >= 2 ? spellings.map((v) => `~=${v}`) : []),
    ...neighbours.flatMap((v) => ["==", ">=", "<=", "<", ">", "!="].map((op) => `${op}${v}`)),
  ];
  return texts.flatMap((text) => {
    try {
      return parseSpecifiers(text);
    } catch {
      return [];
    }
  });
}

/** What one archive package gives: both spellings and its relations' answers. */
interface Measured {
  entry: ArchiveEntry;
  /** The upstream version (with epoch) wheel2pkg gives a wheel of the release, and the archive's. */
  own: string;
  archived: string;
  clauses: { spec: Specifier; relations: string[][]; expected: boolean }[];
}

function measure(entry: ArchiveEntry): Measured | null {
  const release = archiveRelease(entry.version);
  if (release.pep440 === null) return null;
  const own = debVersion(release.pep440, release.epoch);
  const archived = `${release.epoch === 0 ? "" : `${release.epoch}:`}${release.upstream}`;
  const clauses = clausesAround(release.pep440).map((spec) => ({
    spec,
    relations: debRelations(entry.package, [spec], release.epoch).relations,
    expected: specifiersContain(release.pep440 ?? "", [spec]),
  }));
  return { entry, own, archived, clauses };
}

/** Why a disagreement is one the document lists, or null when it is not. */
function explained(entry: ArchiveEntry, spec: Specifier): string | null {
  const release = archiveRelease(entry.version);
  const parts = parseVersion(release.pep440 ?? "");
  if (parts === null) return null;
  // `1.2.post4`, `2.0a5`: upstream's notation, which dpkg reads differently (documented).
  if (!release.debianNotation) return "upstream-notation";
  return inexactCase(spec, {
    parts,
    release: parts.release,
    repack: release.repack,
    revision: release.revision,
    archiveEpoch: release.epoch,
  });
}

/** Counts over many archive packages, comparing with dpkg (`binary`: the dpkg program). */
function tally(entries: readonly ArchiveEntry[], binary: boolean) {
  const dpkg = new DpkgVersions();
  const measured = entries.flatMap((e) => measure(e) ?? []);
  const questions = measured.flatMap((m) =>
    m.clauses.flatMap((c) => DpkgVersions.questions(m.entry.version, c.relations)),
  );
  const spellings = measured.map((m): [string, string] => [m.own, m.archived]);
  dpkg.compareMany([...questions, ...spellings]);
  // The same for dpkg: `1.01` and `1.1` are one version.
  const spelled = measured.filter((m) => dpkg.compare(m.own, m.archived) === 0);
  if (binary) {
    const asked = [...questions, ...spellings];
    const unique = [...new Map(asked.map((q) => [q.join("\t"), q])).values()];
    expect(dpkgBinaryCompare(unique)).toEqual(dpkg.compareMany(unique));
  }
  const unexplained: string[] = [];
  const inexact = new Map<string, number>();
  let agreeing = 0;
  let total = 0;
  for (const m of measured) {
    for (const c of m.clauses) {
      total += 1;
      if (dpkg.satisfies(m.entry.version, c.relations) === c.expected) {
        agreeing += 1;
        continue;
      }
      const why = explained(m.entry, c.spec);
      const line = `${m.entry.package} ${m.entry.version}: ${c.spec.operator}${c.spec.version}`;
      if (why === null) unexplained.push(line);
      else inexact.set(why, (inexact.get(why) ?? 0) + 1);
    }
  }
  return {
    packages: measured.length,
    identical: measured.filter((m) => m.own === m.archived).length,
    spelled: spelled.length,
    misspelled: measured
      .filter((m) => !spelled.includes(m))
      .map((m) => `${m.entry.package} ${m.entry.version} (wheel2pkg: ${m.own})`),
    epochs: measured.filter((m) => archiveRelease(m.entry.version).epoch > 0).length,
    repacked: measured.filter((m) => archiveRelease(m.entry.version).repack !== "").length,
    agreeing,
    total,
    inexact: Object.fromEntries(inexact),
    unexplained,
  };
}

/**
 * The sample: every `~`-repacked, `+repack` or pre-/post-release package, every other epoch'd
 * one, every 6th repacked one, a few named ones and every 80th of the rest.
 */
function sample(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  const python = [
    ...new Map(
      entries
        .filter((e) => e.package.startsWith("python3-"))
        .map((e) => [`${e.package} ${e.version}`, e]),
    ).values(),
  ]
    .filter((e) => archiveRelease(e.version).pep440 !== null)
    .sort((a, b) => (a.package + a.version < b.package + b.version ? -1 : 1));
  const named = ["numpy", "pygments", "paramiko", "rich", "cffi", "scipy", "cryptography", "yaml"];
  let epochs = 0;
  let repacks = 0;
  return python.filter((e, i) => {
    const r = archiveRelease(e.version);
    if (named.includes(e.package.slice("python3-".length))) return true;
    if (r.epoch > 0) return epochs++ % 3 === 0;
    if (r.repack !== "" && !r.repack.startsWith("~") && !r.repack.startsWith("+repack")) {
      return repacks++ % 10 === 0;
    }
    return r.repack !== "" || /[~a-z]/.test(r.upstream) || i % 40 === 0;
  });
}

describe("the version translation on the real bookworm archive", () => {
  const sampled = readPackages(readFileSync(sampleFile, "utf8"));

  it.runIf(process.env.WHEEL2PKG_SAMPLE_ARCHIVE === "1")(
    "rewrites the sample from apt's lists",
    () => {
      const lists = hostPackagesLists();
      expect(lists.length).toBeGreaterThan(0);
      const chosen = sample(lists.flatMap(readHostList));
      const header = [
        "# Python 3 packages of Debian 12 (bookworm, bookworm-updates, bookworm-security, amd64),",
        "# sampled from apt's lists by test/mapping/archive-versions.test.ts",
        "# (WHEEL2PKG_SAMPLE_ARCHIVE=1): every epoch'd, ~-repacked, +repack or pre-/post-release",
        "# package, a few named ones, and every 12th other whose upstream is a PEP 440 version.",
      ];
      const stanzas = chosen.map((e) => `Package: ${e.package}\nVersion: ${e.version}\n`);
      writeFileSync(sampleFile, `${header.join("\n")}\n\n${stanzas.join("\n")}`);
    },
  );

  run("measures the committed sample against the dpkg program", () => {
    const counts = tally(sampled, true);
    console.info(`bookworm sample: ${JSON.stringify(counts, null, 1)}`);
    expect(counts.packages).toBeGreaterThanOrEqual(50);
    expect(counts.epochs).toBeGreaterThanOrEqual(10);
    expect(counts.repacked).toBeGreaterThanOrEqual(10);
    expect(sampled.find((e) => e.package === "python3-numpy")?.version).toBe("1:1.24.2-1+deb12u1");
    // Only upstream's own notation (`1.2.post4`, `2.0a5`) is spelled differently.
    for (const line of counts.misspelled) {
      const version = line.split(" ")[1] ?? "";
      expect(archiveRelease(version).debianNotation, line).toBe(false);
    }
    expect(counts.unexplained).toEqual([]);
  });

  // The host's own lists, when it has them: every Python package of the archive.
  const hostLists = hostPackagesLists();
  it.skipIf(hostLists.length === 0 || (!dpkgAvailable() && process.env.CI !== "true"))(
    "measures all of this host's lists",
    () => {
      const python = new Map(
        hostLists
          .flatMap(readHostList)
          .filter((e) => e.package.startsWith("python3-"))
          .map((e) => [`${e.package} ${e.version}`, e]),
      );
      const counts = tally([...python.values()], false);
      console.info(
        `host archive: ${JSON.stringify({ ...counts, misspelled: counts.misspelled.length }, null, 1)}`,
      );
      expect(counts.unexplained).toEqual([]);
    },
  );
});
