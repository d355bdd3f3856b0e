/**
 * One wheel of a batch for every target: answered from an earlier run's stamps where they still
 * hold, else planned once for all pending targets from the mapping that ordered the set, and
 * each package applied (apply-step.ts).
 */
import { resolve } from "node:path";
import { dedupe, type PlannedPackage } from "../convert/index.js";
import { InternalError, UserError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";
import { applyPlanned } from "./apply-step.js";
import type { BatchRun } from "./context.js";
import { blankEntry, errorMessage, planEach } from "./entry.js";
import { packageKey } from "./keys.js";
import { itemTargets } from "./input.js";
import { fastKey, type ReadWheel } from "./read.js";
import type { BatchEntry } from "./types.js";
import { setProject, type SetMember } from "./set.js";
import {
  earlierOutput,
  earlierRefusal,
  outputSuffices,
  recordRefusal,
  refreshStamp,
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
  for (const id of run.targetIds.filter((t) => itemTargets(read.item, t))) {
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
  const wheel = run.requirements.get(item.wheel);
  const needs = wheel?.targets.get(profile.id);
  entry.unresolved = needs?.unresolved ?? [];
  entry.requires = needs?.requires ?? [];
  entry.extras = needs?.extras ?? [];
  const snapshot: StampSnapshot = {
    fastKey: fastKey(run.common, run.setDigest, profile.id, item),
    project: setProject(member.pkg),
    requires: entry.requires,
    unresolved: entry.unresolved,
    extras: entry.extras,
    diagnostics: read.diagnostics,
  };
  const targetDir = resolve(run.outDir, profile.id);
  // Where the package goes, as planning names it; a target the wheel cannot be mapped for has
  // no package, and its refusal follows from the same key.
  const all = wheel?.mapped;
  const mapped =
    all == null || all instanceof UserError
      ? undefined
      : all.find((m) => m.profile.id === profile.id);
  const directory =
    mapped === undefined || "error" in mapped ? null : resolve(targetDir, mapped.names.source);
  // The set's projects the extras require also decide names in the package's relations.
  const named = [...new Set([...entry.requires, ...entry.extras.flatMap((e) => e.requires)])];
  const withheld =
    mapped === undefined || "error" in mapped
      ? []
      : [...(mapped.mapped.placement?.unavailable.keys() ?? [])].sort();
  const key = packageKey(run.common, read.sha256, profile.id, item, named.sort(), withheld);
  if (run.aborted()) {
    run.ledger.finish(entry);
    return null;
  }
  const force = run.options.force === true;
  const earlier = force || directory === null ? null : await earlierOutput(directory, key);
  if (
    directory !== null &&
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
  const refusal = force ? null : await earlierRefusal(targetDir, item.wheel, key);
  if (refusal !== null) {
    entry.status = "refused";
    entry.error = refusal.error;
    if (refusal.snapshot?.fastKey !== snapshot.fastKey) {
      await recordRefusal(targetDir, item.wheel, key, refusal.error, snapshot);
    }
    run.ledger.finish(entry);
    return null;
  }
  return { profile, entry, key, snapshot };
}

/**
 * Plans the wheel for the pending targets with the mapping the set was ordered by (a wheel that
 * cannot be mapped is refused on each), and applies each package.
 */
async function planAndApply(
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
  const mapped = run.requirements.get(item.wheel)?.mapped;
  if (wheel === undefined || mapped == null) {
    throw new InternalError(`${item.wheel} was planned without being read and mapped`);
  }
  const plan =
    mapped instanceof UserError
      ? { planned: pending.map(() => mapped), diagnostics: [], epoch: 0 }
      : await planEach(
          wheel,
          pending.map((p) => p.profile),
          {
            profiles: [],
            config: run.config,
            ...(options.templateDirs === undefined ? {} : { templateDirs: options.templateDirs }),
            ...(options.debianExtras === undefined ? {} : { debianExtras: options.debianExtras }),
            packaging: {
              ...options.packaging,
              ...(releaseOption === undefined ? {} : { release: releaseOption }),
            },
            mapped,
            setLibraries: run.libraries,
          },
        );
  const planMs = Math.round(performance.now() - t);
  for (const [index, { profile, entry, key, snapshot }] of pending.entries()) {
    entry.durations.plan = planMs;
    const planned: PlannedPackage | Error | undefined = plan.planned[index];
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
    await applyPlanned(run, { entry, planned, key, snapshot, epoch: plan.epoch });
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
  for (const profile of run.profiles.filter((p) => itemTargets(read.item, p.id))) {
    const target = await checkEarlier(run, read, member, profile);
    if (target !== null) pending.push(target);
  }
  if (pending.length > 0) await planAndApply(run, read, pending);
}
