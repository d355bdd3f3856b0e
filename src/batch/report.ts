/**
 * What a batch's report sums up over its entries: the totals by status, the unresolved
 * requirements by project, and whether the run failed. The report's types are in types.ts.
 */
import { addSummaries, emptySummary } from "./lint-summary.js";
import {
  batchStatuses,
  type BatchEntry,
  type BatchReport,
  type BatchStatus,
  type BatchTotals,
  type UnresolvedRequirement,
  type UnresolvedSummary,
} from "./types.js";
import { compare } from "../targets/common/files.js";

/**
 * Which unresolved requirements a list holds: every entry's and its extras' (`all`), or, with
 * `--resolve`, where only the extras asked for are resolved, the packages' own (`main`) apart
 * from those of the extras nobody asked for (`extras`).
 */
export type UnresolvedScope = "all" | "main" | "extras";

/**
 * Sums the entries up; the status counts always add up to `entries`. With `resolved`, the
 * requirements of extras nobody asked for are counted apart from the unresolved ones.
 */
export function batchTotals(
  entries: readonly BatchEntry[],
  seconds: number,
  resolved = false,
): BatchTotals {
  const projects = (scope: UnresolvedScope) =>
    new Set(entries.flatMap((e) => unresolvedOf(e, scope).map(({ u }) => u.project))).size;
  const counts = Object.fromEntries(batchStatuses.map((s) => [s, 0])) as Record<
    BatchStatus,
    number
  >;
  for (const entry of entries) counts[entry.status] += 1;
  return {
    ...counts,
    entries: entries.length,
    wheels: new Set(entries.map((e) => e.wheel)).size,
    unresolved: projects(resolved ? "main" : "all"),
    unaskedExtras: resolved ? projects("extras") : 0,
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

/** An entry's unresolved requirements in a scope, each with who requires it: the wheel or `wheel[extra]`. */
function unresolvedOf(
  entry: BatchEntry,
  scope: UnresolvedScope,
): { u: UnresolvedRequirement; by: string }[] {
  const by = entry.project ?? entry.wheel;
  return [
    ...(scope === "extras" ? [] : entry.unresolved.map((u) => ({ u, by }))),
    ...(scope === "main"
      ? []
      : entry.extras.flatMap((e) => e.unresolved.map((u) => ({ u, by: `${by}[${e.extra}]` })))),
  ];
}

/** The unresolved requirements of all entries in a scope, grouped by the required project. */
export function unresolvedSummary(
  entries: readonly BatchEntry[],
  scope: UnresolvedScope = "all",
): UnresolvedSummary[] {
  const byProject = new Map<
    string,
    { reasons: Set<string>; targets: Set<string>; by: Set<string> }
  >();
  for (const entry of entries) {
    for (const { u, by } of unresolvedOf(entry, scope)) {
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
    .sort(([a], [b]) => compare(a, b))
    .map(([project, s]) => ({
      project,
      reasons: [...s.reasons].sort(),
      targets: [...s.targets].sort(),
      requiredBy: [...s.by].sort(),
    }));
}

/** Whether the batch should exit with 1: some entry was refused or failed (README, exit codes). */
export function batchFailed(report: BatchReport): boolean {
  return report.totals.failed > 0 || report.totals.refused > 0;
}
