/**
 * The native build of one written package, once the builds of the set's packages it requires
 * have finished. Waiting happens outside the build pool (order-gate.ts).
 */
import type { Builder } from "../config/types.js";
import { diagnostic } from "../diagnostics.js";
import { buildNative } from "../convert/build.js";
import type { WrittenPackage } from "../convert/write.js";
import { ToolError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";
import type { BatchRun } from "./context.js";
import { errorMessage } from "./entry.js";
import { lintBuilt } from "./lint-summary.js";
import type { BatchEntry } from "./types.js";
import { writeBuiltStamp } from "./stamp.js";

/** A written package to build, with what its stamp and its build need. */
export interface BuildJob {
  entry: BatchEntry;
  written: WrittenPackage;
  profile: TargetProfile;
  /** The package's stamp key, recorded with the finished build. */
  key: string;
  /** SOURCE_DATE_EPOCH of the build. */
  epoch: number;
  /** The set's projects to wait for. */
  requires: readonly string[];
}

/** Builds the package after its dependencies, then finishes its entry (built, failed, interrupted). */
/** The build option naming a builder, when one was asked for. */
function builderOption(builder: Builder | undefined): { builder?: Builder } {
  return builder === undefined ? {} : { builder };
}

export async function buildAfterDependencies(run: BatchRun, job: BuildJob): Promise<void> {
  const { entry, written, profile, key, epoch, requires } = job;
  const signal = run.options.signal;
  await run.gate.after(entry.project ?? "", profile.id, requires);
  await run.builds(async () => {
    if (run.aborted()) {
      entry.status = "interrupted";
      return;
    }
    run.emit({ type: "step", wheel: entry.wheel, step: "build", target: profile.id });
    const t = performance.now();
    try {
      const result = await buildNative(written, profile, epoch, {
        ...(signal === undefined ? {} : { cancelSignal: signal }),
        sourceOnly: run.sourceOnly,
        ...builderOption(run.options.builder ?? run.config.builder),
      });
      entry.artifacts = [...result.sourcePackages, ...result.binaryPackages];
      entry.log = result.logFile;
      entry.diagnostics = [
        ...entry.diagnostics,
        ...result.notes.map((note) => diagnostic("build-host-not-target", "info", note)),
      ];
      entry.lint.built = await lintBuilt(result.binaryPackages, profile, run.config);
      await writeBuiltStamp(
        written.directory,
        key,
        entry.artifacts,
        run.sourceOnly,
        entry.lint.built,
      );
      entry.status = "built";
    } catch (error) {
      // Ctrl-C on a terminal also reaches the build tools: their failure is the interrupt.
      entry.status = run.aborted() ? "interrupted" : "failed";
      entry.error = run.aborted() ? "stopped while building" : errorMessage(error);
      if (error instanceof ToolError) entry.log = error.logFile ?? null;
    }
    entry.durations.build = Math.round(performance.now() - t);
  });
  run.ledger.finish(entry);
}
