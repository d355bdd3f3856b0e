/**
 * The package formats, one family each, in the one table the compiler checks: a family that is
 * missing, or a hook a family lacks, is a type error here (docs/architecture.md, "Families").
 */
import { configForTarget } from "../config/target.js";
import type { Config, TargetConfig } from "../config/types.js";
import type { TargetFamily, TargetProfile } from "../profiles/types.js";
import { debFamily } from "./deb/index.js";
import { rpmFamily } from "./rpm/index.js";
import type { ArchiveIndex } from "./archive.js";
import type { Family } from "./types.js";

export type { Family, LintFile, PackagingRoot, RelationInArchive } from "./types.js";
export { ArchiveIndex, epochsOf, type ArchiveSnapshot, type ArchivePackage } from "./archive.js";

/** Every family, by the id a target profile names. */
export const families = { rpm: rpmFamily, deb: debFamily } satisfies Record<TargetFamily, Family>;

/** The family of a target profile. */
export function familyOf(profile: TargetProfile): Family {
  return families[profile.family];
}

/**
 * What one target takes from the configuration, its name rules checked, compared and applied
 * as the target's family names packages (`Family.mapping`); with the target's archive index,
 * names are spelled as the archive spells them (its epochs reach mapping as `epochsOf(index)`).
 */
export function targetConfig(
  config: Config,
  profile: TargetProfile,
  archive?: ArchiveIndex,
): TargetConfig {
  const target = configForTarget(config, profile, familyOf(profile).mapping);
  return archive === undefined ? target : { ...target, names: { ...target.names, archive } };
}
