/**
 * Archive-style spellings of PEP 440 versions for the property tests: a release written with
 * more or fewer trailing zeros than upstream, repack suffixes, Debian revisions (binNMUs,
 * stable updates), and an epoch the archive gives the package; and the cases that
 * docs/version-translation.md lists as inexact, each with the way dpkg and rpm then err.
 */
import fc from "fast-check";
import { isFinal, lowerBoundRelease } from "../../src/mapping/archive-bounds.js";
import { stripTrailingZeros } from "../../src/mapping/version-clause.js";
import type { Specifier } from "../../src/model/types.js";
import { parseVersion, type Pep440Version } from "../../src/model/version.js";
import { specifierCase } from "./pep440-arbitraries.js";

/** Repack suffixes the archive appends to an upstream version ("" most often). */
export const debianRepacks = ["", "", "", "+dfsg", "+dfsg1", "+ds", "+ds1", "+repack", "~dfsg"];

/** Debian revisions: uploads, NMUs, binNMUs, backports, stable and security updates. */
export const debianRevisions = [
  "1",
  "2",
  "10",
  "0",
  "0.1",
  "1.1",
  "1+b1",
  "2+b8",
  "0ubuntu1",
  "1~bpo12+1",
  "1+deb12u1",
  "1~deb12u1",
  "0+deb11u1",
  "1.1~deb12u1",
];

/** How the archive writes a release: as upstream, shortest, one more zero, at least three numbers. */
export const widths = ["as-written", "shortest", "one-more-zero", "three"] as const;

/** The release as the archive writes it. */
export function respell(release: readonly number[], width: (typeof widths)[number]): number[] {
  const shortest = stripTrailingZeros(release);
  switch (width) {
    case "as-written":
      return [...release];
    case "shortest":
      return shortest;
    case "one-more-zero":
      return [...release, 0];
    case "three":
      while (shortest.length < 3) shortest.push(0);
      return shortest;
  }
}

/** One package of an archive: the PEP 440 version it carries, and how the archive spells it. */
export interface ArchivePackage {
  parts: Pep440Version;
  release: number[];
  repack: string;
  revision: string;
  /** The epoch the archive gives the package (a PEP 440 epoch adds to it). */
  archiveEpoch: number;
}

/** A specifier set with an archive package, often near the set's first clause. */
export function archiveCase(
  repacks: readonly string[],
  revisions: readonly string[],
): fc.Arbitrary<{ specifiers: Specifier[]; archive: ArchivePackage }> {
  return fc
    .tuple(
      specifierCase,
      fc.constantFrom(...widths),
      fc.constantFrom(...repacks),
      fc.constantFrom(...revisions),
      fc.constantFrom(0, 0, 0, 1, 2),
    )
    .map(([{ specifiers, candidate }, width, repack, revision, archiveEpoch]) => {
      const parsed = parseVersion(candidate);
      if (parsed === null) throw new Error(`arbitrary made an invalid version: ${candidate}`);
      // A repacked archive version has no local label; wheel2pkg's own packages may.
      const parts = repack === "" ? parsed : { ...parsed, local: null };
      const release = respell(parts.release, width);
      return { specifiers, archive: { parts, release, repack, revision, archiveEpoch } };
    });
}

const same = (a: readonly number[], b: readonly number[]): boolean =>
  stripTrailingZeros(a).join(".") === stripTrailingZeros(b).join(".");

/** Whether two versions are the same version but for a local label. */
function samePublic(a: Pep440Version, b: Pep440Version): boolean {
  return (
    a.epoch === b.epoch &&
    same(a.release, b.release) &&
    JSON.stringify([a.pre, a.post, a.dev]) === JSON.stringify([b.pre, b.post, b.dev])
  );
}

/**
 * The inexact case (docs/version-translation.md, "What dpkg and rpm cannot say") an archive
 * package runs into with a clause, or null when its relations must agree with PEP 440.
 */
export function inexactCase(spec: Specifier, archive: ArchivePackage): string | null {
  // `===` is taken as `==`, a local label in a clause is ignored (both with a warning).
  const parsed = parseVersion(spec.version);
  if (parsed === null) return null;
  const v = { ...parsed, local: null };
  const operator = spec.operator === "===" ? "==" : spec.operator;
  const c = archive.parts;
  // The "after a release" bound (`2.14.0.1~~`) holds releases of up to four numbers.
  if (archive.release.length > 4) return "release-of-five-numbers";
  if (spec.wildcard || c.epoch !== v.epoch || !same(c.release, v.release)) return null;
  const tilde = archive.repack.startsWith("~");
  const lower = lowerBoundRelease(v.release).length;
  // `<V` ends before every spelling of V's release: exact.
  if (operator === "<" && isFinal(v)) return null;
  if (isFinal(v)) {
    const atLower = [">=", "==", "!=", "~="].includes(operator);
    const upper = ["<=", "==", "!="].includes(operator);
    const width = archive.release.length;
    // A pre- or dev-release of V (below V in PEP 440).
    const before = c.pre !== null || (c.dev !== null && c.post === null);
    if (atLower && before && width > lower) return "pre-release-spelled-wider";
    if (atLower && width < lower) return "release-spelled-shorter";
    if (upper && c.post !== null && c.pre === null) return "post-release-at-upper-bound";
    if (atLower && tilde && width === lower) return "tilde-repack-at-bound";
    return null;
  }
  if (archive.release.length !== v.release.length) return "spelled-with-other-zeros";
  if (tilde) return "tilde-repack-at-bound";
  // `+repack` sorts after `+post`: a bound at V's post-releases (or just after a pre-release V,
  // `1.0~rc1+post0~`) puts the repack of V's base on the wrong side.
  const prereleaseOnly = v.pre !== null && v.post === null && v.dev === null;
  const after = ["<=", "==", "!="].includes(operator);
  const base = { ...v, post: null, dev: null };
  const atPostMarker = v.post !== null || (prereleaseOnly && after);
  if (archive.repack > "+post" && c.post === null && c.dev === null && samePublic(c, base)) {
    if (atPostMarker) return "repack-after-post-marker";
  }
  return null;
}

/** The suffixes PEP 440 puts after the release, as Debian (`+post`) or rpm (`^post`) write them. */
function suffixes(parts: Pep440Version, post: string): string {
  let text = "";
  if (parts.pre !== null) text += `~${parts.pre.label}${parts.pre.number}`;
  if (parts.post !== null) text += `${post}${parts.post}`;
  if (parts.dev !== null)
    text += `${parts.pre !== null || parts.post !== null ? "~" : "~~"}dev${parts.dev}`;
  return text;
}

/** The package's full Debian version: `[E:]upstream[repack]-revision`. */
export function debianArchiveVersion(archive: ArchivePackage): string {
  const { parts } = archive;
  const epoch = parts.epoch + archive.archiveEpoch;
  const local = parts.local === null ? "" : `+~${parts.local}`;
  const upstream = `${archive.release.join(".")}${suffixes(parts, "+post")}${local}`;
  return `${epoch === 0 ? "" : `${epoch}:`}${upstream}${archive.repack}-${archive.revision}`;
}

/** The package's rpm `[E:]Version` (rpm compares a relation without a release on these only). */
export function rpmArchiveVersion(archive: ArchivePackage): string {
  const { parts } = archive;
  const epoch = parts.epoch + archive.archiveEpoch;
  return `${epoch === 0 ? "" : `${epoch}:`}${archive.release.join(".")}${suffixes(parts, "^post")}`;
}
