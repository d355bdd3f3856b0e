/**
 * A mapped requirement measured against the target's archive index: what the archive offers for
 * each relation it became, and the diagnostics `--check-archive` reports per requirement
 * (docs/architecture.md, "Archive index").
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { MappedRequirement } from "../mapping/map.js";
import type { TargetProfile } from "../profiles/types.js";
import type { ArchiveIndex } from "./archive.js";
import { familyOf } from "./index.js";
import type { RelationInArchive } from "./types.js";

/** What the archive offers for each relation of a mapped requirement. */
export function relationsInArchive(
  mapped: MappedRequirement,
  profile: TargetProfile,
  archive: ArchiveIndex,
): RelationInArchive[] {
  const family = familyOf(profile);
  return mapped.dependencies.map((relation) =>
    family.relationInArchive(relation, archive, profile),
  );
}

/**
 * What the archive has for a relation, as `map`, `inspect` and `explain` show it beside the
 * relation: `archive: python3-cffi 1.15.1-5 (not a version it admits)`.
 */
export function archiveNote(found: RelationInArchive): string {
  if (found.status === "unknown") return "archive: no such package";
  const offers = found.offers.join(", ");
  return found.status === "satisfied"
    ? `archive: ${offers}`
    : `archive: ${offers} (not a version it admits)`;
}

/**
 * `dependency-unknown` for each relation of a requirement whose names the archive lacks,
 * `dependency-version-unavailable` for each it has in no version the relation admits, and an
 * info `dependency-in-archive` with what the archive has for each other one.
 */
export function archiveFindings(
  requirement: string,
  found: readonly RelationInArchive[],
  profile: TargetProfile,
): Diagnostic[] {
  return found.flatMap((relation) => {
    if (relation.status === "satisfied") {
      // What the archive has is said for every relation; only a lack is a warning.
      const message = `${profile.id}: ${requirement} → ${relation.relation}: ${archiveNote(relation)}`;
      return [diagnostic("dependency-in-archive", "info", message, "Requires-Dist")];
    }
    const [code, what] =
      relation.status === "unknown"
        ? (["dependency-unknown", "the archive has no package of that name"] as const)
        : ([
            "dependency-version-unavailable",
            `the archive has ${relation.offers.join(", ")}`,
          ] as const);
    return [
      diagnostic(
        code,
        "warning",
        `${profile.id}: ${requirement} → ${relation.relation}: ${what}`,
        "Requires-Dist",
      ),
    ];
  });
}

/** {@link archiveFindings} for a mapped requirement. */
export function archiveDiagnostics(
  mapped: MappedRequirement,
  profile: TargetProfile,
  archive: ArchiveIndex,
): Diagnostic[] {
  return archiveFindings(mapped.requirement, relationsInArchive(mapped, profile, archive), profile);
}
