/**
 * The model stage: PEP 440 versions and specifiers, PEP 508 requirements and markers, wheel
 * tags, core metadata, and the validated WheelPackage built from a read wheel.
 */
export type {
  Marker,
  MarkerEnvironment,
  MarkerOperator,
  MarkerValue,
  MarkerVariable,
  MarkerVerdict,
  Requirement,
  Specifier,
  SpecifierOperator,
} from "./types.js";
export { ParseError } from "./syntax.js";
export {
  isValidExtra,
  isValidName,
  normalizeExtra,
  normalizeName,
  sameName,
  wheelNameComponent,
} from "./name.js";
export {
  baseVersion,
  compareVersions,
  formatVersion,
  isPrerelease,
  isValidVersion,
  normalizeVersion,
  parseVersion,
  publicVersion,
  requireVersion,
  type Pep440Version,
  type PreReleaseLabel,
} from "./version.js";
export {
  matchesSpecifier,
  parseSpecifier,
  parseSpecifiers,
  satisfiesSpecifiers,
  specifierToString,
  specifiersToString,
  tryParseSpecifier,
  type SatisfiesOptions,
} from "./specifier.js";
export {
  MARKER_VARIABLES,
  evaluateMarker,
  markerToString,
  markerVariables,
  parseMarker,
  type EvaluateMarkerOptions,
} from "./markers.js";
export { parseRequirement, requirementToString } from "./requirement.js";
export {
  analyzeWheelTags,
  parsePlatformTag,
  type AbiKind,
  type PlatformOs,
  type PlatformTag,
  type WheelTags,
} from "./tags.js";
export {
  parseMetadata,
  type Metadata,
  type ParseMetadataOptions,
  type ProjectUrl,
} from "./metadata.js";
export { buildPackage, type WheelPackage } from "./package.js";
export { commandImports, type CommandImports } from "./command-imports.js";
