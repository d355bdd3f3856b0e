/**
 * The user's name-mapping rules as the mapping stage consumes them: already validated and
 * merged for one target (src/config builds them from wheel2pkg.toml), each remembering where it
 * was written so that a decision can name the key that made it.
 */
import type { RenamePattern } from "./rename-pattern.js";
import type { MappingStyle } from "./style.js";

/** The layers of name mapping, in the order they are asked (the first that answers wins). */
export const nameLayers = [
  "package-override",
  "user-override",
  "user-rename",
  "user-ignore",
  "profile-exception",
  "distro-data",
  "python3dist",
  "singlespec",
  "default",
] as const;

/** One layer of name mapping. */
export type NameLayer = (typeof nameLayers)[number];

/** The built-in layers, one per target: its family's `MappingStyle.builtinLayer`. */
export const builtinLayers: readonly NameLayer[] = ["distro-data", "python3dist", "singlespec"];

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
}

/** No user rules at all, for a target whose family names with `style`. */
export function noNameRules(style: MappingStyle): NameRules {
  return { style, packageOverrides: [], overrides: [], renames: [], ignores: [] };
}
