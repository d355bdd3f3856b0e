/**
 * wheel2pkg.toml as the rest of wheel2pkg sees it: validated, with paths resolved and regexes
 * compiled, and each mapping rule remembering the file, line, column and key it came from.
 */
import { printable, UserError } from "../errors.js";
import type { ExactNameRule, IgnoreRule, NameRules, RenameRule } from "../mapping/name-rules.js";
import type { WheelLimits } from "../wheel/index.js";

/**
 * Who writes a family's binary packages when it has a choice (README, "Builders"): `dpkg`
 * runs dpkg-buildpackage, `direct` writes the .deb in-process.
 */
export type Builder = "dpkg" | "direct";

/** Where Debian targets put the dependencies of extras (`[mapping] extras`). */
export type ExtrasPolicy = "recommends" | "suggests" | "ignore";

/** A lint rule's severity as the user re-scores it (`off` disables the rule). */
export type LintSeverity = "error" | "warning" | "info" | "off";

/** The mapping rules of one `[mapping]` or `[mapping.targets.<id>]` table. */
export interface MappingSection {
  overrides: readonly ExactNameRule[];
  renames: readonly RenameRule[];
  ignores: readonly IgnoreRule[];
  /** Unset: the other section's value, else `suggests`. */
  extras?: ExtrasPolicy;
  /** Extras folded into the main package, normalized (PEP 685). Unset: the other section's. */
  withExtras?: readonly string[];
  /** First words of development-only extras, normalized. Unset: the other section's. */
  devExtras?: readonly string[];
}

/** `[packages.<name>] license`: the SPDX expression the user gives a project's license. */
export interface ConfiguredLicense {
  spdx: string;
  /** `file:line:column: key`, for the note that says where the license came from. */
  origin: string;
}

/**
 * `[packages.<name>] command-extras`: whether the extras whose requirements the project's commands
 * import are folded into its main package (README, "Extras").
 */
export interface ConfiguredCommandExtras {
  fold: boolean;
  /** `file:line:column: key`, for the error that finds the project under two keys. */
  origin: string;
}

/**
 * `[packages.<name>]`: the distro name of one Python project, for all targets or per target, its
 * license, and whether its commands' imports fold extras.
 */
export interface PackageConfig {
  /** The project name as the table key spells it. */
  project: string;
  name?: ExactNameRule;
  /** Wins over everything the wheel says about its license. */
  license?: ConfiguredLicense;
  /** Unset: extras a command imports are folded. */
  commandExtras?: ConfiguredCommandExtras;
  /** Target id → the rule for that target. */
  targets: ReadonlyMap<string, ExactNameRule>;
}

/** The whole configuration; {@link emptyConfig} when there is no file. */
export interface Config {
  /** Absolute path of the file it was read from, or null for the defaults. */
  file: string | null;
  maintainer: { name?: string; email?: string };
  /** RPM Release / Debian revision. */
  release?: string;
  /** Who writes binary packages where a family has a choice (`--builder`). */
  builder?: Builder;
  /** Changelog entry lines. */
  changelog: readonly string[];
  /** Template directory, absolute (written relative to the config file's directory). */
  templates?: string;
  mapping: MappingSection;
  /** Target id → that target's `[mapping.targets.<id>]`. */
  mappingTargets: ReadonlyMap<string, MappingSection>;
  /** Lint rule id → severity. */
  lintSeverity: ReadonlyMap<string, LintSeverity>;
  /** `[limits]`: what a wheel may declare before it is refused; unset keys keep their defaults. */
  limits: Readonly<Partial<WheelLimits>>;
  /** By project name as the key spells it. */
  packages: readonly PackageConfig[];
  /** `[archive]`: where each target's archive index is read from and saved. */
  archive: ArchiveConfig;
}

/** `[archive]`: the sources of each target's archive index, and where indices are saved. */
export interface ArchiveConfig {
  /** Directory of saved indices, absolute; unset: `$XDG_CACHE_HOME/wheel2pkg/archive`. */
  cache?: string;
  /**
   * Target id → its `Packages`/`Contents` files or repositories, URLs or absolute paths. A
   * target not listed is read from the host's own lists when the host runs its release.
   */
  sources: ReadonlyMap<string, readonly string[]>;
}

/** The configuration of a run without a config file. */
export const emptyConfig: Config = {
  file: null,
  maintainer: {},
  changelog: [],
  mapping: { overrides: [], renames: [], ignores: [] },
  mappingTargets: new Map(),
  lintSeverity: new Map(),
  limits: {},
  packages: [],
  archive: { sources: new Map() },
};

/** What one target takes from the configuration (`configForTarget`). */
export interface TargetConfig {
  names: NameRules;
  extras: ExtrasPolicy;
  withExtras: readonly string[];
  /** First words of the extras that are not packaged (`defaultDevExtras` unless configured). */
  devExtras: readonly string[];
}

/** One problem in a config file, with the key path and the 1-based line and column. */
export interface ConfigProblem {
  /** Dotted key path, e.g. `mapping.rename[0].pattern`; "" for a TOML syntax error. */
  key: string;
  line: number;
  column: number;
  message: string;
}

/** A config file that cannot be used; every problem found is reported together. */
export class ConfigError extends UserError {
  override name = "ConfigError";
  readonly problems: readonly ConfigProblem[];
  constructor(
    readonly file: string,
    problems: readonly ConfigProblem[],
  ) {
    // One line per problem, `wheel2pkg.toml:3:1: mapping.extras: expected one of …`, so that
    // the message alone says where.
    super(
      problems.map(
        (p) => `${file}:${p.line}:${p.column}: ${p.key === "" ? "" : `${p.key}: `}${p.message}`,
      ),
      { file },
    );
    this.problems = problems;
  }

  /** The message: it already names the file, line, column and key of each problem. */
  override describe(): string {
    return this.lines.map(printable).join("\n");
  }
}
