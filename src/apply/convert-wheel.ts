/**
 * `convert` as a library call: a wheel planned for every requested target, then each package
 * applied in turn (apply.ts).
 */
import {
  dedupe,
  planConversion,
  type ConversionPlan,
  type PlannedPackage,
  type PlanOptions,
} from "../convert/index.js";
import type { Builder } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import { asFileSystemError, ToolError, UserError } from "../errors.js";
import type { Finding } from "../lint/types.js";
import type { WheelPackage } from "../model/package.js";
import type { BuildResult } from "../native/types.js";
import type { TargetPlan } from "../targets/types.js";
import { apply, type ApplyOptions, type ApplyStep } from "./apply.js";

/** Options of convertWheel. */
export interface ConvertOptions extends PlanOptions {
  outDir: string;
  /** Run the native tools after writing (rpmbuild, dpkg-buildpackage). */
  build?: boolean;
  /** Install what the build host lacks of a package's build needs first (`--install-build-deps`). */
  installBuildDeps?: boolean;
  /** Who writes binary packages (default: the config's `builder`, else the family's default). */
  builder?: Builder;
  /** Lint the packaging written and the packages built (with the family's linter too: `native`). */
  lint?: ApplyOptions["lint"];
}

/** One package converted for one target, and built if asked: what its plan names, and more. */
export interface ConvertedPackage extends Pick<
  TargetPlan,
  "target" | "family" | "sourceName" | "binaryNames" | "version" | "architecture"
> {
  directory: string;
  files: string[];
  build: BuildResult | null;
  /** What lint found in the packaging and the built packages; null when not asked to lint. */
  lint: Finding[] | null;
  /** The package as planned: its profile and every file's content (not part of `--json`). */
  planned: PlannedPackage;
}

/**
 * A package of one wheel of several whose write or build failed: the file system refused the
 * write (a FileSystemError, nothing of it was written) or a native tool failed (a ToolError,
 * with the tail and path of its log). The wheel's other packages, and the other wheels, went on.
 */
export interface FailedPackage {
  target: string;
  step: ApplyStep;
  error: UserError | ToolError;
}

/** Result of converting one wheel. */
export interface ConvertResult {
  wheel: string;
  pkg: WheelPackage;
  packages: ConvertedPackage[];
  /** Targets that refused the wheel, each with the reason; the others were converted. */
  refused: { target: string; error: string }[];
  /** Packages whose write or build failed (only from {@link convertOrRefuse}; else thrown). */
  failed: FailedPackage[];
  diagnostics: Diagnostic[];
}

/** A wheel of several that planning refused: unreadable, bad input, or taken by no target. */
export interface RefusedWheel {
  wheel: string;
  /** Why, naming the file and field; nothing of the wheel was written. */
  refusal: UserError;
}

/**
 * Converts one wheel for every requested target: plans everything first (bad input fails
 * before anything is written; a target that refuses the wheel is reported, the others go on),
 * then applies each package: written atomically, built and linted if asked. The first step that
 * fails is thrown.
 */
export async function convertWheel(
  wheelPath: string,
  options: ConvertOptions,
): Promise<ConvertResult> {
  return applyPlan(wheelPath, await planConversion(wheelPath, options), options, false);
}

/**
 * Converts one wheel of several, each standing alone as each target does: a wheel that
 * planning refuses (a UserError: unreadable, bad metadata, an unsettled license, no target
 * takes it) is returned as refused, with nothing of it written, so that the others go on. A
 * package whose write the file system refuses or whose build fails is returned in `failed`,
 * left as `apply` leaves it (a write whole or not at all, no binary package of a failed build),
 * and the wheel's other packages are applied; anything else (a bug) is thrown.
 */
export async function convertOrRefuse(
  wheelPath: string,
  options: ConvertOptions,
): Promise<ConvertResult | RefusedWheel> {
  let plan: ConversionPlan;
  try {
    plan = await planConversion(wheelPath, options);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { wheel: wheelPath, refusal: error };
  }
  return applyPlan(wheelPath, plan, options, true);
}

/**
 * Applies each package of a wheel's plan in turn. A step that fails is thrown, or, when each
 * package stands alone, returned in `failed` if it is the file system's or a tool's.
 */
async function applyPlan(
  wheelPath: string,
  plan: ConversionPlan,
  options: ConvertOptions,
  standAlone: boolean,
): Promise<ConvertResult> {
  const diagnostics = [...plan.diagnostics];
  const packages: ConvertedPackage[] = [];
  const failed: FailedPackage[] = [];
  const epoch = Math.floor(plan.packaging.date.getTime() / 1000);
  for (const planned of plan.packages) {
    diagnostics.push(...planned.plan.diagnostics);
    const builder = options.builder ?? options.config?.builder;
    const applied = await apply(planned, {
      write: { outDir: options.outDir },
      ...(options.lint === undefined ? {} : { lint: options.lint }),
      ...(options.build === true
        ? {
            build: {
              epoch,
              installBuildDeps: options.installBuildDeps === true,
              ...(builder === undefined ? {} : { builder }),
            },
          }
        : {}),
    });
    if (applied.failed !== null) {
      const error = asFileSystemError(applied.failed.error);
      if (!standAlone || !(error instanceof UserError || error instanceof ToolError)) {
        throw applied.failed.error;
      }
      failed.push({ target: planned.plan.target, step: applied.failed.step, error });
      continue;
    }
    const { packaging, built } = applied.lint;
    packages.push({
      target: planned.plan.target,
      family: planned.plan.family,
      sourceName: planned.plan.sourceName,
      binaryNames: planned.plan.binaryNames,
      version: planned.plan.version,
      architecture: planned.plan.architecture,
      directory: applied.directory,
      files: [...planned.files.map((file) => file.path), planned.plan.wheelPath],
      build: applied.build,
      lint: options.lint === undefined ? null : [...(packaging ?? []), ...(built ?? [])],
      planned,
    });
  }
  const refused = plan.refused.map((r) => ({ target: r.profile.id, error: r.error.describe() }));
  return {
    wheel: wheelPath,
    pkg: plan.pkg,
    packages,
    refused,
    failed,
    diagnostics: dedupe(diagnostics),
  };
}
