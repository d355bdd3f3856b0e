/**
 * Choosing a wheel for a target as pip would: the newest version that every requirer allows
 * (pre-releases only when asked for or named by a specifier, yanked files only when pinned
 * with `==`, PEP 592), whose Requires-Python takes the target's Python and whose tags suit its
 * CPython, machine and glibc; among the files of that version, the most specific tags.
 */
import { UserError } from "../errors.js";
import { parseSpecifiers, satisfiesSpecifiers } from "../model/specifier.js";
import { analyzeWheelTags, compareGlibc } from "../model/tags.js";
import type { Specifier } from "../model/types.js";
import {
  compareVersions,
  isPrerelease,
  parseVersion,
  type Pep440Version,
} from "../model/version.js";
import type { TargetProfile } from "../profiles/types.js";
import { checkTargetCompatibility } from "../targets/compatibility.js";
import { parseWheelFilename } from "../wheel/index.js";
import type { UnsatisfiedReason, WheelCandidate } from "./types.js";
import { compare } from "../targets/common/files.js";

/** One requirer's constraint on a project. */
export interface Constraint {
  /** The requirer, `project[extra]`. */
  by: string;
  specifiers: readonly Specifier[];
}

/** A wheel chosen, or why none could be. */
export type Choice =
  | { chosen: WheelCandidate; version: Pep440Version }
  | { reason: UnsatisfiedReason; detail: string };

/** Options of {@link chooseWheel}. */
export interface ChooseOptions {
  /** Take pre-releases as any other version (`--pre`). */
  prereleases: boolean;
  /** File names not to take again (refused after download: a Requires-Python, a bad zip). */
  excluded?: ReadonlySet<string>;
  /** The machine the packages are for (`x86_64`): files built for another are not taken. */
  machine: string;
}

/** Why a file does not suit the target, or null when it does. */
function unsuitable(
  candidate: WheelCandidate,
  profile: TargetProfile,
  machine: string,
): string | null {
  if (candidate.requiresPython !== null) {
    try {
      const specifiers = parseSpecifiers(candidate.requiresPython);
      if (!satisfiesSpecifiers(profile.python.fullVersion, specifiers)) {
        return `${candidate.filename} requires Python ${candidate.requiresPython}; ${profile.id} has Python ${profile.python.fullVersion}`;
      }
    } catch {
      // pip ignores a Requires-Python it cannot parse; so does the choice.
    }
  }
  try {
    const tags = analyzeWheelTags(parseWheelFilename(candidate.filename));
    checkTargetCompatibility(tags, profile);
    if (tags.machine !== null && tags.machine !== machine) {
      return `${candidate.filename} is built for ${tags.machine}; the packages are for ${machine}`;
    }
    return null;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

/** Files of one version, most specific first: a platform wheel before a pure one, newest glibc first. */
function bySpecificity(a: WheelCandidate, b: WheelCandidate): number {
  const ta = analyzeWheelTags(parseWheelFilename(a.filename));
  const tb = analyzeWheelTags(parseWheelFilename(b.filename));
  if (ta.pure !== tb.pure) return ta.pure ? 1 : -1;
  if (ta.minGlibc !== null && tb.minGlibc !== null) return compareGlibc(tb.minGlibc, ta.minGlibc);
  return compare(a.filename, b.filename);
}

/** Whether a yanked file may still be taken: every requirer pins its version with `==`/`===`. */
function pinned(version: Pep440Version, constraints: readonly Constraint[]): boolean {
  return constraints.some((c) =>
    c.specifiers.some(
      (s) =>
        (s.operator === "==" && !s.wildcard && compareVersions(s.version, version) === 0) ||
        s.operator === "===",
    ),
  );
}

/**
 * Chooses the file a target takes from a project's candidates under every requirer's
 * constraints, or says why none: `no-wheel` (no file, or none in a version a requirer
 * allows), `version-conflict` (each requirer alone is satisfiable, not all together),
 * `no-compatible-tag` (allowed versions exist, no file suits the target).
 */
export function chooseWheel(
  candidates: readonly WheelCandidate[],
  constraints: readonly Constraint[],
  profile: TargetProfile,
  options: ChooseOptions,
): Choice {
  const excluded = options.excluded ?? new Set<string>();
  const namesPre = constraints.some((c) =>
    c.specifiers.some((s) => {
      const v = parseVersion(s.version);
      return v !== null && isPrerelease(v);
    }),
  );
  const takesPre = options.prereleases || namesPre;
  const parsed = candidates.flatMap((c) => {
    const version = parseVersion(c.version);
    return version === null || excluded.has(c.filename) ? [] : [{ c, version }];
  });
  if (parsed.length === 0) {
    return {
      reason: "no-wheel",
      detail: candidates.length === 0 ? "no source has a wheel of it" : "no usable wheel is left",
    };
  }
  const allowedBy = (constraint: Constraint, version: Pep440Version): boolean =>
    satisfiesSpecifiers(version, constraint.specifiers, { prereleases: true });
  const eligible = (version: Pep440Version, yanked: boolean): boolean =>
    (takesPre || !isPrerelease(version)) && (!yanked || pinned(version, constraints));
  const allowed = parsed.filter(
    ({ c, version }) =>
      eligible(version, c.yanked !== null) && constraints.every((k) => allowedBy(k, version)),
  );
  const seen = [...new Set(parsed.map((p) => p.c.version))].sort((a, b) => compareVersions(b, a));
  if (allowed.length === 0) {
    const each = constraints.every((k) =>
      parsed.some(
        ({ c, version }) => eligible(version, c.yanked !== null) && allowedBy(k, version),
      ),
    );
    const asked = constraints
      .filter((k) => k.specifiers.length > 0)
      .map(
        (k) =>
          `${k.by} wants ${k.specifiers.map((s) => `${s.operator}${s.version}${s.wildcard ? ".*" : ""}`).join(",")}`,
      );
    const versions = `versions found: ${seen.slice(0, 8).join(", ")}${seen.length > 8 ? ", …" : ""}`;
    const excludedWhy = takesPre ? "" : " (pre-releases and yanked files left out)";
    if (constraints.length > 1 && each) {
      return { reason: "version-conflict", detail: `${asked.join("; ")}; ${versions}` };
    }
    return {
      reason: "no-wheel",
      detail: `${asked.join("; ") || "no version allowed"}${excludedWhy}; ${versions}`,
    };
  }
  allowed.sort((a, b) => compareVersions(b.version, a.version) || bySpecificity(a.c, b.c));
  let firstRefusal: string | null = null;
  for (const { c, version } of allowed) {
    const why = unsuitable(c, profile, options.machine);
    if (why === null) return { chosen: c, version };
    firstRefusal ??= why;
  }
  return { reason: "no-compatible-tag", detail: firstRefusal ?? "no file suits the target" };
}
