/**
 * What ends every batch on stderr: the unresolved requirements summed up per project, the
 * dependency cycles that were broken, and the summary line with the counts.
 */
import type { BatchReport } from "../../batch/index.js";
import { addSummaries } from "../../batch/lint-summary.js";
import type { Output } from "../output.js";

/** The last line of a run: entries by status, unresolved projects, lint counts, cycles, time. */
export function summaryLine(report: BatchReport): string {
  const t = report.totals;
  const parts = (
    ["converted", "built", "skipped-unchanged", "refused", "failed", "interrupted"] as const
  )
    .filter((status) => t[status] > 0)
    .map((status) => `${t[status]} ${status}`);
  const cycles =
    report.cycles.length > 0 ? `; ${report.cycles.length} dependency cycle(s) broken` : "";
  const unresolved = t.unresolved > 0 ? `; ${t.unresolved} unresolved requirement(s)` : "";
  const lint = addSummaries(t.lint.packaging, [t.lint.built]);
  const findings =
    lint.error + lint.warning + lint.info > 0
      ? `; lint: ${lint.error} error(s), ${lint.warning} warning(s), ${lint.info} note(s)`
      : "";
  return `batch: ${t.wheels} wheel(s) × ${report.targets.length} target(s): ${parts.join(", ") || "nothing to do"}${unresolved}${findings}${cycles} in ${t.seconds.toFixed(1)} s\n`;
}

/** Prints the unresolved requirements (unless `quiet`), the cycles and the summary line. */
export function printSummary(output: Output, report: BatchReport, quiet: boolean): void {
  if (report.unresolved.length > 0 && !quiet) {
    output.err("unresolved requirements (required by):\n");
    for (const u of report.unresolved) {
      output.err(
        `  ${u.project} [${u.reasons.join(", ")}] on ${u.targets.join(", ")}: ${u.requiredBy.join(", ")}\n`,
      );
    }
  }
  for (const cycle of report.cycles) {
    output.err(`dependency cycle, built in this order: ${cycle.join(" → ")}\n`);
  }
  output.err(summaryLine(report));
}
