/**
 * `wheel2pkg batch` as the command line runs it: options to a {@link runBatch} call, a progress
 * display, Ctrl-C turned into a clean stop, then the report, the graph and the summary.
 */
import { join } from "node:path";
import { json } from "../cli/output.js";
import { loadConfig } from "../config/index.js";
import { getProfile } from "../profiles/index.js";
import type { DebianExtrasPolicy } from "../targets/types.js";
import { buildManifestText } from "./farm.js";
import { batchPicture, graphToDot } from "./graph.js";
import { readBatchInput } from "./input.js";
import { addSummaries } from "./lint-summary.js";
import { checkWritable, deliver, type RunOutput } from "./outputs.js";
import { batchProgress, progressMode } from "./progress.js";
import { batchFailed, type BatchReport } from "./report.js";
import { runBatch } from "./run.js";

/** Where the command writes (the CLI's Output). */
export interface BatchOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The command's options, parsed. */
export interface BatchCommandArgs {
  input: string;
  targets: string[];
  outDir: string;
  jobs: number | undefined;
  build: boolean;
  sourceOnly: boolean;
  force: boolean;
  quiet: boolean;
  json: boolean;
  report: string | undefined;
  graph: string | undefined;
  config: string | undefined;
  templates: string | undefined;
  withExtras: string[];
  debianExtras: DebianExtrasPolicy | undefined;
  checkArchive: boolean;
  release: string | undefined;
}

/** Exit status of an interrupted batch (128 + SIGINT, as shells report it). */
export const interruptedExitCode = 130;

function summary(report: BatchReport): string {
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

/**
 * Runs the command; returns its exit code (0, 1 when an entry failed or was refused, 130).
 * Throws a FileSystemError (exit 2) for a report or graph path that cannot be written, before
 * the run, or after the summary when writing failed (the file is then in a temporary directory).
 */
export async function runBatchCommand(
  output: BatchOutput,
  args: BatchCommandArgs,
): Promise<number> {
  const profiles = args.targets.map(getProfile);
  const config = await loadConfig(args.config);
  const items = await readBatchInput(args.input);
  if (args.report !== undefined) await checkWritable(args.report, "report");
  if (args.graph !== undefined) await checkWritable(args.graph, "graph");
  const progress = batchProgress(progressMode(args.quiet), (text) => {
    output.err(text);
  });
  const controller = new AbortController();
  // A listener that stays registered: execa's exit cleanup re-raises SIGINT (killing us
  // mid-write) when it finds itself the only listener. The second Ctrl-C does just that.
  const onInterrupt = (): void => {
    if (controller.signal.aborted) {
      process.removeListener("SIGINT", onInterrupt);
      process.kill(process.pid, "SIGINT");
      return;
    }
    output.err("\nwheel2pkg: stopping after the running steps (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  let report: BatchReport;
  try {
    report = await runBatch({
      items,
      profiles,
      outDir: args.outDir,
      config,
      ...(args.templates === undefined ? {} : { templateDirs: [args.templates] }),
      withExtras: args.withExtras,
      ...(args.debianExtras === undefined ? {} : { debianExtras: args.debianExtras }),
      ...(args.release === undefined ? {} : { packaging: { release: args.release } }),
      build: args.build,
      sourceOnly: args.sourceOnly,
      force: args.force,
      checkArchive: args.checkArchive,
      ...(args.jobs === undefined ? {} : { jobs: args.jobs }),
      signal: controller.signal,
      onEvent: progress.onEvent,
    });
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onInterrupt);
  }
  const manifest = join(args.outDir, "build-manifest.jsonl");
  const outputs: RunOutput[] = [];
  if (args.report !== undefined) {
    const text = json(report);
    outputs.push({ path: args.report, what: "report", fallbackName: "report.json", text });
  }
  if (args.graph !== undefined) {
    const text = graphToDot(batchPicture(report.entries));
    outputs.push({ path: args.graph, what: "graph", fallbackName: "graph.dot", text });
  }
  if (args.sourceOnly) {
    const text = buildManifestText(report);
    outputs.push({
      path: manifest,
      what: "build manifest",
      fallbackName: "build-manifest.jsonl",
      text,
    });
  }
  const failures = await deliver(outputs, output, args.json);
  if (args.sourceOnly && !args.quiet && !failures.some((f) => f.path === manifest)) {
    output.err(`build manifest (dependency order): ${manifest}\n`);
  }
  if (args.json) output.out(json(report));
  if (report.unresolved.length > 0 && !args.quiet) {
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
  output.err(summary(report));
  // Exit 2: the run's work is done, but not every file is where it was asked for.
  const [failure] = failures;
  if (failure !== undefined) throw failure;
  if (report.interrupted) return interruptedExitCode;
  return batchFailed(report) ? 1 : 0;
}
