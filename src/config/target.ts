import { UserError } from "../errors.js";
import { defaultDevExtras } from "../mapping/extras.js";
import type { ExactNameRule, IgnoreRule } from "../mapping/name-rules.js";
import type { MappingStyle } from "../mapping/name-rules.js";
import type { TargetProfile } from "../profiles/types.js";
import { normalizeName } from "../model/name.js";
import type {
  Config,
  ConfiguredLicense,
  MappingSection,
  PackageConfig,
  TargetConfig,
} from "./types.js";

/**
 * The configuration one target uses: `[mapping.targets.<id>]` over `[mapping]`, and
 * `[packages.<name>.targets.<id>]` over `[packages.<name>]`. Within a layer, per-target rules
 * come first, so they win; across layers the layer order still holds (an all-target exact
 * override beats a per-target rename). The rules carry `style`, the naming of the target's
 * family (`Family.mapping`, which src/families `targetConfig` passes). Throws a UserError naming
 * the key when a name does not suit the family, or when two keys of one table denote the same
 * project there.
 */
export function configForTarget(
  config: Config,
  profile: TargetProfile,
  style: MappingStyle,
): TargetConfig {
  const own = config.mappingTargets.get(profile.id);
  const sections: MappingSection[] = own === undefined ? [config.mapping] : [own, config.mapping];
  const packageOverrides = config.packages.flatMap((pkg) => {
    const rule = pkg.targets.get(profile.id) ?? pkg.name;
    return rule === undefined ? [] : [rule];
  });
  checkUnique(packageOverrides, profile, style);
  for (const section of sections) {
    checkUnique(section.overrides, profile, style);
    checkUnique(section.ignores, profile, style);
  }
  for (const rule of [...packageOverrides, ...sections.flatMap((s) => s.overrides)]) {
    const problem = style.nameProblem(rule.name);
    if (problem !== null)
      throw new UserError(`${problem} (on ${profile.id})`, { field: rule.origin });
  }
  return {
    names: {
      style,
      packageOverrides,
      overrides: sections.flatMap((s) => s.overrides),
      renames: sections.flatMap((s) => s.renames),
      ignores: sections.flatMap((s) => s.ignores),
    },
    extras: own?.extras ?? config.mapping.extras ?? "suggests",
    withExtras: own?.withExtras ?? config.mapping.withExtras ?? [],
    devExtras: own?.devExtras ?? config.mapping.devExtras ?? defaultDevExtras,
  };
}

/**
 * Rejects two rules of one table whose keys the target compares as equal (`PyYAML` and `pyyaml`):
 * which one applies would depend on the order of keys in the file.
 */
function checkUnique(
  rules: readonly (ExactNameRule | IgnoreRule)[],
  profile: TargetProfile,
  style: MappingStyle,
): void {
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const key = style.key(rule.project);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UserError(`"${rule.project}" is the same project as ${first} on ${profile.id}`, {
        field: rule.origin,
      });
    }
    seen.set(key, rule.origin);
  }
}

/**
 * The license `[packages.<name>] license` gives a project (keys compared by PEP 503 name, as a
 * license does not differ by target), or undefined. Two keys that denote the project are refused.
 */
export function configuredLicense(
  config: Config,
  normalizedName: string,
): ConfiguredLicense | undefined {
  return packageSetting(config, normalizedName, (pkg) => pkg.license);
}

/**
 * Whether the extras a project's commands import are folded into its main package:
 * `[packages.<name>] command-extras` (keys compared by PEP 503 name), true when unset. Two keys
 * that denote the project are refused.
 */
export function configuredCommandExtras(config: Config, normalizedName: string): boolean {
  return packageSetting(config, normalizedName, (pkg) => pkg.commandExtras)?.fold ?? true;
}

/** One key of the `[packages.<name>]` table that denotes the project, or undefined. */
function packageSetting<T extends { origin: string }>(
  config: Config,
  normalizedName: string,
  key: (pkg: PackageConfig) => T | undefined,
): T | undefined {
  const found = config.packages.flatMap((pkg) => {
    const value = key(pkg);
    return value !== undefined && normalizeName(pkg.project) === normalizedName
      ? [{ project: pkg.project, value }]
      : [];
  });
  const [first, second] = found;
  if (first !== undefined && second !== undefined) {
    throw new UserError(`"${second.project}" is the same project as ${first.value.origin}`, {
      field: second.value.origin,
    });
  }
  return first?.value;
}
