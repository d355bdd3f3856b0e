/**
 * PEP 440 versions, the one model of them that every stage reads (the distro version
 * translations in src/mapping included): the parsed segments, the parser (@renovatebot/pep440's
 * grammar), the canonical text and the ordering. The library's own `compare` is not used: it
 * turns local segments such as `1e5` into numbers. Ordering follows PEP 440 here, on our own
 * typed form; specifier matching, which builds on it, is in `specifier.ts`.
 */
import { parse as pep440Parse } from "@renovatebot/pep440";
import { UserError } from "../errors.js";

/** A pre-release label as PEP 440 normalizes it (`alpha` → `a`, `c`/`pre`/`preview` → `rc`). */
export type PreReleaseLabel = "a" | "b" | "rc";

/**
 * The segments of a PEP 440 version, each in its normalized form: `1.0-1` has post 1, `1.0a`
 * has pre `a0`, `1.0.dev` has dev 0.
 */
export interface Pep440Version {
  epoch: number;
  /** Release numbers as written, trailing zeros kept (`1.0.0` is `[1, 0, 0]`). */
  release: number[];
  pre: { label: PreReleaseLabel; number: number } | null;
  post: number | null;
  dev: number | null;
  /** Local label in canonical form (`ubuntu.1`), or null. */
  local: string | null;
}

const PRE_LABELS: readonly string[] = ["a", "b", "rc"];

function isPreLabel(label: unknown): label is PreReleaseLabel {
  return typeof label === "string" && PRE_LABELS.includes(label);
}

/** The number of a `[label, number]` pair as returned by pep440's `parse`, or null. */
function letterNumber(part: unknown): number | null {
  if (!Array.isArray(part)) return null;
  const value: unknown = part[1];
  return typeof value === "number" ? value : null;
}

/** Canonical local label: lower case, `.` separators, numeric parts without leading zeros. */
function canonicalLocal(local: string): string {
  return local
    .toLowerCase()
    .split(/[-_.]/)
    .map((part) => (/^\d+$/.test(part) ? part.replace(/^0+(?=\d)/, "") : part))
    .join(".");
}

/** Parses a PEP 440 version (surrounding whitespace and a leading `v` allowed); null if invalid. */
export function parseVersion(text: string): Pep440Version | null {
  const trimmed = text.trim();
  const raw = pep440Parse(trimmed);
  if (raw === null) return null;
  // pep440 returns pre/post/dev as [label, number] arrays (or null, despite its typings).
  const preParts: unknown[] | null = Array.isArray(raw.pre) ? raw.pre : null;
  const preLabel: unknown = preParts?.[0];
  const preNumber = letterNumber(preParts);
  const plus = trimmed.indexOf("+");
  return {
    epoch: raw.epoch,
    release: [...raw.release],
    pre: isPreLabel(preLabel) && preNumber !== null ? { label: preLabel, number: preNumber } : null,
    post: letterNumber(raw.post),
    dev: letterNumber(raw.dev),
    // Re-read from the text: pep440 coerces local parts with Number() ("1e5" → 100000).
    local: plus >= 0 ? canonicalLocal(trimmed.slice(plus + 1)) : null,
  };
}

/** Whether `text` is a valid PEP 440 version. */
export function isValidVersion(text: string): boolean {
  return parseVersion(text) !== null;
}

/** The canonical PEP 440 string of a parsed version, e.g. `1!2.0rc1.post2.dev3+ubuntu.1`. */
export function formatVersion(version: Pep440Version): string {
  let text = version.epoch !== 0 ? `${version.epoch}!` : "";
  text += version.release.join(".");
  if (version.pre) text += `${version.pre.label}${version.pre.number}`;
  if (version.post !== null) text += `.post${version.post}`;
  if (version.dev !== null) text += `.dev${version.dev}`;
  if (version.local !== null) text += `+${version.local}`;
  return text;
}

/** Parses `text` or throws a UserError naming it. */
export function requireVersion(text: string): Pep440Version {
  const version = parseVersion(text);
  if (version === null) throw new UserError(`not a PEP 440 version: ${JSON.stringify(text)}`);
  return version;
}

/** The canonical PEP 440 form of a version string (`1.0-RC.1` → `1.0rc1`); throws if invalid. */
export function normalizeVersion(text: string): string {
  return formatVersion(requireVersion(text));
}

/** The version without its local label. */
export function publicVersion(version: Pep440Version): Pep440Version {
  return { ...version, local: null };
}

/** Only epoch and release: `1.0rc1.post2+x` → `1.0`. */
export function baseVersion(version: Pep440Version): Pep440Version {
  return {
    epoch: version.epoch,
    release: version.release,
    pre: null,
    post: null,
    dev: null,
    local: null,
  };
}

/** Pre-releases and dev releases are both "pre-releases" for PEP 440's filtering rules. */
export function isPrerelease(version: Pep440Version): boolean {
  return version.pre !== null || version.dev !== null;
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareReleases(a: readonly number[], b: readonly number[]): number {
  // Trailing zeros do not matter: 1.0 == 1.0.0.
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return sign(d);
  }
  return 0;
}

/** Rank of the pre-release part: a dev-only release (`1.0.dev1`) sorts before `1.0a1`. */
function preRank(v: Pep440Version): number {
  if (v.pre) return 1;
  return v.post === null && v.dev !== null ? 0 : 2;
}

function comparePre(x: Pep440Version, y: Pep440Version): number {
  if (x.pre && y.pre) {
    const byLabel = PRE_LABELS.indexOf(x.pre.label) - PRE_LABELS.indexOf(y.pre.label);
    return sign(byLabel) || sign(x.pre.number - y.pre.number);
  }
  return sign(preRank(x) - preRank(y));
}

function compareLocalPart(a: string, b: string): number {
  const aNum = /^\d+$/.test(a);
  const bNum = /^\d+$/.test(b);
  if (aNum && bNum) return sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  if (aNum !== bNum) return aNum ? 1 : -1; // numeric parts sort after alphanumeric ones
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLocals(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const as = a.split(".");
  const bs = b.split(".");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const d = compareLocalPart(as[i] ?? "", bs[i] ?? "");
    if (d !== 0) return d;
  }
  return sign(as.length - bs.length);
}

function toVersion(v: string | Pep440Version): Pep440Version {
  return typeof v === "string" ? requireVersion(v) : v;
}

/** PEP 440 ordering: negative, zero or positive. Strings are parsed (UserError if invalid). */
export function compareVersions(a: string | Pep440Version, b: string | Pep440Version): number {
  const x = toVersion(a);
  const y = toVersion(b);
  return (
    sign(x.epoch - y.epoch) ||
    compareReleases(x.release, y.release) ||
    comparePre(x, y) ||
    sign((x.post ?? -Infinity) - (y.post ?? -Infinity)) ||
    sign((x.dev ?? Infinity) - (y.dev ?? Infinity)) ||
    compareLocals(x.local, y.local)
  );
}
