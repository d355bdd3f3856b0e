/**
 * `runBatch`: converts (and with `build`, builds) a set of wheels for several targets. Reading
 * and planning run in one bounded pool, native builds in another, so planning never waits on a
 * build; a package builds only after the set's packages it depends on have finished. Each
 * wheel × target ends in exactly one entry of the report, whatever happens to the others.
 */
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import pLimit from "p-limit";
import { buildNative } from "../build/index.js";
import { configForTarget, emptyConfig, type Config } from "../config/index.js";
import { dedupe } from "../convert/index.js";
import { writePackage, type WrittenPackage } from "../convert/write.js";
import { UserError, ToolError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";
import type { DebianExtrasPolicy, PackagingOptions } from "../targets/types.js";
import { wheel2pkgVersion } from "../version.js";
import { buildOrder } from "./graph.js";
import type { BatchItem } from "./input.js";
import { commonKey, packageKey } from "./keys.js";
import { blankEntry, errorMessage, planEach } from "./entry.js";
import { OrderGate } from "./order-gate.js";
import { fastKey, readSet, type ReadWheel } from "./read.js";
import { batchTotals, unresolvedSummary, type BatchEntry, type BatchReport } from "./report.js";
import { configWithSet, setProject, targetRequirements, type TargetRequirements } from "./set.js";
import {
  earlierOutput,
  earlierRefusal,
  recordRefusal,
  outputSuffices,
  refreshStamp,
  stampPlannedFile,
  writeBuiltStamp,
  type StampSnapshot,
} from "./stamp.js";
import { removeStaleStaging } from "./staging.js";

/** What a batch reports while it runs (for a progress display). */
export type BatchEvent =
  | { type: "start"; wheels: number; targets: string[] }
  | { type: "step"; wheel: string; step: "read" | "plan" | "write" | "build"; target?: string }
  | { type: "done"; entry: BatchEntry };

/** Options of {@link runBatch}. */
export interface BatchOptions {
  items: readonly BatchItem[];
  profiles: readonly TargetProfile[];
  outDir: string;
  config?: Config;
  /** User template directories (default: the config's). */
  templateDirs?: readonly string[];
  /** Extras folded for every wheel without its own `with-extras`. */
  withExtras?: readonly string[];
  debianExtras?: DebianExtrasPolicy;
  /** Identity, release and changelog for every wheel (a manifest's `release` wins). */
  packaging?: Partial<Omit<PackagingOptions, "date">>;
  build?: boolean;
  /** Build the source packages only (SRPM, `.dsc`), as build farms take them; implies `build`. */
  sourceOnly?: boolean;
  /** Redo packages whose stamp says they are unchanged. */
  force?: boolean;
  /** Look names outside the set up in this host's package index. */
  checkArchive?: boolean;
  /** Size of each pool (default: the number of cores). */
  jobs?: number;
  /** Stops the batch: nothing new starts, and unfinished entries end as `interrupted`. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
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
  const builds = pLimit(jobs);
  const aborted = (): boolean => signal?.aborted === true;
  const emit = options.onEvent ?? (() => undefined);
  const targetIds = profiles.map((p) => p.id);
  const building = options.build === true || options.sourceOnly === true;
  const buildMode = { build: building, sourceOnly: options.sourceOnly === true };

  await removeStaleStaging(outDir, targetIds);
  const common = await commonKey(options, config);
  emit({ type: "start", wheels: options.items.length, targets: targetIds });

  const { reads, setDigest } = await readSet(options.items, work, {
    profiles,
    outDir,
    common,
    trustStamps: options.force !== true && options.checkArchive !== true,
    build: building,
    sourceOnly: options.sourceOnly === true,
    aborted,
    onRead: (wheel) => {
      emit({ type: "step", wheel, step: "read" });
    },
  });
  const projects = reads.flatMap((r) => (r.project === null ? [] : [r.project]));
  const provided = new Map(projects.map((p) => [p.project, p]));
  const batchConfig = configWithSet(config, projects, profiles);
  for (const profile of profiles) configForTarget(batchConfig, profile); // a bad config ends the run here

  const requirements = new Map<string, Map<string, TargetRequirements>>();
  await Promise.all(
    reads.map((r) =>
      work(async () => {
        const byTarget = new Map<string, TargetRequirements>();
        requirements.set(r.item.wheel, byTarget);
        if (r.known !== null) {
          for (const [id, known] of r.known) byTarget.set(id, known.snapshot);
        }
        if (r.member === null) return;
        for (const profile of profiles) {
          const member = r.member;
          byTarget.set(
            profile.id,
            await targetRequirements(
              member,
              provided,
              profile,
              batchConfig,
              options.checkArchive === true,
            ),
          );
        }
      }),
    ),
  );
  const graph = buildOrder(
    projects.map((p) => ({
      project: p.project,
      requires: [
        ...new Set([...(requirements.get(p.wheel)?.values() ?? [])].flatMap((t) => t.requires)),
      ],
    })),
  );
  const gate = new OrderGate(graph.order, targetIds);

  const entries: BatchEntry[] = [];
  const ended = new Set<string>();
  const finish = (entry: BatchEntry): void => {
    ended.add(`${entry.wheel}\0${entry.target}`);
    entries.push(entry);
    if (entry.project !== null && provided.get(entry.project)?.wheel === entry.wheel) {
      gate.settle(entry.project, entry.target);
    }
    emit({ type: "done", entry });
  };

  const buildTasks: Promise<void>[] = [];
  const buildAfterDependencies = async (
    entry: BatchEntry,
    written: WrittenPackage,
    profile: TargetProfile,
    key: string,
    epoch: number,
    requires: readonly string[],
  ): Promise<void> => {
    await gate.after(entry.project ?? "", profile.id, requires);
    await builds(async () => {
      if (aborted()) {
        entry.status = "interrupted";
        return;
      }
      emit({ type: "step", wheel: entry.wheel, step: "build", target: profile.id });
      const t = performance.now();
      try {
        const result = await buildNative(written, profile, epoch, {
          ...(signal === undefined ? {} : { cancelSignal: signal }),
          sourceOnly: options.sourceOnly === true,
        });
        entry.artifacts = [...result.sourcePackages, ...result.binaryPackages];
        entry.log = result.logFile;
        await writeBuiltStamp(written.directory, key, entry.artifacts, buildMode.sourceOnly);
        entry.status = "built";
      } catch (error) {
        // Ctrl-C on a terminal also reaches the build tools: their failure is the interrupt.
        entry.status = aborted() ? "interrupted" : "failed";
        entry.error = aborted() ? "stopped while building" : errorMessage(error);
        if (error instanceof ToolError) entry.log = error.logFile ?? null;
      }
      entry.durations.build = Math.round(performance.now() - t);
    });
    finish(entry);
  };

  const processWheel = async (read: ReadWheel): Promise<void> => {
    const { item, member, known } = read;
    if (known !== null && read.project !== null) {
      // The same input as an earlier run: its stamps answer for every target.
      for (const [id, k] of known) {
        const entry = blankEntry(item.wheel, id, read);
        Object.assign(entry, {
          status: k.status,
          directory: k.directory,
          artifacts: k.artifacts,
          error: k.error,
          diagnostics: k.snapshot.diagnostics,
          requires: k.snapshot.requires,
          unresolved: k.snapshot.unresolved,
        });
        finish(entry);
      }
      return;
    }
    if (member === null) {
      for (const id of targetIds) {
        const entry = blankEntry(item.wheel, id, read);
        if (read.error !== null) {
          entry.status = "refused";
          entry.error = read.error;
        }
        finish(entry);
      }
      return;
    }
    const project = member.pkg.metadata.normalizedName;
    const byTarget = requirements.get(item.wheel);
    const pending: {
      profile: TargetProfile;
      entry: BatchEntry;
      key: string;
      snapshot: StampSnapshot;
    }[] = [];
    for (const profile of profiles) {
      const entry = blankEntry(item.wheel, profile.id, read);
      const needs = byTarget?.get(profile.id);
      entry.unresolved = needs?.unresolved ?? [];
      entry.requires = needs?.requires ?? [];
      const key = packageKey(common, read.sha256, profile.id, item, entry.requires);
      const snapshot: StampSnapshot = {
        fastKey: fastKey(common, setDigest, profile.id, item),
        project: setProject(member.pkg),
        requires: entry.requires,
        unresolved: entry.unresolved,
        diagnostics: read.diagnostics,
      };
      const directory = resolve(outDir, profile.id, `${profile.naming.source}${project}`);
      if (aborted()) {
        finish(entry);
        continue;
      }
      const earlier = options.force === true ? null : await earlierOutput(directory, key);
      if (earlier !== null && outputSuffices(earlier, buildMode)) {
        entry.status = "skipped-unchanged";
        entry.directory = directory;
        entry.artifacts = earlier.artifacts ?? [];
        entry.diagnostics = earlier.snapshot?.diagnostics ?? read.diagnostics;
        // Let the next run over this same input recognise the package without reading it.
        if (earlier.snapshot?.fastKey !== snapshot.fastKey) {
          snapshot.diagnostics = entry.diagnostics;
          await refreshStamp(directory, key, item.wheel, snapshot);
        }
        finish(entry);
        continue;
      }
      const refusal =
        options.force === true ? null : await earlierRefusal(dirname(directory), item.wheel, key);
      if (refusal !== null) {
        entry.status = "refused";
        entry.error = refusal.error;
        if (refusal.snapshot?.fastKey !== snapshot.fastKey) {
          await recordRefusal(dirname(directory), item.wheel, key, refusal.error, snapshot);
        }
        finish(entry);
        continue;
      }
      pending.push({ profile, entry, key, snapshot });
    }
    if (pending.length === 0) return;
    emit({ type: "step", wheel: item.wheel, step: "plan" });
    const t = performance.now();
    const releaseOption = item.release ?? options.packaging?.release;
    const plan = await planEach(
      item.wheel,
      pending.map((p) => p.profile),
      {
        profiles: [],
        config: batchConfig,
        ...(options.templateDirs === undefined ? {} : { templateDirs: options.templateDirs }),
        withExtras: item.withExtras ?? options.withExtras ?? [],
        ...(options.debianExtras === undefined ? {} : { debianExtras: options.debianExtras }),
        packaging: {
          ...options.packaging,
          ...(releaseOption === undefined ? {} : { release: releaseOption }),
        },
      },
    );
    const planMs = Math.round(performance.now() - t);
    for (const [index, { profile, entry, key, snapshot }] of pending.entries()) {
      entry.durations.plan = planMs;
      const planned = plan.planned[index];
      if (planned === undefined || planned instanceof Error) {
        entry.status = planned instanceof UserError ? "refused" : "failed";
        entry.error = errorMessage(planned ?? "not planned");
        if (planned instanceof UserError) {
          await recordRefusal(resolve(outDir, profile.id), item.wheel, key, entry.error, snapshot);
        }
        finish(entry);
        continue;
      }
      entry.diagnostics = dedupe([...plan.diagnostics, ...planned.plan.diagnostics]);
      if (aborted()) {
        finish(entry);
        continue;
      }
      emit({ type: "step", wheel: item.wheel, step: "write", target: profile.id });
      const w = performance.now();
      let written: WrittenPackage;
      try {
        written = await writePackage(outDir, {
          ...planned,
          files: [
            ...planned.files,
            stampPlannedFile(key, item.wheel, { ...snapshot, diagnostics: entry.diagnostics }),
          ],
        });
      } catch (error) {
        entry.status = "failed";
        entry.error = errorMessage(error);
        finish(entry);
        continue;
      } finally {
        entry.durations.write = Math.round(performance.now() - w);
      }
      entry.directory = written.directory;
      entry.status = "converted";
      await recordRefusal(resolve(outDir, profile.id), item.wheel, key, null);
      if (!building) {
        finish(entry);
        continue;
      }
      const requires = byTarget?.get(profile.id)?.requires ?? [];
      buildTasks.push(buildAfterDependencies(entry, written, profile, key, plan.epoch, requires));
    }
  };

  // Dependencies first, so that their builds can start while the rest is still being planned.
  const ordered = [...reads].sort(
    (a, b) =>
      gate.position(a.project?.project ?? null) - gate.position(b.project?.project ?? null) ||
      a.item.wheel.localeCompare(b.item.wheel),
  );
  // A bug while processing one wheel must not lose its entries nor stop the others.
  const isolated = async (read: ReadWheel): Promise<void> => {
    try {
      await processWheel(read);
    } catch (error) {
      for (const id of targetIds) {
        if (ended.has(`${read.item.wheel}\0${id}`)) continue;
        const entry = blankEntry(read.item.wheel, id, read);
        entry.status = "failed";
        entry.error = errorMessage(error);
        finish(entry);
      }
    }
  };
  await Promise.all(ordered.map((read) => work(() => isolated(read))));
  await Promise.all(buildTasks);

  const targetIndex = new Map(targetIds.map((id, i) => [id, i]));
  entries.sort(
    (a, b) =>
      a.wheel.localeCompare(b.wheel) ||
      (targetIndex.get(a.target) ?? 0) - (targetIndex.get(b.target) ?? 0),
  );
  return {
    wheel2pkgVersion,
    targets: targetIds,
    outDir,
    interrupted: aborted(),
    order: graph.order,
    cycles: graph.cycles,
    entries,
    unresolved: unresolvedSummary(entries),
    totals: batchTotals(entries, (performance.now() - started) / 1000),
  };
}
