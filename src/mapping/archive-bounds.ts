/**
 * The version algebra that relations on distro packages share (docs/version-translation.md,
 * "Relations on archive packages"): how a PEP 440 version is spelled as a distro upstream version,
 * and the bounds that admit an archive package exactly when PEP 440 admits the version it
 * carries, however the archive spells it (trailing zeros either way, repack suffixes, epochs).
 *
 * Debian (dpkg) and rpm order versions alike where it matters here: `~` sorts before everything,
 * even the end of the string; a separator followed by more numbers sorts after any suffix that
 * starts with `~`, with a Debian `+` or an rpm `^`, or ends the string. So `2.14~rc1` <
 * `2.14` < `2.14+post1` (`2.14^post1`) < `2.14.0` < `2.14.0.1`: a release spelled with more
 * trailing zeros sorts after every suffix of the shorter spelling. Bounds are placed so that the
 * spellings of a final release, at any width, fall on the side PEP 440 puts that release:
 * - before a release: its shortest spelling and `~~` (`2~~`), below every spelling of it;
 * - at a final release: its spelling without trailing zeros but with two numbers (`2.14`,
 *   `3.0`), at or below every spelling of it but a one-number one (`3`);
 * - after a final release: the shortest spelling and a zero (at least three numbers), then
 *   `.1~~` (`2.14.0.1~~`), above every spelling of it (`2.14.0.0+dfsg`), below the next release.
 * Bounds at a pre-, dev- or post-release keep the release as the clause spells it.
 */
import type { Specifier } from "../model/types.js";
import { isPrerelease, type Pep440Version } from "../model/version.js";
import { nextRelease, stripTrailingZeros } from "./version-clause.js";

/** How a format writes what PEP 440 puts after the release. */
export interface VersionSpelling {
  /** The post-release marker: Debian `+post`, rpm `^post`. */
  post: string;
  /** A local label as the format keeps it (Debian `+~abc`), or null when it cannot. */
  local: ((label: string) => string) | null;
}

/** One bound of a relation: at least a version, or below it. Revisions never change the answer. */
export interface Bound {
  op: ">=" | "<";
  version: string;
}

/** How a clause's bounds are written: the format's spellings and the archive's epoch for the package. */
export interface BoundContext {
  spelling: VersionSpelling;
  /** The archive's epoch for the package (0 when it has none); a PEP 440 epoch adds to it. */
  archiveEpoch: number;
}

/** The numbers a lower bound at a final release keeps when the clause writes as many. */
const lowerWidth = 2;

/**
 * The fewest numbers the "after a release" bound pads a release to before its `.1~~`
 * (`2` → `2.0.0.1~~`, `1.2.3` → `1.2.3.0.1~~`): every release of up to four numbers sorts on the
 * right side of it.
 */
const afterWidth = 3;

function epochText(parts: Pep440Version, context: BoundContext): string {
  const epoch = parts.epoch + context.archiveEpoch;
  return epoch !== 0 ? `${epoch}:` : "";
}

/**
 * A version as the format spells it, with the release given: `1.0rc1` → `1.0~rc1`,
 * `1.0.dev1` → `1.0~~dev1`, `1.0.post1` → `1.0+post1`. With `open`, a `.dev0` is written as
 * bare tildes (`2.0~~`, `1.0+post1~`): nothing a version is spelled as sorts between the two,
 * and the bound reads as "just before".
 */
export function spellVersion(
  parts: Pep440Version,
  release: readonly number[],
  context: BoundContext,
  open = false,
): string {
  let text = epochText(parts, context) + release.join(".");
  if (parts.pre !== null) text += `~${parts.pre.label}${parts.pre.number}`;
  if (parts.post !== null) text += `${context.spelling.post}${parts.post}`;
  if (parts.dev !== null) {
    const tildes = parts.pre !== null || parts.post !== null ? "~" : "~~";
    text += open && parts.dev === 0 ? tildes : `${tildes}dev${parts.dev}`;
  }
  const local = context.spelling.local;
  if (parts.local !== null && local !== null) text += local(parts.local);
  return text;
}

/** Whether a version is a final release: no pre-, dev- or post-release part. */
export function isFinal(parts: Pep440Version): boolean {
  return parts.pre === null && parts.dev === null && parts.post === null;
}

/** Just before every spelling of a release, pre-releases included: `2~~`. */
function beforeRelease(parts: Pep440Version, release: readonly number[], c: BoundContext): string {
  return `${epochText(parts, c)}${stripTrailingZeros(release).join(".")}~~`;
}

/** Just after every spelling of a final release and its repacks, before the next and its pre-releases: `2.14.0.1~~`. */
function afterRelease(parts: Pep440Version, c: BoundContext): string {
  const release = stripTrailingZeros(parts.release);
  const width = Math.max(afterWidth, release.length + 1);
  while (release.length < width) release.push(0);
  release.push(1);
  return `${epochText(parts, c)}${release.join(".")}~~`;
}

/**
 * The release of a lower bound at a final release: without trailing zeros, but two numbers when
 * the clause writes two or more (`>=3.0` → `3.0`, `>=2.14.0` → `2.14`, `>=3` → `3`), the form
 * maintainers write, which keeps `3.0~rc1` out.
 */
export function lowerBoundRelease(release: readonly number[]): number[] {
  const shortest = stripTrailingZeros(release);
  while (shortest.length < Math.min(lowerWidth, release.length)) shortest.push(0);
  return shortest;
}

/** The lowest spelling of V: a final release as {@link lowerBoundRelease}, else as written. */
function atVersion(parts: Pep440Version, c: BoundContext): string {
  const release = isFinal(parts) ? lowerBoundRelease(parts.release) : parts.release;
  return spellVersion({ ...parts, local: null }, release, c);
}

/** Just after V and what the archive makes of it (its repacks, local builds, wider spellings). */
function afterVersion(parts: Pep440Version, c: BoundContext): string {
  if (isFinal(parts)) return afterRelease(parts, c);
  // The first version after V: V.dev(N+1), else V.post(M+1).dev0.
  const next =
    parts.dev !== null
      ? { ...parts, dev: parts.dev + 1 }
      : { ...parts, post: (parts.post ?? -1) + 1, dev: 0 };
  return spellVersion({ ...next, local: null }, parts.release, c, true);
}

/** The least bound above everything `>V` refuses: V, its local builds and its post-releases. */
function aboveStrictly(parts: Pep440Version, c: BoundContext): string {
  if (parts.pre !== null && parts.dev === null && parts.post === null) {
    const pre = { ...parts.pre, number: parts.pre.number + 1 };
    return spellVersion({ ...parts, pre, dev: 0, local: null }, parts.release, c, true);
  }
  return afterVersion(parts, c);
}

const atLeast = (version: string): Bound => ({ op: ">=", version });
const below = (version: string): Bound => ({ op: "<", version });

/**
 * The bounds of a valid clause whose version parsed as `parts` (a local label already dealt
 * with by the caller): an AND of OR-groups, each OR-group's newer range first.
 */
export function clauseBounds(spec: Specifier, parts: Pep440Version, c: BoundContext): Bound[][] {
  const start = atVersion(parts, c);
  const release = beforeRelease(parts, parts.release, c);
  const nextOne = beforeRelease(parts, nextRelease(parts.release), c);
  switch (spec.operator) {
    case ">=":
      return [[atLeast(start)]];
    case "<=":
      return [[below(afterVersion(parts, c))]];
    case "<":
      if (isPrerelease(parts)) return [[below(start)]];
      // PEP 440: `<V` refuses V's pre-releases, i.e. everything from V.dev0 on.
      if (parts.post !== null) {
        return [[below(spellVersion({ ...parts, dev: 0 }, parts.release, c, true))]];
      }
      return [[below(release)]];
    case ">":
      return [[atLeast(aboveStrictly(parts, c))]];
    case "~=":
      return [
        [atLeast(start)],
        [below(beforeRelease(parts, nextRelease(parts.release.slice(0, -1)), c))],
      ];
    case "==":
    case "===":
      if (spec.wildcard) return [[atLeast(release)], [below(nextOne)]];
      return [[atLeast(start)], [below(afterVersion(parts, c))]];
    case "!=":
      if (spec.wildcard) return [[atLeast(nextOne), below(release)]];
      return [[atLeast(afterVersion(parts, c)), below(start)]];
  }
}
