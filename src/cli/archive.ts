import type { Diagnostic } from "../diagnostics.js";
import { mapTargets } from "../convert/index.js";
import type { ArchiveIndex } from "../families/index.js";
import { loadArchive } from "../families/archive-store.js";
import { archiveDiagnostics as requirementDiagnostics } from "../families/archive-relations.js";
import type { WheelPackage } from "../model/package.js";
import type { TargetProfile } from "../profiles/types.js";
import type { Config } from "../config/types.js";

/** The archive indices of a run, by target id, and what the user should know of them. */
export interface RunArchives {
  indices: ReadonlyMap<string, ArchiveIndex>;
  diagnostics: Diagnostic[];
}

/** The options that ask for the archive index: `--check-archive`, `--refresh-archive`. */
export interface ArchiveArgs {
  checkArchive: boolean;
  refreshArchive: boolean;
}

/**
 * `--check-archive`: each target's archive index, read once (or taken from the saved index);
 * none when not asked. `--refresh-archive` reads the sources again and implies the check.
 */
export async function runArchives(
  profiles: readonly TargetProfile[],
  config: Config,
  args: ArchiveArgs,
): Promise<RunArchives> {
  const indices = new Map<string, ArchiveIndex>();
  const diagnostics: Diagnostic[] = [];
  if (!args.checkArchive && !args.refreshArchive) return { indices, diagnostics };
  for (const profile of profiles) {
    const loaded = await loadArchive(profile, config, { refresh: args.refreshArchive });
    indices.set(profile.id, loaded.index);
    diagnostics.push(...loaded.diagnostics);
  }
  return { indices, diagnostics };
}

/**
 * Every requirement of the package (main package and extras) measured against each target's
 * archive index: `dependency-unknown` and `dependency-version-unavailable` per requirement
 * (what loading the indices said is in `archives.diagnostics`, told once per run).
 */
export function archiveDiagnostics(
  pkg: WheelPackage,
  profiles: readonly TargetProfile[],
  config: Config,
  archives: RunArchives,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const measured = profiles.filter((profile) => archives.indices.has(profile.id));
  for (const target of mapTargets(pkg, measured, config, [], { archives: archives.indices })) {
    if ("error" in target) throw target.error;
    const { profile, mapped, archive } = target;
    if (archive === undefined) continue;
    for (const m of [...mapped.main, ...[...mapped.extras.values()].flat()]) {
      diagnostics.push(...requirementDiagnostics(m, profile, archive));
    }
  }
  return diagnostics;
}
