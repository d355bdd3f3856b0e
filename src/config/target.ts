import { UserError } from "../errors.js";
import {
  distroNameProblem,
  familyKey,
  type ExactNameRule,
  type IgnoreRule,
} from "../mapping/name-rules.js";
import type { TargetProfile } from "../profiles/types.js";
import type { Config, MappingSection, TargetConfig } from "./types.js";

/**
 * The configuration one target uses: `[mapping.targets.<id>]` over `[mapping]`, and
 * `[packages.<name>.targets.<id>]` over `[packages.<name>]`. Within a layer, per-target rules
 * come first, so they win; across layers the layer order still holds (an all-target exact
 * override beats a per-target rename). Throws a UserError naming the key when a name does not
 * suit the target's family, or when two keys of one table denote the same project there.
 */
export function configForTarget(config: Config, profile: TargetProfile): TargetConfig {
  const own = config.mappingTargets.get(profile.id);
  const sections: MappingSection[] = own === undefined ? [config.mapping] : [own, config.mapping];
  const packageOverrides = config.packages.flatMap((pkg) => {
    const rule = pkg.targets.get(profile.id) ?? pkg.name;
    return rule === undefined ? [] : [rule];
  });
  checkUnique(packageOverrides, profile);
  for (const section of sections) {
    checkUnique(section.overrides, profile);
    checkUnique(section.ignores, profile);
  }
  for (const rule of [...packageOverrides, ...sections.flatMap((s) => s.overrides)]) {
    const problem = distroNameProblem(rule.name, profile.family);
    if (problem !== null)
      throw new UserError(`${problem} (on ${profile.id})`, { field: rule.origin });
  }
  return {
    names: {
      packageOverrides,
      overrides: sections.flatMap((s) => s.overrides),
      renames: sections.flatMap((s) => s.renames),
      ignores: sections.flatMap((s) => s.ignores),
    },
    extras: own?.extras ?? config.mapping.extras ?? "suggests",
    withExtras: own?.withExtras ?? config.mapping.withExtras ?? [],
  };
}

/**
 * Rejects two rules of one table whose keys the target compares as equal (`PyYAML` and `pyyaml`):
 * which one applies would depend on the order of keys in the file.
 */
function checkUnique(rules: readonly (ExactNameRule | IgnoreRule)[], profile: TargetProfile): void {
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const key = familyKey(rule.project, profile.family);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UserError(`"${rule.project}" is the same project as ${first} on ${profile.id}`, {
        field: rule.origin,
      });
    }
    seen.set(key, rule.origin);
  }
}
