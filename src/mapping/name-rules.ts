/**
 * The user's name-mapping rules as the mapping stage consumes them: already validated and
 * merged for one target (src/config builds them from wheel2pkg.toml), each remembering where it
 * was written so that a decision can name the key that made it; and the mapping style of a
 * package format, which travels with them (the two refer to each other, so they live together).
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Requirement } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { EpochLookup } from "./archive-epochs.js";
import type { RenamePattern } from "./rename-pattern.js";

/**
 * The layers of the user's rules and the profile's exceptions, in the order they are asked
 * (the first that answers wins). After them come the target's built-in layer, then `default`.
 */
export const ruleLayers = [
  "package-override",
  "user-override",
  "user-rename",
  "user-ignore",
  "profile-exception",
] as const;

/** A layer of {@link ruleLayers}. */
export type RuleLayer = (typeof ruleLayers)[number];

/**
 * The id of a built-in layer, which its family names (`MappingStyle.builtinLayer`): dh-python's
 * `distro-data`, `python3dist`, `singlespec`.
 */
export type BuiltinLayer = string & Record<never, never>;

/** One layer of name mapping: a rule layer, the target's built-in layer, or the default guess. */
export type NameLayer = RuleLayer | BuiltinLayer | "default";

/** An exact rule: this Python project becomes this distro name. */
export interface ExactNameRule {
  /** The Python project name as written in the rule (compared with {@link MappingStyle.key}). */
  project: string;
  /** Distro package name (deb) or the Python distribution inside `python3dist()` (rpm). */
  name: string;
  /** Where the rule was written, e.g. `wheel2pkg.toml:12:1: mapping.overrides.PyYAML`. */
  origin: string;
}

/** A regex rename over the PEP 503 name; the pattern must match the whole name. */
export interface RenameRule {
  /** The compiled pattern (RE2: linear time in the name, whatever the pattern). */
  pattern: RenamePattern;
  /** Replacement with `$1`, `$<name>` group references, as String.prototype.replace reads them. */
  replace: string;
  origin: string;
}

/** A Python project whose requirement is dropped (with a diagnostic). */
export interface IgnoreRule {
  project: string;
  origin: string;
}

/**
 * Every user rule that applies to one target, per-target rules before all-target ones, with the
 * naming style of the target's family that they were checked against and are applied with.
 */
export interface NameRules {
  /** How the target's family compares, checks and writes names (`Family.mapping`). */
  style: MappingStyle;
  /** `[packages.<name>]` (layer 1). */
  packageOverrides: readonly ExactNameRule[];
  /** `[mapping] overrides` (layer 2, first). */
  overrides: readonly ExactNameRule[];
  /** `[mapping] rename` (layer 2, second). */
  renames: readonly RenameRule[];
  /** `[mapping] ignore` (layer 2, last). */
  ignores: readonly IgnoreRule[];
  /** The target's archive index, when one was read (`--check-archive`). */
  archive?: ArchiveNames;
}

/**
 * What a target's archive index says of distro names, for mapping (src/families builds it from
 * the distribution's own metadata): how the archive spells a name. Its epochs reach the version
 * translation as an `EpochLookup` (archive-epochs.ts), like any other source of epochs.
 */
export interface ArchiveNames {
  /** The archive's spelling of a package name compared without case, if it has one. */
  spelling(name: string): string | undefined;
}

/** No user rules at all, for a target whose family names with `style`. */
export function noNameRules(style: MappingStyle): NameRules {
  return { style, packageOverrides: [], overrides: [], renames: [], ignores: [] };
}

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

/** The names of the packages wheel2pkg makes from a project, and why the binary has its name. */
export interface OwnPackageNames {
  /** Source package (Debian) or SRPM name (`python-dateutil`). */
  source: string;
  /** The binary package that holds the modules (`python3-dateutil`). */
  binary: string;
  /** The name layer that decided the binary name (`default` when none did). */
  layer: NameLayer;
  /**
   * The name a requirement on the project must map to for these packages to satisfy it, as a
   * rule gives it (a batch names its own packages so): the binary package's name on Debian,
   * the distribution inside `python3dist()` on RPM.
   */
  requiredAs: string;
}

/*
 * The mapping style: what the mapping stage needs to know of a package format, and asks instead of testing which
 * format a target has: how the format compares and writes names, what its built-in layer says,
 * what it names its own packages and how a requirement becomes its relations. Each family
 * provides one (`Family.mapping`, src/families); the mapping and config stages receive it with
 * the name rules of a target ({@link NameRules.style}).
 */
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
  /** The id of the target's one built-in layer (Debian's `distro-data`, `python3dist` …). */
  builtinLayer(profile: TargetProfile): BuiltinLayer;
  /** What the built-in layer says about `project` on the target, if it knows it. */
  builtin(project: string, profile: TargetProfile): NameCandidate | undefined;
  /**
   * The names of the packages wheel2pkg makes from `project`, why the binary has its name, and
   * the name by which a requirement reaches them.
   */
  ownNames(project: string, profile: TargetProfile, rules: NameRules): OwnPackageNames;
  /**
   * The relations a requirement becomes when it names the distro name `name`, with the epochs
   * the target archive gives packages (relations on a package carry its epoch).
   */
  relations(
    requirement: Requirement,
    name: string,
    profile: TargetProfile,
    epochOf: EpochLookup,
  ): StyleRelations;
  /**
   * A distro name as the target's archive spells it (openSUSE's case-sensitive
   * `python-PyYAML`); the name itself when the archive does not have it.
   */
  archiveName(name: string, profile: TargetProfile, archive: ArchiveNames): string;
  /** A distro name as a relation writes it: `python3dist(name)`, `python-name`, `name`. */
  relationName(name: string, profile: TargetProfile): string;
  /** Notes the format's packaging adds to a relation it writes (openSUSE: exact versions, extras). */
  relationNotes(requirement: Requirement, relation: string, profile: TargetProfile): Diagnostic[];
}
