/**
 * The vocabulary of a batch's report, defined once for every step that fills it in: an entry
 * (one wheel on one target) with its requirements and lint summary, and the report as a whole.
 * README's Batch section documents the schema; `--report` writes it as JSON.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { InstallCheck, InstallResult } from "../native/types.js";
import type { ClosurePlan } from "../resolve/index.js";

/** The repository `--repo` wrote for one target, and whether its packages install. */
export interface RepositoryReport {
  target: string;
  /** Absolute directory of the repository. */
  directory: string;
  /** The apt sources line or .repo file that adds it. */
  configuration: string;
  packages: number;
  install: InstallCheck;
  /** Why it could not be written, or null. */
  error: string | null;
}

/** How one wheel ended on one target. */
export const batchStatuses = [
  "converted",
  "built",
  "skipped-unchanged",
  "refused",
  "failed",
  "interrupted",
] as const;

/** One of {@link batchStatuses}. */
export type BatchStatus = (typeof batchStatuses)[number];

/** Milliseconds spent on each step of one entry (a wheel's read and plan are shared by its targets). */
export interface BatchDurations {
  read: number;
  plan: number;
  write: number;
  build: number;
}

/** One wheel on one target. */
export interface BatchEntry {
  /** Absolute path of the wheel. */
  wheel: string;
  /** PEP 503 project name, or null when the wheel could not be read. */
  project: string | null;
  version: string | null;
  target: string;
  status: BatchStatus;
  /** The package's directory (written now or by an earlier run), or null. */
  directory: string | null;
  /** Built source and binary packages (empty unless built, now or by an earlier run). */
  artifacts: string[];
  diagnostics: Diagnostic[];
  /** The set's projects this package requires on this target (its edges in the graph). */
  requires: string[];
  unresolved: UnresolvedRequirement[];
  /** What each extra that is not folded adds: the set's projects and unresolved requirements. */
  extras: ExtraRequirements[];
  /** For a wheel `--resolve` pulled in, its requirers (`app`, `httpx[cli]`); null for a given wheel. */
  pulledBy: string[] | null;
  /**
   * With `--repo`: whether each of its binary packages installs from the repository on the
   * target, as the package manager says; null when not asked or not checkable here.
   */
  install: InstallResult[] | null;
  /** Why the entry was refused or failed, or null. */
  error: string | null;
  /** The build's log, when a build ran. */
  log: string | null;
  /** What the policy rules found in the packaging written and in the packages built. */
  lint: EntryLint;
  durations: BatchDurations;
}

/** Why a requirement is listed as unresolved. */
export type UnresolvedReason =
  /** Debian: neither the set nor dh-python's data knows the project; the name is a guess. */
  | "unknown-to-distro-data"
  /** `--check-archive`: the target's archive has no package of a name the relations name. */
  | "not-in-archive"
  /** `--check-archive`: the archive has the package, in no version the requirement admits. */
  | "archive-version-unavailable"
  /** The set provides the project, but in a version the requirement excludes. */
  | "set-version-mismatch";

/** A requirement of one wheel on one target that nothing known satisfies. */
export interface UnresolvedRequirement {
  requirement: string;
  /** PEP 503 name of the required project. */
  project: string;
  /** The relations the package carries for it. */
  relations: string[];
  reason: UnresolvedReason;
}

/** What one extra of a wheel adds on one target, beyond what the main package requires. */
export interface ExtraRequirements {
  /** The extra's name, normalized. */
  extra: string;
  /** The set's projects the extra requires (and the main package does not). */
  requires: string[];
  unresolved: UnresolvedRequirement[];
}

/** Findings counted by severity, and by rule id (our rule ids; no native linter runs). */
export interface LintSummary {
  error: number;
  warning: number;
  info: number;
  /** Rule id → number of findings, sorted by id. */
  rules: Record<string, number>;
}

/** What lint found in one entry's packaging and in its built packages. */
export interface EntryLint {
  /** The spec or debian/ directory; null when nothing was written. */
  packaging: LintSummary | null;
  /** The binary packages; null when none was built (not building, or source only). */
  built: LintSummary | null;
}

/** A required project that nothing known satisfies, with who requires it where. */
export interface UnresolvedSummary {
  project: string;
  reasons: string[];
  targets: string[];
  /** Wheel projects (or file names) that require it; `app[socks]` when an extra of app does. */
  requiredBy: string[];
}

/** Counts of the entries by status; `entries` is their sum. */
export type BatchTotals = Record<BatchStatus, number> & {
  entries: number;
  wheels: number;
  unresolved: number;
  /** With `--resolve`: the projects only extras nobody asked for require, unresolved (else 0). */
  unaskedExtras: number;
  /** The lint summaries of all entries added up. */
  lint: { packaging: LintSummary; built: LintSummary };
  seconds: number;
};

/** Everything a batch did. */
export interface BatchReport {
  wheel2pkgVersion: string;
  targets: string[];
  outDir: string;
  /** True when the run was stopped (SIGINT, or the caller's AbortSignal). */
  interrupted: boolean;
  /** The set's projects, each after those it requires: the build order. */
  order: string[];
  cycles: string[][];
  entries: BatchEntry[];
  /**
   * The requirements nothing known satisfies. With `--resolve`, only those of the packages
   * themselves and of the extras asked for (which are folded into them).
   */
  unresolved: UnresolvedSummary[];
  /**
   * With `--resolve`: the unresolved requirements of extras nobody asked for, which the closure
   * leaves alone (it resolves only what is asked), so they are not the closure's problems; null
   * without `--resolve`, where `unresolved` holds them.
   */
  unaskedExtras: UnresolvedSummary[] | null;
  /** With `--resolve`: per target, the wheels pulled in, the archive's share, what nothing satisfies. */
  closure: ClosurePlan | null;
  /** With `--repo`: one repository per target with binary packages. */
  repositories: RepositoryReport[] | null;
  totals: BatchTotals;
}
