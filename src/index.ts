/**
 * wheel2pkg's library API: everything the command line does is available here.
 * The stages follow the pipeline of docs/architecture.md: wheel → model → mapping → families
 * (targets, render, native tools) → convert → lint → apply → batch.
 */
export { readWheel, readWheelMembers, parseWheelFilename } from "./wheel/index.js";
export type {
  WheelContents,
  WheelFilename,
  WheelMember,
  RecordEntry,
  EntryPoint,
} from "./wheel/types.js";
export { buildPackage, parseRequirement, parseMarker, evaluateMarker } from "./model/index.js";
export type { WheelPackage } from "./model/index.js";
export type { Requirement, Specifier, Marker, MarkerEnvironment } from "./model/types.js";
export { profiles, getProfile } from "./profiles/index.js";
export type { TargetProfile, TargetFamily } from "./profiles/index.js";
export { mapPackage, mapRequirement, mapRequirements } from "./mapping/map.js";
export { noNameRules } from "./mapping/name-rules.js";
export type { MappingStyle } from "./mapping/name-rules.js";
export { resolveName } from "./mapping/names.js";
export {
  rpmPackageRelations,
  rpmPackageVersion,
  rpmRelations,
  rpmVersion,
} from "./mapping/rpm-version.js";
export { noEpochs } from "./mapping/archive-epochs.js";
export type { EpochLookup } from "./mapping/archive-epochs.js";
export { debPackageVersion, debRelations, debVersion } from "./mapping/deb-version.js";
export { loadConfig, parseConfig, configForTarget } from "./config/index.js";
export type { Config } from "./config/types.js";
export type { MappedRequirement, MappedRequirements } from "./mapping/map.js";
export { families, familyOf, targetConfig, ArchiveIndex, epochsOf } from "./families/index.js";
export type {
  Family,
  RelationInArchive,
  ArchiveSnapshot,
  ArchivePackage,
} from "./families/index.js";
export { loadArchive, type ArchiveOptions } from "./families/archive-store.js";
export { relationsInArchive } from "./families/archive-relations.js";
export { createRenderer, builtinTemplateDir } from "./render/index.js";
export { planConversion, readPackage, writePackage, buildNative } from "./convert/index.js";
export type { ConversionPlan, PlannedPackage } from "./convert/index.js";
export { lintPath, rules as lintRules } from "./lint/index.js";
export type { LintReport, Finding } from "./lint/index.js";
export { apply, convertOrRefuse, convertWheel } from "./apply/index.js";
export type {
  AppliedPackage,
  ApplyOptions,
  ConvertOptions,
  ConvertResult,
  FailedPackage,
  RefusedWheel,
} from "./apply/index.js";
export { runBatch, readBatchInput, buildOrder, graphToDot } from "./batch/index.js";
export type { BatchOptions, BatchEvent } from "./batch/index.js";
export type { BuildResult } from "./native/types.js";
export { inspectWheel } from "./cli/inspect.js";
export { main } from "./cli/main.js";
export {
  UserError,
  WheelError,
  MetadataError,
  UnsupportedWheelError,
  ToolError,
  InternalError,
} from "./errors.js";
export type { Diagnostic, Severity } from "./diagnostics.js";
export { wheel2pkgVersion } from "./version.js";
