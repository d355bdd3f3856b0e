/**
 * The wheels of a batch as a set: what each provides, and the name rules that make a
 * requirement on one of them point at the package the batch produces.
 */
import type { ReadPackage } from "../convert/plan.js";
import { familyOf, targetConfig } from "../families/index.js";
import { basename } from "node:path";
import type { Config, PackageConfig } from "../config/types.js";
import type { ExactNameRule } from "../mapping/name-rules.js";
import { ownPackageNames } from "../mapping/names.js";
import { normalizeName } from "../model/name.js";
import type { WheelPackage } from "../model/package.js";
import type { TargetProfile } from "../profiles/types.js";

/** What the set knows of one of its wheels: enough to name its package and check versions. */
export interface SetProject {
  /** PEP 503 name. */
  project: string;
  /** The name as METADATA spells it. */
  name: string;
  version: string;
  /** Absolute path of the wheel that provides it. */
  wheel: string;
}

/** A wheel of the set that was read: its model and what it asks for. */
export interface SetMember {
  /** The wheel as read and hashed in the batch's first pass; planning starts from it. */
  read: ReadPackage;
  pkg: WheelPackage;
}

/** The set's view of a wheel that was read. */
export function setProject(pkg: WheelPackage): SetProject {
  return {
    project: pkg.metadata.normalizedName,
    name: pkg.metadata.name,
    version: pkg.version,
    wheel: pkg.path,
  };
}

/**
 * The distro name a requirement on `project` must use to name the package the batch makes
 * (decided under the user's rules, as the family names its own packages).
 */
function producedName(project: string, profile: TargetProfile, config: Config): string {
  return ownPackageNames(project, profile, targetConfig(config, profile).names).requiredAs;
}

/**
 * The configuration with one `[packages.<name>]` rule per project of the set, placed before the
 * user's own, so that every requirement on a project of the set maps to the package the batch
 * produces. A project the user's config already names keeps the user's rule. `spellings` are
 * the names as the set's requirements write them (`Zope.Interface`), each of which gets its rule.
 */
export function configWithSet(
  config: Config,
  projects: readonly SetProject[],
  profiles: readonly TargetProfile[],
  spellings: readonly string[] = [],
): Config {
  const spelled = new Map<string, string[]>();
  for (const spelling of spellings) {
    const project = normalizeName(spelling);
    spelled.set(project, [...(spelled.get(project) ?? []), spelling]);
  }
  const userNamed = new Set(config.packages.map((p) => normalizeName(p.project)));
  const ignored = new Map(
    profiles.map((profile) => [
      profile.id,
      new Set(
        targetConfig(config, profile).names.ignores.map((i) =>
          familyOf(profile).mapping.key(i.project),
        ),
      ),
    ]),
  );
  const added: PackageConfig[] = [];
  for (const { project, name, wheel } of projects) {
    if (userNamed.has(project)) continue;
    // dh-python's key keeps dots, so `zope.interface` and `zope-interface` need a rule each on
    // Debian targets, where RPM targets compare them equal and take one rule.
    const seen = new Map(profiles.map((p) => [p.id, new Set<string>()]));
    for (const spelling of [name, project, ...(spelled.get(project) ?? [])]) {
      const targets = new Map<string, ExactNameRule>();
      for (const profile of profiles) {
        const key = familyOf(profile).mapping.key(spelling);
        const keys = seen.get(profile.id);
        if (keys === undefined || keys.has(key)) continue;
        keys.add(key);
        // The user's `ignore` still drops the requirement.
        if (ignored.get(profile.id)?.has(key)) continue;
        targets.set(profile.id, {
          project: spelling,
          name: producedName(name, profile, config),
          origin: `batch: provided by ${basename(wheel)}`,
        });
      }
      if (targets.size > 0) added.push({ project: spelling, targets });
    }
  }
  return { ...config, packages: [...added, ...config.packages] };
}
