/**
 * The dependency closure of a batch (`batch --resolve`): what the given wheels need on each
 * target that the archive lacks, found in wheelhouses and simple indexes.
 */
export { resolveClosure, type ClosureOptions, type ClosureRoot } from "./closure.js";
export {
  indexedArchive,
  loadTargetArchive,
  uncheckedArchive,
  type ArchiveVerdict,
  type TargetArchive,
} from "./archive.js";
export { WheelSources, HashMismatchError, type SourceOptions } from "./sources.js";
export { chooseWheel, type Choice, type Constraint } from "./choose.js";
export { parseProjectPage } from "./simple-page.js";
export type * from "./types.js";
