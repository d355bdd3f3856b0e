/** The build option naming a builder, when one was asked for. */
function builderOption(builder: Builder | undefined): { builder?: Builder } {
  return builder === undefined ? {} : { builder };
}

/**
 * A planned package of a batch applied (src/apply): what the batch adds around it. Its stamp is
 * written with it, holding the lint summary of its packaging; its build waits for the builds of
 * the set's packages it requires (outside the build pool, order-gate.ts) and takes a place in
 * the build pool; its entry is finished in the ledger once, whatever happened
 * (docs/architecture.md, "Applying a plan").
 */
import { resolve } from "node:path";
import { apply, type AppliedPackage } from "../apply/index.js";
import type { PlannedPackage } from "../convert/index.js";
import { diagnostic } from "../diagnostics.js";
import { ToolError } from "../errors.js";
import type { Builder } from "../config/types.js";
import type { BatchRun } from "./context.js";
import { errorMessage } from "./entry.js";
import { summarise } from "./lint-summary.js";
import type { BatchEntry } from "./types.js";
import { recordRefusal, stampPlannedFile, writeBuiltStamp, type StampSnapshot } from "./stamp.js";

/** A planned package of a batch, with what its stamp and its build need. */
export interface ApplyJob {
  entry: BatchEntry;
  planned: PlannedPackage;
  /** The package's stamp key. */
  key: string;
  /** What the stamp remembers besides the key; diagnostics and lint are the entry's. */
  snapshot: StampSnapshot;
  /** SOURCE_DATE_EPOCH of the build. */
  epoch: number;
}

/**
 * Applies one planned package and finishes its entry. Returns once the package is written (or
 * has failed or been stopped): its build goes on in `run.buildTasks`, so that planning does not
 * wait for builds.
 */
export async function applyPlanned(run: BatchRun, job: ApplyJob): Promise<void> {
  const { entry, planned, key, snapshot, epoch } = job;
  const { profile } = planned;
  const signal = run.options.signal;
  const requires = run.requirements.get(entry.wheel)?.targets.get(profile.id)?.requires ?? [];
  let written = (): void => undefined;
  const isWritten = new Promise<void>((settle) => {
    written = settle;
  });
  const finished = apply(planned, {
    write: {
      outDir: run.outDir,
      alongside: (findings) => {
        entry.lint.packaging = findings === null ? null : summarise(findings);
        const remembered = { diagnostics: entry.diagnostics, lint: entry.lint.packaging };
        return [stampPlannedFile(key, entry.wheel, { ...snapshot, ...remembered })];
      },
    },
    lint: { severity: run.config.lintSeverity },
    ...(run.building
      ? {
          build: {
            epoch,
            sourceOnly: run.sourceOnly,
            installBuildDeps: run.options.installBuildDeps === true,
            ...builderOption(run.options.builder ?? run.config.builder),
            ...(signal === undefined ? {} : { signal }),
            setPackages: () =>
              run.ledger.artifactsOf(
                (planned.plan.setLibraries ?? []).map((l) => l.project),
                profile.id,
              ),
            queue: async <T>(build: () => Promise<T>): Promise<T> => {
              await run.gate.after(entry.project ?? "", profile.id, requires);
              return run.builds(build);
            },
          },
        }
      : {}),
    stopped: run.aborted,
    onStep: (step) => {
      run.emit({ type: "step", wheel: entry.wheel, step, target: profile.id });
    },
    onWritten: async (directory) => {
      entry.directory = directory;
      entry.status = "converted";
      await recordRefusal(resolve(run.outDir, profile.id), entry.wheel, key, null);
      written();
    },
  })
    .then((applied) => finish(run, entry, key, applied))
    .catch((error: unknown) => {
      entry.status = "failed";
      entry.error = errorMessage(error);
    })
    .finally(() => {
      if (!run.ledger.hasEnded(entry.wheel, profile.id)) run.ledger.finish(entry);
    });
  if (!run.building) {
    await finished;
    return;
  }
  run.buildTasks.push(finished);
  await Promise.race([isWritten, finished]);
}

/** Records in the entry what became of its package, and the finished build in its stamp. */
async function finish(
  run: BatchRun,
  entry: BatchEntry,
  key: string,
  applied: AppliedPackage,
): Promise<void> {
  const { packaging, built } = applied.lint;
  entry.lint.packaging = packaging === null ? null : summarise(packaging);
  entry.durations.write = applied.durations.write;
  entry.durations.build = applied.durations.build;
  if (applied.build !== null) {
    entry.artifacts = [...applied.build.sourcePackages, ...applied.build.binaryPackages];
    entry.log = applied.build.logFile;
    const notes = applied.build.notes.map((note) =>
      diagnostic("build-host-not-target", "info", note),
    );
    entry.diagnostics = [...entry.diagnostics, ...notes];
  }
  if (applied.failed?.step === "write") {
    entry.status = "failed";
    entry.error = errorMessage(applied.failed.error);
    return;
  }
  if (applied.stoppedBefore !== null) {
    entry.status = "interrupted";
    return;
  }
  if (applied.failed !== null) {
    buildFailed(run, entry, applied.failed.error);
    return;
  }
  if (applied.reached !== "built") return;
  entry.lint.built = built === null ? null : summarise(built);
  try {
    await writeBuiltStamp(
      applied.directory,
      key,
      entry.artifacts,
      run.sourceOnly,
      entry.lint.built,
    );
    entry.status = "built";
  } catch (error) {
    buildFailed(run, entry, error);
  }
}

/** A build that failed; Ctrl-C on a terminal also reaches the build tools: then it is the interrupt. */
function buildFailed(run: BatchRun, entry: BatchEntry, error: unknown): void {
  entry.status = run.aborted() ? "interrupted" : "failed";
  entry.error = run.aborted() ? "stopped while building" : errorMessage(error);
  if (error instanceof ToolError) entry.log = error.logFile ?? null;
}
