/**
 * One wheel of a batch for every target: answered from an earlier run's stamps where they still
 * hold, else planned once for all pending targets and written target by target; a written
 * package goes on to its build when the batch builds.
 */
import { dirname, resolve } from "node:path";
import { dedupe } from "../convert/index.js";
import { packageDirectory, writePackage, type WrittenPackage } from "../convert/write.js";
import { InternalError, UserError } from "../errors.js";
import { targetConfig } from "../families/index.js";
import { ownPackageNames } from "../mapping/names.js";
import type { TargetProfile } from "../profiles/types.js";
import { buildAfterDependencies } from "./build-step.js";
import type { BatchRun } from "./context.js";
import { blankEntry, errorMessage, planEach } from "./entry.js";
import { packageKey } from "./keys.js";
import { lintPackaging } from "./lint-summary.js";
import { fastKey, type ReadWheel } from "./read.js";
import type { BatchEntry } from "./types.js";
import { setProject, type SetMember } from "./set.js";
import {
  earlierOutput,
  earlierRefusal,
  outputSuffices,
  recordRefusal,
  refreshStamp,
  stampPlannedFile,
  type StampSnapshot,
} from "./stamp.js";

/** A target the wheel still has to be planned for. */
interface PendingTarget {
  profile: TargetProfile;
  entry: BatchEntry;
  key: string;
  snapshot: StampSnapshot;
}

/** Finishes every target of a wheel known from an identical earlier run, from its stamps. */
function finishKnown(run: BatchRun, read: ReadWheel): void {
  for (const [id, k] of read.known ?? []) {
    const entry = blankEntry(read.item.wheel, id, read);
    Object.assign(entry, {
      status: k.status,
      directory: k.directory,
      artifacts: k.artifacts,
      error: k.error,
      diagnostics: k.snapshot.diagnostics,
      requires: k.snapshot.requires,
      unresolved: k.snapshot.unresolved,
      extras: k.snapshot.extras ?? [],
      lint: { packaging: k.snapshot.lint ?? null, built: k.builtLint },
    });
    run.ledger.finish(entry);
  }
}

/** Finishes every target of a wheel that was refused (or not read, when the batch stopped). */
function finishUnread(run: BatchRun, read: ReadWheel): void {
  for (const id of run.targetIds) {
    const entry = blankEntry(read.item.wheel, id, read);
    if (read.error !== null) {
      entry.status = "refused";
      entry.error = read.error;
    }
    run.ledger.finish(entry);
  }
}

/**
 * The target's entry when an earlier run answers it (unchanged output, or a remembered
 * refusal), finished; else the target, to be planned.
 */
async function checkEarlier(
  run: BatchRun,
  read: ReadWheel,
  member: SetMember,
  profile: TargetProfile,
): Promise<PendingTarget | null> {
  const { item } = read;
  const entry = blankEntry(item.wheel, profile.id, read);
  const needs = run.requirements.get(item.wheel)?.get(profile.id);
  entry.unresolved = needs?.unresolved ?? [];
  entry.requires = needs?.requires ?? [];
  entry.extras = needs?.extras ?? [];
  // The set's projects the extras require also decide names in the package's relations.
  const named = [...new Set([...entry.requires, ...entry.extras.flatMap((e) => e.requires)])];
  const key = packageKey(run.common, read.sha256, profile.id, item, named.sort());
  const snapshot: StampSnapshot = {
    fastKey: fastKey(run.common, run.setDigest, profile.id, item),
    project: setProject(member.pkg),
    requires: entry.requires,
    unresolved: entry.unresolved,
    extras: entry.extras,
    diagnostics: read.diagnostics,
  };
  const names = ownPackageNames(
    member.pkg.metadata.name,
    profile,
    targetConfig(run.config, profile).names,
  );
  const directory = resolve(run.outDir, profile.id, names.source);
  if (run.aborted()) {
    run.ledger.finish(entry);
    return null;
  }
  const force = run.options.force === true;
  const earlier = force ? null : await earlierOutput(directory, key);
  if (
    earlier !== null &&
    outputSuffices(earlier, { build: run.building, sourceOnly: run.sourceOnly })
  ) {
    entry.status = "skipped-unchanged";
    entry.directory = directory;
    entry.artifacts = earlier.artifacts ?? [];
    entry.diagnostics = earlier.snapshot?.diagnostics ?? read.diagnostics;
    entry.lint = { packaging: earlier.snapshot?.lint ?? null, built: earlier.builtLint };
    // Let the next run over this same input recognise the package without reading it.
    if (earlier.snapshot?.fastKey !== snapshot.fastKey) {
      snapshot.diagnostics = entry.diagnostics;
      snapshot.lint = entry.lint.packaging;
      await refreshStamp(directory, key, item.wheel, snapshot);
    }
    run.ledger.finish(entry);
    return null;
  }
  const refusal = force ? null : await earlierRefusal(dirname(directory), item.wheel, key);
  if (refusal !== null) {
    entry.status = "refused";
    entry.error = refusal.error;
    if (refusal.snapshot?.fastKey !== snapshot.fastKey) {
      await recordRefusal(dirname(directory), item.wheel, key, refusal.error, snapshot);
    }
    run.ledger.finish(entry);
    return null;
  }
  return { profile, entry, key, snapshot };
}

/** Plans the wheel for the pending targets, writes each package and hands it to its build. */
async function planAndWrite(
  run: BatchRun,
  read: ReadWheel,
  pending: readonly PendingTarget[],
): Promise<void> {
  const { item } = read;
  const { options } = run;
  run.emit({ type: "step", wheel: item.wheel, step: "plan" });
  const t = performance.now();
  const releaseOption = item.release ?? options.packaging?.release;
  const wheel = read.member?.read;
  if (wheel === undefined) throw new InternalError(`${item.wheel} was planned without being read`);
  const plan = await planEach(
    wheel,
    pending.map((p) => p.profile),
    {
      profiles: [],
      config: run.config,
      ...(run.archives === null ? {} : { archives: run.archives }),
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
        await recordRefusal(
          resolve(run.outDir, profile.id),
          item.wheel,
          key,
          entry.error,
          snapshot,
        );
      }
      run.ledger.finish(entry);
      continue;
    }
    entry.diagnostics = dedupe([...plan.diagnostics, ...planned.plan.diagnostics]);
    const directory = packageDirectory(run.outDir, planned);
    entry.lint.packaging = lintPackaging(planned, directory, run.config);
    if (run.aborted()) {
      run.ledger.finish(entry);
      continue;
    }
    run.emit({ type: "step", wheel: item.wheel, step: "write", target: profile.id });
    const w = performance.now();
    let written: WrittenPackage;
    try {
      written = await writePackage(run.outDir, {
        ...planned,
        files: [
          ...planned.files,
          stampPlannedFile(key, item.wheel, {
            ...snapshot,
            diagnostics: entry.diagnostics,
            lint: entry.lint.packaging,
          }),
        ],
      });
    } catch (error) {
      entry.status = "failed";
      entry.error = errorMessage(error);
      run.ledger.finish(entry);
      continue;
    } finally {
      entry.durations.write = Math.round(performance.now() - w);
    }
    entry.directory = written.directory;
    entry.status = "converted";
    await recordRefusal(resolve(run.outDir, profile.id), item.wheel, key, null);
    if (!run.building) {
      run.ledger.finish(entry);
      continue;
    }
    const requires = run.requirements.get(item.wheel)?.get(profile.id)?.requires ?? [];
    run.buildTasks.push(
      buildAfterDependencies(run, { entry, written, profile, key, epoch: plan.epoch, requires }),
    );
  }
}

/** Takes one wheel through its steps on every target; each target's entry ends exactly once. */
export async function takeWheel(run: BatchRun, read: ReadWheel): Promise<void> {
  const { member } = read;
  if (read.known !== null && read.project !== null) {
    // The same input as an earlier run: its stamps answer for every target.
    finishKnown(run, read);
    return;
  }
  if (member === null) {
    finishUnread(run, read);
    return;
  }
  const pending: PendingTarget[] = [];
  for (const profile of run.profiles) {
    const target = await checkEarlier(run, read, member, profile);
    if (target !== null) pending.push(target);
  }
  if (pending.length > 0) await planAndWrite(run, read, pending);
}
