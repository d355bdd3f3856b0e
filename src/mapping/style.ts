/**
 * What the mapping stage needs to know of a package format, and asks instead of testing which
 * format a target has: how the format compares and writes names, what its built-in layer says,
 * what it names its own packages and how a requirement becomes its relations. Each family
 * provides one (`Family.mapping`, src/families); the mapping and config stages receive it with
 * the name rules of a target ({@link NameRules.style}).
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Requirement } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { NameLayer, NameRules } from "./name-rules.js";
import type { NameCandidate, OwnPackageNames } from "./names.js";

/** The relations one requirement becomes on a target, with what was lost on the way. */
export interface StyleRelations {
  /** Relations for the dependency field, exact strings. */
  dependencies: string[];
  /** Relations for Breaks (deb) where a `!=` could not stay in Depends. */
  breaks: string[];
  diagnostics: Diagnostic[];
}

/** How one package format names Python projects and writes requirements on them. */
export interface MappingStyle {
  /**
   * The form in which the format compares Python project names in rules and data: dh-python's
   * key on Debian (dots kept, `-` = `_`, any case), the PEP 503 name on RPM.
   */
  key(project: string): string;
  /** Why `name` cannot be a distro name in a rule, or null when it can. */
  nameProblem(name: string): string | null;
  /** A rule's name as mapping uses it (RPM names are PEP 503 normalized). */
  ruleName(name: string): string;
  /** The one built-in layer of the target: distro data, `python3dist` or `singlespec`. */
  builtinLayer(profile: TargetProfile): NameLayer;
  /** What the built-in layer says about `project` on the target, if it knows it. */
  builtin(project: string, profile: TargetProfile): NameCandidate | undefined;
  /** The names of the packages wheel2pkg makes from `project`, and why the binary has its name. */
  ownNames(project: string, profile: TargetProfile, rules: NameRules): OwnPackageNames;
  /** The relations a requirement becomes when it names the distro name `name`. */
  relations(requirement: Requirement, name: string, profile: TargetProfile): StyleRelations;
  /** A distro name as a relation writes it: `python3dist(name)`, `python-name`, `name`. */
  relationName(name: string, profile: TargetProfile): string;
  /** Notes the format's packaging adds to a relation it writes (openSUSE: exact versions, extras). */
  relationNotes(requirement: Requirement, relation: string, profile: TargetProfile): Diagnostic[];
}
