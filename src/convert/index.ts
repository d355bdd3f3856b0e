/**
 * The convert stage: a wheel planned for its targets (every file's content computed, nothing
 * written), and the two acts on the disk that the apply stage composes: writing a planned
 * package atomically and building a written one with its family's tools.
 */
import type { Diagnostic } from "../diagnostics.js";

export {
  planConversion,
  mapTargets,
  readPackage,
  changelogDate,
  defaultMaintainer,
} from "./plan.js";
export type {
  ConversionPlan,
  MappedTarget,
  PlannedPackage,
  PlannedFile,
  PlanOptions,
  ReadPackage,
  RefusedTarget,
} from "./plan.js";
export { writePackage, packageDirectory, type WrittenPackage } from "./write.js";
export { buildNative } from "./build.js";

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
