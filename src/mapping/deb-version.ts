/**
 * PEP 440 → Debian versions and relations, exact (unlike dh-python, see
 * docs/version-translation.md). A package built from PEP 440 version V has the Debian version
 * `debVersion(V)-R` for any revision R that dpkg orders at or above the empty revision (every
 * revision Debian and Ubuntu use: 1, 2, 0.1, 1+b1, 0ubuntu1, 1~bpo12+1). Over those versions:
 * - debVersion() orders as PEP 440 does: dev < a < b < rc < final < post < the next release;
 * - the relations for a specifier set admit exactly the packages whose V satisfies it (with
 *   pre-releases admitted, as PEP 440's `prereleases=True`), except where a diagnostic says a
 *   clause was loosened (`===`, local labels in `==`/`!=`).
 *
 * The release is made canonical (trailing zeros stripped, then padded to at least two numbers)
 * because PEP 440 says 1.0 == 1.0.0 while dpkg says 1.0 < 1.0+post1 < 1.0.0: one spelling per
 * version keeps the ordering exact. Two numbers keep the `1.0~rc1` form Debian maintainers write,
 * and make lower bounds (`>= 1.2`) short enough that a package spelled `1.2.0` satisfies them.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { specifierToString } from "../model/specifier.js";
import type { Specifier } from "../model/types.js";
import {
  isPrerelease,
  publicVersion,
  requireVersion,
  type Pep440Version,
} from "../model/version.js";
import { nextRelease, parseClause, stripTrailingZeros } from "./version-clause.js";

/** Relations for one requirement in the Debian family. */
export interface DebRelations {
  /** AND of OR-groups; each alternative is `package (op version)` or the bare package. */
  relations: string[][];
  /** Breaks entries. Empty: every `!=` is kept exactly as alternatives in `relations`. */
  breaks: string[];
  diagnostics: Diagnostic[];
}

/** The upstream part of a package's Debian version, with what was lost on the way. */
export interface DebPackageVersion {
  version: string;
  diagnostics: Diagnostic[];
}

/** The fewest release numbers a Debian upstream version carries (trailing zeros stripped). */
const releaseWidth = 2;

function canonicalRelease(release: readonly number[]): number[] {
  const stripped = stripTrailingZeros(release);
  while (stripped.length < releaseWidth) stripped.push(0);
  return stripped;
}

function epochPrefix(parts: Pep440Version): string {
  return parts.epoch !== 0 ? `${parts.epoch}:` : "";
}

/**
 * The Debian string of a version. With `open`, a `.dev0` is written as bare tildes (`2.0~~`,
 * `1.0+post1~`): dpkg sorts nothing that debVersion() writes between the two, and the bound
 * reads as "just before".
 */
function debString(parts: Pep440Version, open = false): string {
  let text = epochPrefix(parts) + canonicalRelease(parts.release).join(".");
  if (parts.pre !== null) text += `~${parts.pre.label}${parts.pre.number}`;
  if (parts.post !== null) text += `+post${parts.post}`;
  if (parts.dev !== null) {
    const tildes = parts.pre !== null || parts.post !== null ? "~" : "~~";
    text += open && parts.dev === 0 ? tildes : `${tildes}dev${parts.dev}`;
  }
  // `+~` sorts after V and before V's post-releases (`+post…`) and the next release (`.N`).
  if (parts.local !== null) text += `+~${parts.local}`;
  return text;
}

/**
 * The upstream version (with `N:` epoch) of a package built from a PEP 440 version:
 * `1.0rc1` → `1.0~rc1`, `1.0.dev1` → `1.0~~dev1`, `1.0.post1` → `1.0+post1`, `2.31.0` → `2.31`,
 * `2!1.2` → `2:1.2`, `1.0+cu118` → `1.0+~cu118`. Throws a UserError for a non-PEP 440 version.
 */
export function debVersion(version: string): string {
  return debString(requireVersion(version));
}

/** debVersion() with notes for the package's own version (a local label, a respelled release). */
export function debPackageVersion(version: string): DebPackageVersion {
  const parts = requireVersion(version);
  const text = debString(parts);
  const diagnostics: Diagnostic[] = [];
  if (parts.local !== null) {
    diagnostics.push(
      diagnostic(
        "local-version-kept",
        "info",
        `${version}: the local label is kept as ${text}, after ${debString(publicVersion(parts))} and before its post-releases; different local labels of one version do not order as PEP 440 says`,
        "Version",
      ),
    );
  }
  return { version: text, diagnostics };
}

/** The first version after V and V's local builds: V.dev(N+1), else V.post(M+1).dev0. */
function successor(parts: Pep440Version): Pep440Version {
  if (parts.dev !== null) return { ...parts, dev: parts.dev + 1 };
  return { ...parts, post: (parts.post ?? -1) + 1, dev: 0 };
}

/** Just before every version of a release (its first dev release), epoch kept: `2~~`. */
function beforeRelease(parts: Pep440Version, release: readonly number[]): string {
  return `${epochPrefix(parts)}${stripTrailingZeros(release).join(".")}~~`;
}

/** The least bound above everything `>V` refuses: V, V's local builds and V's post-releases. */
function aboveStrictly(parts: Pep440Version): string {
  if (parts.dev !== null || parts.post !== null) return debString(successor(parts), true);
  if (parts.pre !== null) {
    const pre = { ...parts.pre, number: parts.pre.number + 1 };
    return debString({ ...parts, pre, dev: 0 }, true);
  }
  // V's post-releases are `V+post…`; every later release is `V.N…`, above `V.0~`.
  return `${debString(parts)}.0~`;
}

/** One bound of a relation; only `>=` and `<<` are used, so that revisions never matter. */
type Bound = readonly [">=" | "<<", string];
const atLeast = (version: string): Bound => [">=", version];
const below = (version: string): Bound => ["<<", version];

/** The clause's Debian bounds: an AND of OR-groups. */
function bounds(spec: Specifier, parts: Pep440Version): Bound[][] {
  const version = debString(parts);
  const above = debString(successor(parts), true);
  const release = beforeRelease(parts, parts.release);
  const nextOne = beforeRelease(parts, nextRelease(parts.release));
  switch (spec.operator) {
    case ">=":
      return [[atLeast(version)]];
    case "<=":
      return [[below(above)]];
    case "<":
      if (isPrerelease(parts)) return [[below(version)]];
      // PEP 440: `<V` refuses V's pre-releases, i.e. everything from V.dev0 on.
      if (parts.post !== null) return [[below(debString({ ...parts, dev: 0 }, true))]];
      return [[below(release)]];
    case ">":
      return [[atLeast(aboveStrictly(parts))]];
    case "~=":
      return [
        [atLeast(version)],
        [below(beforeRelease(parts, nextRelease(parts.release.slice(0, -1))))],
      ];
    case "==":
    case "===":
      if (spec.wildcard) return [[atLeast(release)], [below(nextOne)]];
      return [[atLeast(version)], [below(above)]];
    case "!=":
      // The newer range first: apt tries the first alternative first.
      if (spec.wildcard) return [[atLeast(nextOne), below(release)]];
      return [[atLeast(above), below(version)]];
  }
}

/** Turns one clause into bounds and notes; no groups when the clause is left out. */
function translate(
  packageName: string,
  spec: Specifier,
): { groups: Bound[][]; notes: Diagnostic[] } {
  const clause = `${packageName} ${specifierToString(spec)}`;
  const { parts: parsed, error } = parseClause(spec, `${packageName} `);
  if (error !== null) return { groups: [], notes: [error] };
  const notes: Diagnostic[] = [];
  if (spec.operator === "===") {
    notes.push(
      diagnostic(
        "arbitrary-equality-as-pin",
        "warning",
        `${clause}: arbitrary equality becomes a pin on ${debString(publicVersion(parsed))}, which every spelling of that version satisfies`,
      ),
    );
  }
  if (parsed.local !== null) {
    const kept = spec.operator !== "!=";
    notes.push(
      diagnostic(
        "local-version-ignored",
        "warning",
        kept
          ? `${clause}: the local label is ignored; any build of ${debString(publicVersion(parsed))} is accepted`
          : `${clause}: one local build cannot be excluded; clause left out`,
      ),
    );
    if (!kept) return { groups: [], notes };
  }
  if (spec.operator === "!=") {
    notes.push(
      diagnostic(
        "deb-ne-as-alternatives",
        "info",
        `${clause}: kept as two alternatives on the same package, the newer range first`,
      ),
    );
  }
  return { groups: bounds(spec, publicVersion(parsed)), notes };
}

/**
 * The Depends relations of a requirement on Debian package `packageName` with these specifier
 * clauses: `>=1.2` → `[["python3-foo (>= 1.2.0)"]]`, `!=1.3` →
 * `[["python3-foo (>= 1.3.0+post0~)", "python3-foo (<< 1.3.0)"]]`. No clause (or none kept):
 * the bare package.
 */
export function debRelations(packageName: string, specifiers: readonly Specifier[]): DebRelations {
  const relations: string[][] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const spec of specifiers) {
    const { groups, notes } = translate(packageName, spec);
    diagnostics.push(...notes);
    for (const group of groups) {
      const alternatives = group.map(([op, version]) => `${packageName} (${op} ${version})`);
      const key = alternatives.join(" | ");
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push(alternatives);
    }
  }
  if (relations.length === 0) relations.push([packageName]);
  return { relations, breaks: [], diagnostics };
}
