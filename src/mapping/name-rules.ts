/**
 * The user's name-mapping rules as the mapping stage consumes them: already validated and
 * merged for one target (src/config builds them from wheel2pkg.toml), each remembering where it
 * was written so that a decision can name the key that made it.
 */
import { isValidName, normalizeName } from "../model/name.js";
import type { TargetFamily } from "../profiles/types.js";
import { dhPythonKey } from "./debian-data.js";
import type { RenamePattern } from "./rename-pattern.js";

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

/** An exact rule: this Python project becomes this distro name. */
export interface ExactNameRule {
  /** The Python project name as written in the rule (compared with {@link familyKey}). */
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

/** Every user rule that applies to one target, per-target rules before all-target ones. */
export interface NameRules {
  /** `[packages.<name>]` (layer 1). */
  packageOverrides: readonly ExactNameRule[];
  /** `[mapping] overrides` (layer 2, first). */
  overrides: readonly ExactNameRule[];
  /** `[mapping] rename` (layer 2, second). */
  renames: readonly RenameRule[];
  /** `[mapping] ignore` (layer 2, last). */
  ignores: readonly IgnoreRule[];
}

/** No user rules at all. */
export const noNameRules: NameRules = {
  packageOverrides: [],
  overrides: [],
  renames: [],
  ignores: [],
};

/**
 * The form in which a target family compares Python project names in rules and data: dh-python's
 * key for Debian (dots kept, `-` = `_`, any case), the PEP 503 name for RPM.
 */
export function familyKey(project: string, family: TargetFamily): string {
  return family === "deb" ? dhPythonKey(project) : normalizeName(project);
}

/** Debian policy §5.6.1: lower case letters, digits, `+ - .`, at least two characters. */
const DEBIAN_PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;

/**
 * Why `name` cannot be a distro name for the family, or null when it can. On RPM targets the
 * name goes inside `python3dist()`, so it must be a Python distribution name.
 */
export function distroNameProblem(name: string, family: TargetFamily): string | null {
  if (family === "deb") {
    return DEBIAN_PACKAGE.test(name)
      ? null
      : `"${name}" is not a Debian package name (lower case letters, digits, "+", "-", ".")`;
  }
  return isValidName(name)
    ? null
    : `"${name}" is not a Python distribution name, as python3dist() on RPM targets needs`;
}
