/**
 * Which distro name a Python project gets on a target, decided in layers (the first layer that
 * answers wins), with every layer's answer kept so that `wheel2pkg explain` can show them:
 * 1. `[packages.<name>]` in the user's config; 2. the user's `[mapping]` rules: exact overrides,
 * then regex renames, then ignores; 3. the profile's own exceptions; 4. the family's built-in
 * layer (dh-python's fallback map on Debian, `python3dist(<PEP 503 name>)` on Fedora,
 * `python-<name>` on openSUSE: see each family's `mapping`); 5. the default `python3-<name>`,
 * a guess.
 */
import { UserError } from "../errors.js";
import { normalizeName } from "../model/name.js";
import type { TargetProfile } from "../profiles/types.js";
import {
  ruleLayers,
  type ExactNameRule,
  type MappingStyle,
  type NameCandidate,
  type NameLayer,
  type NameRules,
  type OwnPackageNames,
} from "./name-rules.js";

export type { NameCandidate, OwnPackageNames } from "./name-rules.js";

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
 * for `profile` under the user's `rules` and their family's naming style. Throws a UserError
 * naming the rule when a rule yields a name the target cannot use.
 */
export function resolveName(
  project: string,
  profile: TargetProfile,
  rules: NameRules,
): NameDecision {
  const { style } = rules;
  const candidates: NameCandidate[] = [];
  const key = style.key(project);
  const pep503 = normalizeName(project);
  const exact = (layer: NameLayer, list: readonly ExactNameRule[]): void => {
    const rule = list.find((r) => style.key(r.project) === key);
    if (rule !== undefined) {
      const name = checked(rule.name, style, rule.origin);
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
      name: checked(renamed, style, rename.origin),
      rule: `${rename.origin}: ${pep503} → ${renamed}`,
    });
  }
  const ignore = rules.ignores.find((r) => style.key(r.project) === key);
  if (ignore !== undefined) {
    candidates.push({ layer: "user-ignore", name: null, rule: ignore.origin });
  }

  const exceptions = profile.nameExceptions ?? {};
  const exception = Object.keys(exceptions).find((k) => style.key(k) === key);
  if (exception !== undefined) {
    const name = exceptions[exception] ?? "";
    const origin = `profile ${profile.id}: nameExceptions["${exception}"]`;
    candidates.push({
      layer: "profile-exception",
      name: checked(name, style, origin),
      rule: `${origin} = "${name}"`,
    });
  }

  const builtin = style.builtin(project, profile);
  if (builtin !== undefined) candidates.push(builtin);

  candidates.push({
    layer: "default",
    name: defaultName(project, profile, style),
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

/** The layers asked for a target, in order: the rules, its family's built-in layer, the default. */
export function nameLayers(profile: TargetProfile, style: MappingStyle): NameLayer[] {
  return [...ruleLayers, style.builtinLayer(profile), "default"];
}

/**
 * The names wheel2pkg gives the packages it makes from `project` on `profile`, as the family of
 * `rules.style` names them (Debian after the name a requirement on the project maps to, openSUSE
 * after the PyPI name, Fedora by the default rule).
 */
export function ownPackageNames(
  project: string,
  profile: TargetProfile,
  rules: NameRules,
): OwnPackageNames {
  return rules.style.ownNames(project, profile, rules);
}

/**
 * The default name: `python3-` and the family's key (on Debian with `-` for `_`), without a
 * leading `python-` (as dh-python and Fedora name `python-dateutil` `python3-dateutil`).
 */
export function defaultName(project: string, profile: TargetProfile, style: MappingStyle): string {
  const base = style.key(project).replace(/_/g, "-");
  return `${profile.naming.binary}${base.startsWith("python-") ? base.slice(7) : base}`;
}

/** A rule's name checked for the target family and stored in the family's form. */
function checked(name: string, style: MappingStyle, origin: string): string {
  const problem = style.nameProblem(name);
  if (problem !== null) throw new UserError(problem, { field: origin });
  return style.ruleName(name);
}
