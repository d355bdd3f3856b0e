/**
 * Applying a planned package (docs/architecture.md, "Applying a plan"): its packaging linted from
 * the planned files, the package written whole or not at all, then built and its binary
 * packages linted. The one path of `convert` and `batch`: a batch adds its stamp (a file written
 * with the package), its ledger and its build order through the options, and reads the result.
 */
import type { LintSeverity } from "../config/index.js";
import type { Builder } from "../config/types.js";
import {
  buildNative,
  packageDirectory,
  writePackage,
  type PlannedFile,
  type PlannedPackage,
} from "../convert/index.js";
import { lintBuiltPackages, lintPlannedPackaging } from "../lint/packaging.js";
import type { Finding } from "../lint/types.js";
import type { BuildResult } from "../native/types.js";

/** The steps of applying a package that act on the disk or run tools, in order. */
export type ApplyStep = "write" | "build";

/** What to do with a planned package. */
export interface ApplyOptions {
  /** Write the package to `<outDir>/<target>/<directory>`. */
  write: {
    outDir: string;
    /**
     * Files written with the package, made once its packaging has been linted (a batch's
     * stamp, which keeps the lint summary): they appear with the package or not at all.
     */
    alongside?: (packagingLint: readonly Finding[] | null) => PlannedFile[];
  };
  /** Run the policy rules on the packaging and on the built binary packages. */
  lint?: {
    severity?: ReadonlyMap<string, LintSeverity>;
    /** Also run the family's own linter on the built packages (`--native-lint`). */
    native?: boolean;
  };
  /** Build the written package with the family's tools. */
  build?: {
    /** SOURCE_DATE_EPOCH of the build. */
    epoch: number;
    /** Build the source package only. */
    sourceOnly?: boolean;
    /** Ends a running build tool when aborted. */
    signal?: AbortSignal;
    /**
     * Runs the build when its turn comes; at once when absent. A batch waits here for the
     * builds of the packages this one requires, then takes a place in its build pool.
     */
    queue?: <T>(build: () => Promise<T>) => Promise<T>;
    /** Install what the host lacks of the plan's build needs first (`--install-build-deps`). */
    installBuildDeps?: boolean;
    /** Who writes the binary packages (default: the family's default builder). */
    builder?: Builder;
    /**
     * The built packages whose libraries the package links (a batch's), asked once the build's
     * turn has come, when they are built.
     */
    setPackages?: () => readonly string[];
  };
  /** Asked before writing and again before building: true stops there. */
  stopped?: () => boolean;
  /** Told as a step starts. */
  onStep?: (step: ApplyStep) => void;
  /** Told once the package is written, before its build is queued. */
  onWritten?: (directory: string) => Promise<void> | void;
}

/** What became of a planned package. */
export interface AppliedPackage {
  planned: PlannedPackage;
  /** The package's directory: `<outDir>/<target>/<directory>`, absolute. */
  directory: string;
  /** How far it went: planned only (stopped, or its write failed), written, or built. */
  reached: "planned" | "written" | "built";
  /** The step that `stopped` kept from starting, or null. */
  stoppedBefore: ApplyStep | null;
  /** The step that failed and why, or null. */
  failed: { step: ApplyStep; error: unknown } | null;
  /** What the build made, or null when it did not build. */
  build: BuildResult | null;
  /** The findings on the packaging and on the built binary packages; null where none was linted. */
  lint: { packaging: Finding[] | null; built: Finding[] | null };
  /** Milliseconds spent writing and building (with the lint of the built packages). */
  durations: Record<ApplyStep, number>;
}

/**
 * Lints, writes and (when asked) builds one planned package. A failure of a step is returned,
 * not thrown, with what was done before it; `convert` throws it, a batch records it.
 */
export async function apply(
  planned: PlannedPackage,
  options: ApplyOptions,
): Promise<AppliedPackage> {
  const directory = packageDirectory(options.write.outDir, planned);
  const lint = options.lint;
  const applied: AppliedPackage = {
    planned,
    directory,
    reached: "planned",
    stoppedBefore: null,
    failed: null,
    build: null,
    lint: {
      // From the planned files, exactly as `wheel2pkg lint` reads them from disk.
      packaging:
        lint === undefined ? null : lintPlannedPackaging(planned, directory, lint.severity),
      built: null,
    },
    durations: { write: 0, build: 0 },
  };
  const stopped = options.stopped ?? (() => false);
  if (stopped()) {
    applied.stoppedBefore = "write";
    return applied;
  }
  options.onStep?.("write");
  const w = performance.now();
  let written;
  try {
    const alongside = options.write.alongside?.(applied.lint.packaging) ?? [];
    written = await writePackage(options.write.outDir, {
      ...planned,
      files: [...planned.files, ...alongside],
    });
  } catch (error) {
    applied.failed = { step: "write", error };
    return applied;
  } finally {
    applied.durations.write = Math.round(performance.now() - w);
  }
  applied.reached = "written";
  await options.onWritten?.(directory);
  const build = options.build;
  if (build === undefined) return applied;
  const run = async (): Promise<void> => {
    if (stopped()) {
      applied.stoppedBefore = "build";
      return;
    }
    options.onStep?.("build");
    const b = performance.now();
    try {
      applied.build = await buildNative(written, planned.profile, build.epoch, {
        ...(build.signal === undefined ? {} : { cancelSignal: build.signal }),
        sourceOnly: build.sourceOnly === true,
        installBuildDeps: build.installBuildDeps === true,
        ...(build.builder === undefined ? {} : { builder: build.builder }),
        ...(build.setPackages === undefined ? {} : { setPackages: build.setPackages() }),
      });
      applied.reached = "built";
      if (lint !== undefined) {
        applied.lint.built = await lintBuiltPackages(
          applied.build.binaryPackages,
          planned.profile,
          {
            ...(lint.severity === undefined ? {} : { severity: lint.severity }),
            native: lint.native === true,
          },
        );
      }
    } catch (error) {
      applied.failed = { step: "build", error };
    } finally {
      applied.durations.build = Math.round(performance.now() - b);
    }
  };
  await (build.queue === undefined ? run() : build.queue(run));
  return applied;
}
