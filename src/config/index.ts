/** wheel2pkg.toml: loading, validation, and the rules each target takes from it. */
export { configFileName, loadConfig, parseConfig } from "./load.js";
export { configForTarget, configuredCommandExtras, configuredLicense } from "./target.js";
export { formatKeyPath, keyPositions, type KeyPath, type Position } from "./positions.js";
export { configSchema, type Schema } from "./schema.js";
export {
  ConfigError,
  emptyConfig,
  type Config,
  type ConfiguredCommandExtras,
  type ConfiguredLicense,
  type ConfigProblem,
  type ExtrasPolicy,
  type LintSeverity,
  type MappingSection,
  type PackageConfig,
  type TargetConfig,
} from "./types.js";
