/**
 * Batch conversion of a set of wheels (a wheelhouse): the library API behind `wheel2pkg batch`.
 */
export { readBatchInput, parseManifest, type BatchItem } from "./input.js";
export { runBatch } from "./run.js";
export type { BatchEvent, BatchOptions } from "./options.js";
export {
  batchFailed,
  batchStatuses,
  type BatchEntry,
  type BatchReport,
  type BatchStatus,
  type BatchTotals,
} from "./report.js";
export { buildOrder, graphToDot, batchPicture, type BuildOrder, type GraphNode } from "./graph.js";
export type { ExtraRequirements, UnresolvedRequirement, UnresolvedReason } from "./requirements.js";
export { buildManifest, buildManifestText, type BuildManifestLine } from "./farm.js";
export { stampFile, builtStampFile } from "./stamp.js";
export type { EntryLint, LintSummary } from "./lint-summary.js";
