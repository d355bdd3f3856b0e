import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { mapTargets } from "../convert/index.js";
import { familyOf } from "../families/index.js";
import type { WheelPackage } from "../model/package.js";
import type { TargetProfile } from "../profiles/types.js";
import { emptyConfig } from "../config/index.js";
import type { Config } from "../config/types.js";

/**
 * `--check-archive`: looks every name the package's relations use (main package and extras) up
 * in this host's package index, and reports each one the index does not have as unresolved.
 */
export async function archiveDiagnostics(
  pkg: WheelPackage,
  profiles: readonly TargetProfile[],
  config: Config = emptyConfig,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const target of mapTargets(pkg, profiles, config)) {
    if ("error" in target) throw target.error;
    const { profile, mapped } = target;
    const relations = [...mapped.main, ...[...mapped.extras.values()].flat()].flatMap(
      (m) => m.dependencies,
    );
    const family = familyOf(profile);
    const names = relations.flatMap((relation) => family.relationNames(relation));
    const check = await family.checkArchive(names);
    if (!check.checked) {
      diagnostics.push(
        diagnostic(
          "archive-check-unavailable",
          "warning",
          `${profile.id}: this host has no ${family.archiveTools} index to check names against`,
        ),
      );
      continue;
    }
    for (const name of check.missing) {
      diagnostics.push(
        diagnostic(
          "dependency-unresolved",
          "warning",
          `${profile.id}: ${name} is not in the package index (${check.source})`,
          "Requires-Dist",
        ),
      );
    }
  }
  return diagnostics;
}
