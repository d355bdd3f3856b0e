/**
 * `runBatch`: converts (and with `build`, builds) a set of wheels for several targets. Reading
 * and planning run in one bounded pool, native builds in another, so planning never waits on a
 * build; a package builds only after the set's packages it depends on have finished. Each
 * wheel × target ends in exactly one entry of the report, whatever happens to the others.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import pLimit from "p-limit";
import { emptyConfig, type Config } from "../config/index.js";
import { loadArchive } from "../families/archive-store.js";
import { targetConfig, type ArchiveIndex } from "../families/index.js";
import { wheel2pkgVersion } from "../version.js";
import type { BatchRun } from "./context.js";
import { takeWheel } from "./convert-step.js";
import { blankEntry, errorMessage } from "./entry.js";
import { commonKey } from "./keys.js";
import { itemTargets } from "./input.js";
import { EntryLedger } from "./ledger.js";
import type { BatchOptions } from "./options.js";
import { OrderGate } from "./order-gate.js";
import { publishRepositories } from "./publish.js";
import { addLibraryRequirements, setLibraries } from "./libraries.js";
import { readSet, type ReadWheel } from "./read.js";
import { batchTotals, unresolvedSummary } from "./report.js";
import { setOrder, setRequirements } from "./requirements.js";
import { configWithSet } from "./set.js";
import { removeStaleStaging } from "./staging.js";
import type { BatchReport } from "./types.js";
import { compare } from "../targets/common/files.js";

export type { BatchEvent, BatchOptions } from "./options.js";

/** The archive index of each target, as given or read once for the whole batch. */
async function batchArchives(
  options: BatchOptions,
  config: Config,
): Promise<ReadonlyMap<string, ArchiveIndex>> {
  if (options.archives !== undefined) return options.archives;
  const indices = new Map<string, ArchiveIndex>();
  for (const profile of options.profiles) {
    indices.set(profile.id, (await loadArchive(profile, config)).index);
  }
  return indices;
}

/**
 * Runs a batch to the end (or to an abort) and returns its report. Throws only for problems of
 * the whole run (a bad config); a bad wheel is an entry of the report.
 */
export async function runBatch(options: BatchOptions): Promise<BatchReport> {
  const started = performance.now();
  const { profiles, signal } = options;
  const outDir = resolve(options.outDir);
  const config = options.config ?? emptyConfig;
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const work = pLimit(jobs);
  const aborted = (): boolean => signal?.aborted === true;
  const emit = options.onEvent ?? (() => undefined);
  const targetIds = profiles.map((p) => p.id);
  const building = options.build === true || options.sourceOnly === true;

  // With --resolve, the archives the closure asked are measured as --check-archive measures them.
  const measuring =
    options.checkArchive === true ||
    (options.closure !== undefined && options.archives !== undefined);

  await removeStaleStaging(outDir, targetIds);
  const common = await commonKey(options, config);
  const perTarget = Object.fromEntries(
    targetIds.map((id) => [id, options.items.filter((item) => itemTargets(item, id)).length]),
  );
  emit({ type: "start", wheels: options.items.length, targets: targetIds, perTarget });

  const { reads, setDigest } = await readSet(options.items, work, {
    profiles,
    outDir,
    common,
    // What the archive holds can change between runs with the same wheels.
    trustStamps: options.force !== true && !measuring,
    build: building,
    sourceOnly: options.sourceOnly === true,
    aborted,
    onRead: (wheel) => {
      emit({ type: "step", wheel, step: "read" });
    },
    limits: config.limits,
  });
  const projects = reads.flatMap((r) => (r.project === null ? [] : [r.project]));
  const provided = new Map(projects.map((p) => [p.project, p]));
  const spellings = reads.flatMap(
    (r) => r.member?.pkg.metadata.requiresDist.map((q) => q.name) ?? [],
  );
  const batchConfig = configWithSet(config, projects, profiles, spellings);
  for (const profile of profiles) targetConfig(batchConfig, profile); // a bad config ends the run here
  const archives = measuring ? await batchArchives(options, config) : null;
  const requirements = await setRequirements(reads, provided, profiles, batchConfig, {
    archives,
    withExtras: options.withExtras ?? [],
    pool: work,
  });
  // A wheel that links a library another wheel of the set ships requires that wheel's package.
  const libraries = setLibraries(reads, requirements, targetIds);
  addLibraryRequirements(reads, requirements, libraries, archives);
  const graph = setOrder(projects, requirements);
  const gate = new OrderGate(graph.order, targetIds);
  const run: BatchRun = {
    options,
    profiles,
    targetIds,
    outDir,
    config: batchConfig,
    common,
    setDigest,
    building,
    sourceOnly: options.sourceOnly === true,
    work,
    builds: pLimit(jobs),
    aborted,
    emit,
    gate,
    requirements,
    libraries,
    ledger: new EntryLedger(gate, provided, emit),
    buildTasks: [],
  };

  // Dependencies first, so that their builds can start while the rest is still being planned.
  const ordered = [...reads].sort(
    (a, b) =>
      gate.position(a.project?.project ?? null) - gate.position(b.project?.project ?? null) ||
      compare(a.item.wheel, b.item.wheel),
  );
  await Promise.all(ordered.map((read) => work(() => isolated(run, read))));
  await Promise.all(run.buildTasks);

  const entries = run.ledger.sorted(targetIds);
  const resolved = options.closure !== undefined;
  const repositories =
    options.repo === undefined || aborted()
      ? null
      : await publishRepositories(options.repo, profiles, entries, config.archive.sources);
  return {
    wheel2pkgVersion,
    targets: targetIds,
    outDir,
    interrupted: aborted(),
    order: graph.order,
    cycles: graph.cycles,
    entries,
    unresolved: unresolvedSummary(entries, resolved ? "main" : "all"),
    unaskedExtras: resolved ? unresolvedSummary(entries, "extras") : null,
    closure: options.closure ?? null,
    repositories,
    totals: batchTotals(entries, (performance.now() - started) / 1000, resolved),
  };
}

/** A bug while processing one wheel must not lose its entries nor stop the others. */
async function isolated(run: BatchRun, read: ReadWheel): Promise<void> {
  try {
    await takeWheel(run, read);
  } catch (error) {
    for (const id of run.targetIds.filter((t) => itemTargets(read.item, t))) {
      if (run.ledger.hasEnded(read.item.wheel, id)) continue;
      const entry = blankEntry(read.item.wheel, id, read);
      entry.status = "failed";
      entry.error = errorMessage(error);
      run.ledger.finish(entry);
    }
  }
}
