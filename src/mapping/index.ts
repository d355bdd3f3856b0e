/**
 * The mapping stage: a wheel's requirements as a target's relations, through the layered name
 * rules and the PEP 440 to rpm and Debian version algebra (docs/architecture.md, "Families").
 */
export {
  mapPackage,
  mapRequirement,
  mapRequirements,
  offeredExtras,
  withholdExtras,
  type MapOptions,
  type MappedRequirement,
  type MappedRequirements,
  type RequirementsOptions,
} from "./map.js";
export {
  defaultName,
  nameLayers,
  ownPackageNames,
  resolveName,
  type NameDecision,
} from "./names.js";
export {
  noNameRules,
  ruleLayers,
  type BuiltinLayer,
  type ExactNameRule,
  type IgnoreRule,
  type MappingStyle,
  type NameCandidate,
  type NameLayer,
  type NameRules,
  type OwnPackageNames,
  type RenameRule,
  type RuleLayer,
  type StyleRelations,
} from "./name-rules.js";
export {
  defaultDevExtras,
  isDevExtra,
  placeExtras,
  type ExtrasChoice,
  type ExtrasPlacement,
  type UnmetRequirement,
} from "./extras.js";
export { markerEnvironment } from "./environment.js";
export { RenamePattern, renamePatternProblem } from "./rename-pattern.js";
export {
  rpmPackageVersion,
  rpmRelations,
  rpmPackageRelations,
  rpmVersion,
  type RpmPackageVersion,
  type RpmRelations,
} from "./rpm-version.js";
export {
  debPackageVersion,
  debRelations,
  debVersion,
  type DebPackageVersion,
  type DebRelations,
} from "./deb-version.js";
