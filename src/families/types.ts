/**
 * The contract of a package format (docs/architecture.md, "Families"). Everything that differs
 * between RPM and Debian packaging lives behind it, in the format's own folder; the stages
 * around it ask the family of the profile and never test which family it is.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { MappingStyle } from "../mapping/name-rules.js";
import type { BuiltPackage, NativeLintRun } from "../native/packages.js";
import type { BuildOptions, BuildResult, InstallCheck, Repository } from "../native/types.js";
import type { ArchiveIndex, ArchiveSnapshot } from "./archive.js";
import type { TargetFamily, TargetProfile } from "../profiles/types.js";
import type { PlanInput, TargetPlan } from "../targets/types.js";
import type { ContentCheck, StringSignature } from "../wheel/index.js";

/** What a family has the wheel read look for (see `Family.wheelChecks`). */
export interface WheelChecks {
  /** Searched for in ELF files' strings; each family's names its own. */
  signatures(): readonly StringSignature[];
  /** Run on the files they apply to; each family's findings are named its own way. */
  checks: readonly ContentCheck[];
}

/**
 * A file of a family that lint reads: its packaging (a spec file, a debian/ directory), a built
 * binary package, or what only the family's own linter checks (`.src.rpm`, `.dsc`, `.changes`).
 */
export interface LintFile {
  kind: "spec" | "debian-dir" | "built" | "native-only";
  /** What it is, for messages: `a spec file`, `a .deb`. */
  what: string;
}

/** Where a package's packaging is among its files: the spec file or the debian/ directory. */
export interface PackagingRoot {
  kind: "spec" | "debian-dir";
  /** Relative to the package's directory; a directory has no trailing `/`. */
  path: string;
}

/** What a target's archive offers for one relation, and whether its package manager could satisfy it. */
export interface RelationInArchive {
  relation: string;
  /** The archive's packages for the names it names: `python3-cffi 1.15.1-5`. */
  offers: string[];
  /** `unknown`: the archive has nothing of the names; `version-unavailable`: not at a version it admits. */
  status: "satisfied" | "version-unavailable" | "unknown";
}

/** One package format. A new family is a folder with one of these, registered in `families`. */
export interface Family {
  readonly id: TargetFamily;
  /** Computes the template context and the files to make for one package and target. */
  plan(input: PlanInput): TargetPlan;
  /**
   * The distro version of a package made from a PEP 440 version, with what was lost;
   * `archiveEpoch` is the epoch the target archive gives the package's name (default 0).
   */
  packageVersion(
    version: string,
    archiveEpoch?: number,
  ): { version: string; diagnostics: Diagnostic[] };
  /** Builds the packaging written in `directory` with the family's tools. */
  build(
    directory: string,
    plan: TargetPlan,
    profile: TargetProfile,
    sourceDateEpoch: number,
    options: BuildOptions,
  ): Promise<BuildResult>;
  /**
   * What the wheel read looks for in the wheel's files for this family's packaging, so that the
   * wheel is read once: signatures in ELF files' strings (`ElfFacts.signatures`; lintian's
   * embedded-library check) and checks of other files (`InstalledFile.findings`; lintian's
   * privacy-breach check).
   */
  readonly wheelChecks: WheelChecks;
  /** Runs the family's own linter (rpmlint, lintian) on packages or packaging. */
  nativeLint(files: readonly string[]): Promise<NativeLintRun>;
  /** What a built binary package holds, for lint. */
  queryPackage(file: string): Promise<BuiltPackage>;
  /** What a path is to this family's lint (`.spec`, a debian/ directory, `.deb` …); null if nothing. */
  lintFile(path: string, isDirectory: boolean): LintFile | null;
  /** The packaging among a package's files (paths relative to its directory). */
  packagingRoot(files: readonly string[]): PackagingRoot | null;
  /** Whether a built file is a binary package of this family (not a source package). */
  isBinaryPackage(file: string): boolean;
  /**
   * How the family names Python projects and writes requirements on them, for the mapping and
   * config stages: name keys and checks, the built-in layer, its own packages' names (and the
   * name by which a requirement reaches them), relations.
   */
  readonly mapping: MappingStyle;
  /** The package names (capabilities) a relation of this family names. */
  relationNames(relation: string): string[];
  /**
   * Reads the target's archive from the distribution's own metadata (Debian's `Packages` and
   * `Contents`, RPM repodata) at `sources`, files or URLs; with none, the host's own lists where
   * the host runs the target's release (docs/architecture.md, "Archive index").
   */
  readArchive(profile: TargetProfile, sources: readonly string[]): Promise<ArchiveSnapshot>;
  /** Orders two versions as the family's package manager does (dpkg, rpm). */
  compareVersions(a: string, b: string): number;
  /** What the archive offers for one relation this family writes, and whether it satisfies it. */
  relationInArchive(
    relation: string,
    archive: ArchiveIndex,
    profile: TargetProfile,
  ): RelationInArchive;
  /** Writes a repository of built binary packages that the family's package manager reads. */
  writeRepository(
    directory: string,
    packages: readonly string[],
    profile: TargetProfile,
  ): Promise<Repository>;
  /**
   * Asks the package manager whether each package of a repository installs on the target, with
   * the target's archive: `archiveSources` are its `[archive.targets.<id>] sources` as configured
   * (empty: none), which a family whose host lists are not the target's archive reads instead.
   */
  checkInstall(
    repository: Repository,
    profile: TargetProfile,
    archiveSources: readonly string[],
  ): Promise<InstallCheck>;
}
