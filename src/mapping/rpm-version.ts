/**
 * PEP 440 → RPM, exactly as Fedora's dependency generator (`pythondistdeps.py` in
 * python-rpm-generators) writes it, so the Requires that wheel2pkg puts in a spec are the ones
 * Fedora would generate and match the `python3dist(name) = V` Provides it generates.
 *
 * Known looseness of pythondistdeps, reproduced on purpose (docs/version-translation.md; each
 * class has a diagnostic, and the property tests exclude exactly these cases):
 * - upper-bound-prereleases: `~=2.2` → `< 3` and `==2.*` → `< 3` also admit pre-releases of 3
 *   (`3~b1 < 3`), which PEP 440 excludes.
 * - wildcard-prereleases: `==2.4.*` → `>= 2.4` refuses `2.4rc1`, and `!=2.4.*` → `>= 2.5`
 *   refuses `2.5rc1`, both of which PEP 440 admits.
 * - local-ignored: a local label is dropped, on Provides and in `==`/`!=`: `==1.0+abc` → `= 1`
 *   admits every 1.0 build, `!=1.0+abc` refuses them all.
 * - suffix-collapsed: RpmVersion keeps one suffix only, pre before dev before post:
 *   `1.0rc1.post1` → `1~rc1`, `1.0.post1.dev2` → `1~~dev2` (sorts before 1.0).
 * - arbitrary-equality: `===V` becomes `= V`, admitting every spelling of V.
 *
 * Relations that name packages rather than `python3dist()` (openSUSE's singlespec `python-foo`)
 * are compared with the packages' own Version and Epoch, which keep upstream's spelling; they
 * use the archive-aware bounds of src/mapping/archive-bounds.ts instead (rpmPackageRelations).
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { specifierToString } from "../model/specifier.js";
import type { Specifier } from "../model/types.js";
import {
  baseVersion,
  formatVersion,
  publicVersion,
  requireVersion,
  type Pep440Version,
} from "../model/version.js";
import { clauseBounds, type Bound, type VersionSpelling } from "./archive-bounds.js";
import {
  nextRelease,
  packageClauseNotes,
  parseClause,
  stripTrailingZeros,
} from "./version-clause.js";

/** Relations for one requirement in the RPM family, with what was lost on the way. */
export interface RpmRelations {
  /** One relation per capability: `python3dist(name)`, then `python3dist(name[extra])` each. */
  relations: string[];
  diagnostics: Diagnostic[];
}

/** The Version (and Epoch) of a package built from a wheel. */
export interface RpmPackageVersion {
  /** Value of the spec's `Version:` tag. */
  version: string;
  /** Value of the spec's `Epoch:` tag, or null when none is needed. */
  epoch: number | null;
  diagnostics: Diagnostic[];
}

/** RpmVersion.__str__ of pythondistdeps: zeros stripped, one suffix, no local label. */
function pythondistdepsString(parts: Pep440Version): string {
  const epoch = parts.epoch !== 0 ? `${parts.epoch}:` : "";
  const release = stripTrailingZeros(parts.release).join(".");
  let suffix = "";
  if (parts.pre !== null) suffix = `~${parts.pre.label}${parts.pre.number}`;
  else if (parts.dev !== null) suffix = `~~dev${parts.dev}`;
  else if (parts.post !== null) suffix = `^post${parts.post}`;
  return `${epoch}${release}${suffix}`;
}

/** A bare release (with the version's epoch), as pythondistdeps' RpmVersion.increment() leaves. */
function bareRelease(parts: Pep440Version, release: number[]): Pep440Version {
  return { ...baseVersion(parts), release };
}

/** True when pythondistdeps' RpmVersion keeps only part of the version's suffixes. */
function collapses(parts: Pep440Version): boolean {
  const suffixes = [parts.pre !== null, parts.post !== null, parts.dev !== null];
  return suffixes.filter(Boolean).length > 1;
}

/**
 * The RPM version pythondistdeps writes for a PEP 440 version, as in the `python3dist(name) = V`
 * Provides of an installed wheel: `1!2.0.0rc1` → `1:2~rc1`, `1.0.post1` → `1^post1`.
 */
export function rpmVersion(version: string): string {
  return pythondistdepsString(requireVersion(version));
}

/**
 * The `Version:` (and `Epoch:`) of a package built from a wheel, per Fedora's versioning
 * guidelines: `1.0rc1` → `1.0~rc1`, `1.0.post1` → `1.0^post1`, `1.0.dev1` → `1.0~~dev1`. It
 * agrees with rpmVersion() except that the release is kept as upstream wrote it (`2.31.0`, not
 * `2.31`) and that combined suffixes are all kept (`1.0~rc1^post1~dev2`) so upgrades order as
 * PEP 440 says. A local label cannot be kept: it would sort after post-releases. `archiveEpoch`
 * is the Epoch the archive gives the package of that name (a PEP 440 epoch adds to it), so the
 * package replaces the archive's.
 */
export function rpmPackageVersion(version: string, archiveEpoch = 0): RpmPackageVersion {
  const parts = requireVersion(version);
  const diagnostics: Diagnostic[] = [];
  let text = parts.release.join(".");
  if (parts.pre !== null) text += `~${parts.pre.label}${parts.pre.number}`;
  if (parts.post !== null) text += `^post${parts.post}`;
  if (parts.dev !== null) {
    text += `${parts.pre !== null || parts.post !== null ? "~" : "~~"}dev${parts.dev}`;
  }
  if (parts.local !== null) {
    diagnostics.push(
      diagnostic(
        "local-version-ignored",
        "warning",
        `${version}: the local label +${parts.local} cannot be part of an RPM Version; Version is ${text} (say which build it is in Release)`,
        "Version",
      ),
    );
  }
  if (collapses(parts)) {
    diagnostics.push(
      diagnostic(
        "rpm-suffix-collapsed",
        "warning",
        `${version}: Fedora's generator will provide python3dist() = ${pythondistdepsString(parts)}, keeping one suffix only`,
        "Version",
      ),
    );
  }
  const epoch = parts.epoch + archiveEpoch;
  return { version: text, epoch: epoch !== 0 ? epoch : null, diagnostics };
}

/** `(name >= V with name < next)`: pythondistdeps' convert_compatible. */
function compatible(name: string, parts: Pep440Version): string {
  const upper = bareRelease(parts, nextRelease(parts.release.slice(0, -1)));
  return `(${name} >= ${pythondistdepsString(parts)} with ${name} < ${pythondistdepsString(upper)})`;
}

/** One clause as pythondistdeps converts it, given a valid clause and its parsed version. */
function convert(name: string, spec: Specifier, parts: Pep440Version): string {
  const text = pythondistdepsString(parts);
  const plain = parts.pre === null && parts.dev === null && parts.post === null;
  switch (spec.operator) {
    case "~=":
      return compatible(name, parts);
    case "==":
      // `==2.4.*` is handled as `~=2.4.0`.
      return spec.wildcard
        ? compatible(name, { ...parts, release: [...parts.release, 0] })
        : `${name} = ${text}`;
    case "===":
      return `${name} = ${text}`;
    case "!=":
      if (spec.wildcard) {
        const next = pythondistdepsString(bareRelease(parts, nextRelease(parts.release)));
        return `(${name} < ${text}~~ or ${name} >= ${next})`;
      }
      return `(${name} < ${text} or ${name} > ${text})`;
    case "<":
      // `~~` keeps the pre-releases and dev releases of V out of `< V`.
      return `${name} < ${text}${plain ? "~~" : ""}`;
    case ">":
      // `.0` keeps the post-releases of V (`V^post1 < V.0`) out of `> V`.
      return `${name} > ${text}${plain ? ".0" : ""}`;
    case "<=":
    case ">=":
      return `${name} ${spec.operator} ${text}`;
  }
}

/** Notes on the pythondistdeps looseness a valid clause runs into. */
function loosenessNotes(distName: string, spec: Specifier, parts: Pep440Version): Diagnostic[] {
  const clause = `${distName}${specifierToString(spec)}`;
  const notes: Diagnostic[] = [];
  if (spec.operator === "~=" || (spec.operator === "==" && spec.wildcard)) {
    notes.push(
      diagnostic(
        "rpm-upper-bound-prereleases",
        "info",
        `${clause}: the upper bound also admits its own pre-releases (as Fedora's generator does)`,
      ),
    );
  }
  if (spec.wildcard) {
    notes.push(
      diagnostic(
        "rpm-wildcard-prereleases",
        "info",
        `${clause}: pre-releases at the edge of the prefix are refused (as Fedora's generator does)`,
      ),
    );
  }
  if (parts.local !== null) {
    notes.push(
      diagnostic(
        "local-version-ignored",
        "warning",
        `${clause}: the local label +${parts.local} is dropped (as Fedora's generator does)`,
      ),
    );
  }
  if (collapses(parts)) {
    notes.push(
      diagnostic(
        "rpm-suffix-collapsed",
        "warning",
        `${clause}: only one of its pre/post/dev suffixes is kept (as Fedora's generator does)`,
      ),
    );
  }
  if (spec.operator === "===") {
    notes.push(
      diagnostic(
        "arbitrary-equality-as-pin",
        "warning",
        `${clause}: arbitrary equality becomes = ${pythondistdepsString(parts)}, which every spelling of that version satisfies`,
      ),
    );
  }
  return notes;
}

/**
 * The Requires pythondistdeps writes for a requirement on `distName` (PEP 503 normalized) with
 * these specifier clauses and extras: `python3dist(foo) >= 1.2`,
 * `(python3dist(foo) >= 2.4.8 with python3dist(foo) < 2.5)`. Several clauses are joined with
 * `with`, sorted, inside parentheses. Invalid clauses are left out with an error diagnostic.
 */
export function rpmRelations(
  distName: string,
  specifiers: readonly Specifier[],
  extras: readonly string[] = [],
): RpmRelations {
  const names = [
    `python3dist(${distName})`,
    ...[...new Set(extras.map((extra) => extra.toLowerCase()))]
      .sort()
      .map((extra) => `python3dist(${distName}[${extra}])`),
  ];
  const diagnostics: Diagnostic[] = [];
  const clauses: { spec: Specifier; parts: Pep440Version }[] = [];
  const seen = new Set<string>();
  for (const spec of specifiers) {
    const { parts, error } = parseClause(spec, distName);
    if (error !== null) {
      diagnostics.push(error);
      continue;
    }
    // pythondistdeps skips a clause whose (operator, version) it has already seen.
    const key = specifierToString(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push({ spec, parts });
    diagnostics.push(...loosenessNotes(distName, spec, parts));
  }
  const relations = names.map((name) => {
    const converted = clauses.map(({ spec, parts }) => convert(name, spec, parts)).sort();
    if (converted.length === 0) return name;
    return converted.length === 1 ? (converted[0] ?? name) : `(${converted.join(" with ")})`;
  });
  return { relations, diagnostics };
}

/** rpm's spellings: post-releases `^postN`; a local label cannot be kept. */
const rpmSpelling: VersionSpelling = { post: "^post", local: null };

/**
 * Relations on packages named after a project (openSUSE's singlespec `python-foo`, which its
 * macros rename per flavor), compared with the packages' own Version and Epoch: every spelling
 * of the version the archive writes is taken as PEP 440 takes it (`==2.14.0` admits Version
 * `2.14` and `2.14.0`), through the bounds of src/mapping/archive-bounds.ts, written with `>=`
 * and `<`, `with` and `or`. `archiveEpoch` is the Epoch the archive gives the package.
 */
export function rpmPackageRelations(
  names: readonly string[],
  distName: string,
  specifiers: readonly Specifier[],
  archiveEpoch = 0,
): RpmRelations {
  const context = { spelling: rpmSpelling, archiveEpoch };
  const diagnostics: Diagnostic[] = [];
  const clauses: Bound[][] = [];
  for (const spec of specifiers) {
    const { parts, error } = parseClause(spec, distName);
    if (error !== null) {
      diagnostics.push(error);
      continue;
    }
    diagnostics.push(
      ...packageClauseNotes(`${distName}${specifierToString(spec)}`, spec, parts, formatVersion),
    );
    if (parts.local !== null && spec.operator === "!=") continue;
    clauses.push(...clauseBounds(spec, publicVersion(parts), context));
  }
  const relations = names.map((name) => {
    const atom = ({ op, version }: Bound) => `${name} ${op} ${version}`;
    const groups = [
      ...new Set(
        clauses.map((group) =>
          group.length === 1 ? atom(group[0] as Bound) : `(${group.map(atom).join(" or ")})`,
        ),
      ),
    ].sort();
    if (groups.length === 0) return name;
    return groups.length === 1 ? (groups[0] ?? name) : `(${groups.join(" with ")})`;
  });
  return { relations, diagnostics };
}
