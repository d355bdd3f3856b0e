/**
 * The wheel reader: the first stage of the pipeline. It turns a `.whl` file into
 * {@link WheelContents}; nothing outside this folder touches the zip.
 */
export { parseEntryPoints } from "./entry-points.js";
export { parseWheelFilename, wheelTags } from "./filename.js";
export { normalizeDistributionName } from "./layout.js";
export {
  decodeUtf8,
  metadataField,
  parseMetadataFile,
  parseMetadataText,
} from "./metadata-file.js";
export { readWheel, readWheelMember, readWheelMembers } from "./read.js";
export {
  isRecordHashAlgorithm,
  isUnhashedRecordPath,
  parseRecord,
  type RecordHashAlgorithm,
} from "./record.js";
export { WheelFiles } from "./stream.js";
export { parseWheelInfo, type ParsedWheelInfo } from "./wheel-info.js";
export { DEFAULT_WHEEL_LIMITS } from "./zip-limits.js";
export type * from "./types.js";
export type { ElfFacts } from "./elf.js";
export type { SignatureMatches, StringSignature } from "./elf-strings.js";
