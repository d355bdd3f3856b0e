/**
 * Batch conversion of a set of wheels (a wheelhouse): the library API behind `wheel2pkg batch`.
 */
export { readBatchInput, parseManifest, itemTargets, type BatchItem } from "./input.js";
export { runBatch } from "./run.js";
export type { BatchEvent, BatchOptions } from "./options.js";
export { batchFailed } from "./report.js";
export {
  batchStatuses,
  type BatchEntry,
  type BatchReport,
  type BatchStatus,
  type BatchTotals,
  type EntryLint,
  type ExtraRequirements,
  type LintSummary,
  type RepositoryReport,
  type UnresolvedReason,
  type UnresolvedRequirement,
} from "./types.js";
export { buildOrder, graphToDot, batchPicture, type BuildOrder, type GraphNode } from "./graph.js";
export { buildManifest, buildManifestText, type BuildManifestLine } from "./farm.js";
export { stampFile, builtStampFile } from "./stamp.js";
