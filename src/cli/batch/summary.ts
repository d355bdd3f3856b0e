/**
 * What ends every batch on stderr: the diagnostics that are errors, the unresolved requirements
 * summed up per project, the dependency cycles that were broken, and the summary line with the
 * counts.
 */
import { basename } from "node:path";
import type { BatchReport } from "../../batch/index.js";
import { addSummaries } from "../../batch/lint-summary.js";
import { printable } from "../../errors.js";
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
  const unasked =
    t.unaskedExtras > 0
      ? `; ${t.unaskedExtras} requirement(s) of extras not asked for left aside`
      : "";
  const lint = addSummaries(t.lint.packaging, [t.lint.built]);
  const findings =
    lint.error + lint.warning + lint.info > 0
      ? `; lint: ${lint.error} error(s), ${lint.warning} warning(s), ${lint.info} note(s)`
      : "";
  return `batch: ${t.wheels} wheel(s) × ${report.targets.length} target(s): ${parts.join(", ") || "nothing to do"}${unresolved}${unasked}${findings}${cycles}${installSummary(report)} in ${t.seconds.toFixed(1)} s\n`;
}

/** `; install: 12 of 13 package(s) installable (fedora not checked)`, or "" without `--repo`. */
function installSummary(report: BatchReport): string {
  const repositories = report.repositories ?? [];
  if (repositories.length === 0) return "";
  const results = repositories.flatMap((r) => r.install.results);
  const installable = results.filter((r) => r.installable).length;
  const unchecked = repositories.filter((r) => !r.install.checked).map((r) => r.target);
  const notChecked = unchecked.length > 0 ? ` (${unchecked.join(", ")} not checked)` : "";
  return `; install: ${installable} of ${results.length} package(s) installable${notChecked}`;
}

/** Whether the package manager said some package of a repository does not install. */
export function notInstallable(report: BatchReport): boolean {
  return (report.repositories ?? []).some(
    (r) => r.error !== null || r.install.results.some((i) => !i.installable),
  );
}

/**
 * Each diagnostic that is an error (`prebuilt-binary` on Fedora), once per project with the targets it
 * concerns: like `convert`, a batch shows errors whatever its verbosity.
 */
export function errorLines(report: BatchReport): string[] {
  const errors = new Map<string, { head: string; message: string; targets: string[] }>();
  for (const entry of report.entries) {
    for (const d of entry.diagnostics) {
      if (d.severity !== "error") continue;
      const head = `error: ${d.code}: ${entry.project ?? basename(entry.wheel)}`;
      const key = `${entry.wheel}\0${d.code}\0${d.message}`;
      const found = errors.get(key) ?? { head, message: d.message, targets: [] };
      found.targets.push(entry.target);
      errors.set(key, found);
    }
  }
  return [...errors.values()].map(
    ({ head, message, targets }) => `${head} (${targets.join(", ")}): ${printable(message)}\n`,
  );
}

/**
 * Prints the errors among the diagnostics, the unresolved requirements (unless `quiet`), the
 * cycles and the summary line.
 */
export function printSummary(output: Output, report: BatchReport, quiet: boolean): void {
  for (const line of errorLines(report)) output.err(line);
  if (report.unresolved.length > 0 && !quiet) {
    output.err("unresolved requirements (required by):\n");
    for (const u of report.unresolved) {
      output.err(
        `  ${u.project} [${u.reasons.join(", ")}] on ${u.targets.join(", ")}: ${u.requiredBy.join(", ")}\n`,
      );
    }
  }
  for (const r of report.repositories ?? []) {
    if (r.error !== null) {
      output.err(`repository for ${r.target} not written: ${r.error}\n`);
      continue;
    }
    output.err(`repository for ${r.target} (${r.packages} package(s)): ${r.directory}\n`);
    const how = r.configuration.trimEnd().replace(/\n/g, "\n    ");
    output.err(`  add it with: ${how}\n`);
    if (!r.install.checked) output.err(`  install not checked: ${r.install.source}\n`);
    for (const i of r.install.results.filter((x) => !x.installable)) {
      output.err(`  ${printable(`${i.package} ${i.version}`)} does not install:\n`);
      for (const line of (i.reason ?? "").split("\n")) output.err(`    ${printable(line)}\n`);
    }
  }
  for (const cycle of report.cycles) {
    output.err(`dependency cycle, built in this order: ${cycle.join(" → ")}\n`);
  }
  output.err(summaryLine(report));
}
