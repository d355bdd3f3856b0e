/**
 * Which distro name a Python project gets on a target, decided in layers (the first layer that
 * answers wins), with every layer's answer kept so that `wheel2pkg explain` can show them:
 * 1. `[packages.<name>]` in the user's config; 2. the user's `[mapping]` rules: exact overrides,
 * then regex renames, then ignores; 3. the profile's own exceptions; 4. the distro's data
 * (dh-python's fallback map on Debian, `python3dist(<PEP 503 name>)` on RPM); 5. the default
 * `python3-<name>`, a guess.
 */
import { UserError } from "../errors.js";
import { normalizeName } from "../model/name.js";
import type { TargetProfile } from "../profiles/types.js";
import { debianFallback } from "./debian-data.js";
import {
  distroNameProblem,
  familyKey,
  noNameRules,
  type ExactNameRule,
  type NameLayer,
  type NameRules,
} from "./name-rules.js";

/** What one layer says about a project: a name, or null for "drop this requirement". */
export interface NameCandidate {
  layer: NameLayer;
  name: string | null;
  /** The rule that answered, for a human: a config key, a data line, a built-in rule. */
  rule: string;
  /**
   * A complete relation fixed by the distro data (dh-python's `argparse python3 (>= 3.2)`),
   * used as it is instead of a translation of the requirement's versions.
   */
  relation?: string;
}

/** The distro name chosen for a Python project on a target, and why. */
export interface NameDecision {
  /** The project as asked about. */
  project: string;
  /**
   * The package name (deb) or the distribution inside `python3dist()` (rpm); null when the
   * requirement is dropped (a user ignore, or dh-python data that drops it).
   */
  name: string | null;
  layer: NameLayer;
  rule: string;
  /** Only the default rule guesses; every other layer knows. */
  guess: boolean;
  /** The deciding candidate's fixed relation, if it has one (see {@link NameCandidate}). */
  relation?: string;
  /** The answer of every layer that has one, in layer order; the first is the decision. */
  candidates: NameCandidate[];
}

/**
 * Decides the distro name of `project` (a Python distribution name as a requirement spells it)
 * for `profile` under the user's `rules`. Throws a UserError naming the rule when a rule yields
 * a name the target cannot use.
 */
export function resolveName(
  project: string,
  profile: TargetProfile,
  rules: NameRules = noNameRules,
): NameDecision {
  const candidates: NameCandidate[] = [];
  const key = familyKey(project, profile.family);
  const pep503 = normalizeName(project);
  const exact = (layer: NameLayer, list: readonly ExactNameRule[]): void => {
    const rule = list.find((r) => familyKey(r.project, profile.family) === key);
    if (rule !== undefined) {
      const name = checked(rule.name, profile, rule.origin);
      candidates.push({ layer, name, rule: `${rule.origin} = "${rule.name}"` });
    }
  };

  exact("package-override", rules.packageOverrides);
  exact("user-override", rules.overrides);
  const rename = rules.renames.find((r) => r.pattern.test(pep503));
  if (rename !== undefined) {
    const renamed = rename.pattern.rename(pep503, rename.replace);
    candidates.push({
      layer: "user-rename",
      name: checked(renamed, profile, rename.origin),
      rule: `${rename.origin}: ${pep503} → ${renamed}`,
    });
  }
  const ignore = rules.ignores.find((r) => familyKey(r.project, profile.family) === key);
  if (ignore !== undefined) {
    candidates.push({ layer: "user-ignore", name: null, rule: ignore.origin });
  }

  const exceptions = profile.nameExceptions ?? {};
  const exception = Object.keys(exceptions).find((k) => familyKey(k, profile.family) === key);
  if (exception !== undefined) {
    const name = exceptions[exception] ?? "";
    const origin = `profile ${profile.id}: nameExceptions["${exception}"]`;
    candidates.push({
      layer: "profile-exception",
      name: checked(name, profile, origin),
      rule: `${origin} = "${name}"`,
    });
  }

  if (profile.family === "deb") {
    const data = debianFallback();
    const entry = data.lookup(project);
    if (entry !== undefined) {
      // A dependency with a version (`python3 (>= 3.2)`) names its package first.
      const name = entry.dependency.split(/[\s(]/, 1)[0] ?? "";
      const line = `${entry.distName} ${entry.dependency}`.trim();
      const how = entry.match === "pep503" ? "; matched by PEP 503 name" : "";
      candidates.push({
        layer: "distro-data",
        name: name === "" ? null : name,
        rule: `dh-python cpython3_fallback: "${line}" (${data.source}${how})`,
        ...(name === entry.dependency ? {} : { relation: entry.dependency }),
      });
    }
  } else if (profile.rpm?.dependencyStyle === "singlespec") {
    candidates.push({
      layer: "singlespec",
      name: project,
      rule: "python-<name as the requirement spells it>, which openSUSE's singlespec macros rename to each flavor's package",
    });
  } else {
    candidates.push({
      layer: "python3dist",
      name: pep503,
      rule: "python3dist(<PEP 503 name>), which Fedora's generator provides for every Python distribution",
    });
  }

  candidates.push({
    layer: "default",
    name: defaultName(project, profile),
    rule: `default rule ${profile.naming.binary}<name>`,
  });
  const decision = candidates[0] as NameCandidate;
  return {
    project,
    name: decision.name,
    layer: decision.layer,
    rule: decision.rule,
    guess: decision.layer === "default",
    ...(decision.relation === undefined ? {} : { relation: decision.relation }),
    candidates,
  };
}

/**
 * Projects whose requirement dh-python maps to another project's package: a requirement on
 * setuptools means pkg_resources at run time (python3-pkg-resources), but the setuptools
 * wheel itself is Debian's python3-setuptools.
 */
const debianOwnNames: ReadonlyMap<string, string> = new Map([["setuptools", "python3-setuptools"]]);

/** The names of the packages wheel2pkg makes from a project, and why the binary has its name. */
export interface OwnPackageNames {
  /** Source package (Debian) or SRPM name (`python-dateutil`). */
  source: string;
  /** The binary package that holds the modules (`python3-dateutil`). */
  binary: string;
  /** The name layer that decided the binary name (`default` when none did). */
  layer: NameLayer;
}

/**
 * The names wheel2pkg gives the packages it makes from `project`. On Debian the binary package
 * gets the name a requirement on the project maps to (dh-python's data, the user's rules), so
 * that it satisfies its dependents and replaces the archive's package of the same project:
 * PyYAML becomes `python3-yaml`, attrs `python3-attr`. Otherwise, and on Fedora, it is
 * `python3-<name>` without a leading `python-` (python-dateutil: `python3-dateutil`, from the
 * source `python-dateutil`). openSUSE names packages after the PyPI name as it is.
 */
export function ownPackageNames(
  project: string,
  profile: TargetProfile,
  rules: NameRules = noNameRules,
): OwnPackageNames {
  const { source, binary } = profile.naming;
  if (profile.rpm?.dependencyStyle === "singlespec") {
    const key = normalizeName(project);
    return { source: `${source}${key}`, binary: `${binary}${key}`, layer: "default" };
  }
  let name = defaultName(project, profile);
  let layer: NameLayer = "default";
  if (profile.family === "deb") {
    const decision = resolveName(project, profile, rules);
    const own = debianOwnNames.get(normalizeName(project));
    if (own !== undefined && decision.layer === "distro-data") {
      name = own;
      layer = decision.layer;
    } else if (
      // A relation the data fixes (`argparse`: python3 itself) names no package of the project.
      decision.name !== null &&
      decision.relation === undefined &&
      decision.name.startsWith(binary) &&
      decision.name.length > binary.length
    ) {
      name = decision.name;
      layer = decision.layer;
    }
  }
  return { source: `${source}${name.slice(binary.length)}`, binary: name, layer };
}

/**
 * The default name: `python3-` and the family's key (on Debian with `-` for `_`), without a
 * leading `python-` (as dh-python and Fedora name `python-dateutil` `python3-dateutil`).
 */
function defaultName(project: string, profile: TargetProfile): string {
  const base = familyKey(project, profile.family).replace(/_/g, "-");
  return `${profile.naming.binary}${base.startsWith("python-") ? base.slice(7) : base}`;
}

/** A rule's name checked for the target family; RPM names are PEP 503 normalized. */
function checked(name: string, profile: TargetProfile, origin: string): string {
  const problem = distroNameProblem(name, profile.family);
  if (problem !== null) throw new UserError(problem, { field: origin });
  return profile.family === "rpm" ? normalizeName(name) : name;
}
