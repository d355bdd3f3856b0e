/**
 * The result of a batch: one entry per wheel × target, the set's build order and cycles, the
 * unresolved requirements summed up over the set, and totals. `--report` writes it as JSON;
 * README's Batch section documents the schema.
 */
import type { Diagnostic } from "../diagnostics.js";
import { addSummaries, emptySummary, type EntryLint, type LintSummary } from "./lint-summary.js";
import type { ExtraRequirements, UnresolvedRequirement } from "./requirements.js";

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
  /** Why the entry was refused or failed, or null. */
  error: string | null;
  /** The build's log, when a build ran. */
  log: string | null;
  /** What the policy rules found in the packaging written and in the packages built. */
  lint: EntryLint;
  durations: BatchDurations;
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
  unresolved: UnresolvedSummary[];
  totals: BatchTotals;
}

/** Sums the entries up; the status counts always add up to `entries`. */
export function batchTotals(entries: readonly BatchEntry[], seconds: number): BatchTotals {
  const counts = Object.fromEntries(batchStatuses.map((s) => [s, 0])) as Record<
    BatchStatus,
    number
  >;
  for (const entry of entries) counts[entry.status] += 1;
  return {
    ...counts,
    entries: entries.length,
    wheels: new Set(entries.map((e) => e.wheel)).size,
    unresolved: new Set(entries.flatMap((e) => allUnresolved(e).map(({ u }) => u.project))).size,
    lint: {
      packaging: addSummaries(
        emptySummary(),
        entries.map((e) => e.lint.packaging),
      ),
      built: addSummaries(
        emptySummary(),
        entries.map((e) => e.lint.built),
      ),
    },
    seconds: Math.round(seconds * 1000) / 1000,
  };
}

/** An entry's unresolved requirements, each with who requires it: the wheel or `wheel[extra]`. */
function allUnresolved(entry: BatchEntry): { u: UnresolvedRequirement; by: string }[] {
  const by = entry.project ?? entry.wheel;
  return [
    ...entry.unresolved.map((u) => ({ u, by })),
    ...entry.extras.flatMap((e) => e.unresolved.map((u) => ({ u, by: `${by}[${e.extra}]` }))),
  ];
}

/** The unresolved requirements of all entries (their extras' too), grouped by the required project. */
export function unresolvedSummary(entries: readonly BatchEntry[]): UnresolvedSummary[] {
  const byProject = new Map<
    string,
    { reasons: Set<string>; targets: Set<string>; by: Set<string> }
  >();
  for (const entry of entries) {
    for (const { u, by } of allUnresolved(entry)) {
      const summary = byProject.get(u.project) ?? {
        reasons: new Set(),
        targets: new Set(),
        by: new Set(),
      };
      summary.reasons.add(u.reason);
      summary.targets.add(entry.target);
      summary.by.add(by);
      byProject.set(u.project, summary);
    }
  }
  return [...byProject.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([project, s]) => ({
      project,
      reasons: [...s.reasons].sort(),
      targets: [...s.targets].sort(),
      requiredBy: [...s.by].sort(),
    }));
}

/** Whether the batch should exit with 1 (DESIGN: some batch items failed). */
export function batchFailed(report: BatchReport): boolean {
  return report.totals.failed > 0 || report.totals.refused > 0;
}
