/**
 * One wheel × target of a batch as it moves through the steps: the entry the report will hold,
 * and the planning step, which isolates a target that refuses the wheel from the others.
 */
import { planConversion, type PlannedPackage, type ReadPackage } from "../convert/plan.js";
import { asFileSystemError, printable, UserError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";
import type { ReadWheel } from "./read.js";
import type { BatchEntry } from "./types.js";

/**
 * The message of an entry's error, printable: with its location for a UserError, and in the
 * words of a FileSystemError for an errno error of the environment that no boundary described.
 */
export function errorMessage(error: unknown): string {
  const described = asFileSystemError(error);
  if (described instanceof UserError) return described.describe();
  return printable(error instanceof Error ? error.message : String(error));
}

/** A new entry of the report, `interrupted` until something else happens to it. */
export function blankEntry(wheel: string, target: string, read: ReadWheel | null): BatchEntry {
  return {
    wheel,
    project: read?.project?.project ?? null,
    version: read?.project?.version ?? null,
    target,
    status: "interrupted",
    directory: null,
    artifacts: [],
    diagnostics: [],
    requires: [],
    unresolved: [],
    extras: [],
    pulledBy: read?.item.pulledBy === undefined ? null : [...read.item.pulledBy],
    install: null,
    error: null,
    log: null,
    lint: { packaging: null, built: null },
    durations: { read: read?.milliseconds ?? 0, plan: 0, write: 0, build: 0 },
  };
}

/** Plans a wheel for all pending targets at once, or target by target when one is refused. */
export async function planEach(
  wheel: ReadPackage,
  profiles: readonly TargetProfile[],
  options: Parameters<typeof planConversion>[1],
): Promise<{
  planned: (PlannedPackage | Error)[];
  diagnostics: BatchEntry["diagnostics"];
  epoch: number;
}> {
  try {
    const plan = await planConversion(wheel, { ...options, profiles });
    const epoch = Math.floor(plan.packaging.date.getTime() / 1000);
    const planned = profiles.map(
      (profile): PlannedPackage | Error =>
        plan.packages.find((p) => p.profile.id === profile.id) ??
        plan.refused.find((r) => r.profile.id === profile.id)?.error ??
        new Error(`${profile.id} was not planned`),
    );
    return { planned, diagnostics: plan.diagnostics, epoch };
  } catch (error) {
    if (profiles.length === 1 || !(error instanceof UserError)) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return { planned: profiles.map(() => failure), diagnostics: [], epoch: 0 };
    }
  }
  const results = await Promise.all(profiles.map((p) => planEach(wheel, [p], options)));
  return {
    planned: results.map((r) => r.planned[0] as PlannedPackage | Error),
    diagnostics: results.flatMap((r) => r.diagnostics),
    epoch: results.find((r) => r.epoch !== 0)?.epoch ?? 0,
  };
}
