import type { Builder } from "../config/types.js";
import { buildNative } from "./build.js";
import type { BuildResult } from "../native/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { WheelPackage } from "../model/package.js";
import type { TargetFamily } from "../profiles/types.js";
import { planConversion, type PlannedPackage, type PlanOptions } from "./plan.js";
import { writePackage } from "./write.js";

export { planConversion, readPackage, changelogDate, defaultMaintainer } from "./plan.js";
export type {
  ConversionPlan,
  PlannedPackage,
  PlannedFile,
  PlanOptions,
  ReadPackage,
} from "./plan.js";
export { writePackage, packageDirectory } from "./write.js";

/** Options of convertWheel. */
export interface ConvertOptions extends PlanOptions {
  outDir: string;
  /** Run the native tools after writing (rpmbuild, dpkg-buildpackage). */
  build?: boolean;
  /** Who writes binary packages (default: the config's `builder`, else the family's default). */
  builder?: Builder;
}

/** One package converted for one target, and built if asked. */
export interface ConvertedPackage {
  target: string;
  family: TargetFamily;
  sourceName: string;
  binaryNames: string[];
  version: string;
  architecture: string;
  directory: string;
  files: string[];
  build: BuildResult | null;
  /** The package as planned: its profile and every file's content (not part of `--json`). */
  planned: PlannedPackage;
}

/** Result of converting one wheel. */
export interface ConvertResult {
  wheel: string;
  pkg: WheelPackage;
  packages: ConvertedPackage[];
  /** Targets that refused the wheel, each with the reason; the others were converted. */
  refused: { target: string; error: string }[];
  diagnostics: Diagnostic[];
}

/**
 * Converts one wheel for every requested target: plans everything first (bad input fails
 * before anything is written; a target that refuses the wheel is reported, the others go on), writes each package atomically, then builds if asked.
 */
export async function convertWheel(
  wheelPath: string,
  options: ConvertOptions,
): Promise<ConvertResult> {
  const plan = await planConversion(wheelPath, options);
  const diagnostics = [...plan.diagnostics];
  const packages: ConvertedPackage[] = [];
  for (const planned of plan.packages) {
    diagnostics.push(...planned.plan.diagnostics);
    const written = await writePackage(options.outDir, planned);
    let build: BuildResult | null = null;
    if (options.build === true) {
      const epoch = Math.floor(plan.packaging.date.getTime() / 1000);
      const builder = options.builder ?? options.config?.builder;
      build = await buildNative(written, planned.profile, epoch, builder ? { builder } : {});
    }
    packages.push({
      target: planned.plan.target,
      family: planned.plan.family,
      sourceName: planned.plan.sourceName,
      binaryNames: planned.plan.binaryNames,
      version: planned.plan.version,
      architecture: planned.plan.architecture,
      directory: written.directory,
      files: [...planned.files.map((file) => file.path), planned.plan.wheelPath],
      build,
      planned,
    });
  }
  const refused = plan.refused.map((r) => ({ target: r.profile.id, error: r.error.describe() }));
  return { wheel: wheelPath, pkg: plan.pkg, packages, refused, diagnostics: dedupe(diagnostics) };
}

/** The same diagnostic from several targets is shown once. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.severity}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
