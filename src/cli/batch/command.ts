/**
 * `wheel2pkg batch` as the command line runs it: options to a {@link runBatch} call, a progress
 * display, Ctrl-C turned into a clean stop, then the report, the graph and the summary.
 */
import type { Builder } from "../../config/types.js";
import { join } from "node:path";
import {
  batchFailed,
  batchPicture,
  buildManifestText,
  graphToDot,
  readBatchInput,
  runBatch,
  type BatchReport,
} from "../../batch/index.js";
import { loadConfig } from "../../config/index.js";
import { getProfile } from "../../profiles/index.js";
import type { ConversionArgs } from "../commands/conversion-options.js";
import { runArchives } from "../archive.js";
import { json, printDiagnostics, type Output } from "../output.js";
import { interruptedExitCode, interruptOnCtrlC } from "./interrupt.js";
import { checkWritable, deliver, type RunOutput } from "./outputs.js";
import { batchProgress, progressMode } from "./progress.js";
import { notInstallable, printSummary } from "./summary.js";
import { closureIncomplete, planText, resolveItems } from "./resolve.js";
import type { ClosurePlan } from "../../resolve/index.js";
import type { ArchiveIndex } from "../../families/index.js";
import { UserError } from "../../errors.js";

/** The command's options, parsed. */
export interface BatchCommandArgs extends ConversionArgs {
  input: string;
  outDir: string;
  jobs: number | undefined;
  build: boolean;
  installBuildDeps: boolean;
  sourceOnly: boolean;
  force: boolean;
  quiet: boolean;
  report: string | undefined;
  graph: string | undefined;
  release: string | undefined;
  /** `--resolve` and its sources. */
  resolve: boolean;
  findLinks: string[];
  indexUrls: string[];
  prereleases: boolean;
  cacheDir: string | undefined;
  dryRun: boolean;
  /** `--repo DIR`. */
  repo: string | undefined;
  builder: Builder | undefined;
}

/**
 * Runs the command; returns its exit code (0, 1 when an entry failed or was refused, 130).
 * Throws a FileSystemError (exit 2) for a report or graph path that cannot be written, before
 * the run, or after the summary when writing failed (the file is then in a temporary directory).
 */
export async function runBatchCommand(output: Output, args: BatchCommandArgs): Promise<number> {
  const profiles = args.targets.map(getProfile);
  const config = await loadConfig(args.config);
  let items = await readBatchInput(args.input);
  let closure: ClosurePlan | undefined;
  let closureArchives: ReadonlyMap<string, ArchiveIndex> | undefined;
  if (args.dryRun && !args.resolve) {
    throw new UserError("--dry-run shows the plan of --resolve; add --resolve", {
      field: "--dry-run",
    });
  }
  if (args.repo !== undefined && (!args.build || args.sourceOnly)) {
    throw new UserError("--repo publishes built binary packages; add --build", { field: "--repo" });
  }
  // The archive is read once for the whole batch (or taken as saved), before the progress starts.
  const archives = await runArchives(profiles, config, args);
  printDiagnostics(output, archives.diagnostics, args.verbose);
  if (args.resolve) {
    const resolved = await resolveItems(items, profiles, config, args, archives.indices);
    const { plan, pulled } = resolved;
    closure = plan;
    closureArchives = resolved.archives;
    if (args.dryRun) {
      if (args.json) output.out(json(plan));
      else output.out(planText(plan));
      return closureIncomplete(plan) ? 1 : 0;
    }
    if (!args.quiet) output.err(planText(plan));
    items = [...items, ...pulled];
  }
  if (args.report !== undefined) await checkWritable(args.report, "report");
  if (args.graph !== undefined) await checkWritable(args.graph, "graph");
  const progress = batchProgress(progressMode(args.quiet), (text) => {
    output.err(text);
  });
  const interrupt = interruptOnCtrlC(output);
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
      installBuildDeps: args.installBuildDeps,
      sourceOnly: args.sourceOnly,
      ...(args.builder === undefined ? {} : { builder: args.builder }),
      force: args.force,
      checkArchive: args.checkArchive,
      ...(closure === undefined ? {} : { closure }),
      ...(args.repo === undefined ? {} : { repo: args.repo }),
      ...(args.checkArchive
        ? { archives: archives.indices }
        : closureArchives === undefined
          ? {}
          : { archives: closureArchives }),
      ...(args.jobs === undefined ? {} : { jobs: args.jobs }),
      signal: interrupt.signal,
      onEvent: progress.onEvent,
    });
  } finally {
    progress.stop();
    interrupt.release();
  }
  const manifest = join(args.outDir, "build-manifest.jsonl");
  const failures = await deliver(runOutputs(report, args, manifest), output, args.json);
  if (args.sourceOnly && !args.quiet && !failures.some((f) => f.path === manifest)) {
    output.err(`build manifest (dependency order): ${manifest}\n`);
  }
  if (args.json) output.out(json(report));
  printSummary(output, report, args.quiet);
  // Exit 2: the run's work is done, but not every file is where it was asked for.
  const [failure] = failures;
  if (failure !== undefined) throw failure;
  if (report.interrupted) return interruptedExitCode;
  const incomplete = closure !== undefined && closureIncomplete(closure);
  return batchFailed(report) || incomplete || notInstallable(report) ? 1 : 0;
}

/** The files asked for: the report, the graph, and with `--source-only` the build manifest. */
function runOutputs(report: BatchReport, args: BatchCommandArgs, manifest: string): RunOutput[] {
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
  return outputs;
}
