/**
 * Whether what an extra requires can be had on a target: from the target's archive (its index,
 * measured by the family as its package manager would) or from a package the same batch makes.
 * Planning takes off the optional extras those leave unmet (docs/architecture.md, "Extras the
 * target cannot satisfy").
 */
import { archiveNote, relationsInArchive } from "../families/archive-relations.js";
import type { ArchiveIndex } from "../families/index.js";
import type { MappedRequirement } from "../mapping/map.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import { satisfiesSpecifiers } from "../model/specifier.js";
import type { TargetProfile } from "../profiles/types.js";

/**
 * What is missing on the target for one mapped requirement of `pkg`, or null when it is met:
 * a project of `provided` (the batch's own projects, PEP 503 name → version) meets it when its
 * version is one the requirement admits, whatever the archive has; any other requirement is
 * met when the archive satisfies every relation it became.
 */
export function unmetOnTarget(
  pkg: WheelPackage,
  profile: TargetProfile,
  archive: ArchiveIndex,
  provided: ReadonlyMap<string, string> = new Map(),
): (mapped: MappedRequirement) => string | null {
  return (mapped) => {
    if (mapped.project === pkg.normalizedName) return null;
    const version = provided.get(mapped.project);
    if (version !== undefined) {
      // The structured requirement the mapping came from, not its text parsed again.
      const requirement = pkg.metadata.requiresDist.find(
        (r) =>
          r.normalizedName === mapped.project &&
          (r.raw || requirementToString(r)) === mapped.requirement,
      );
      const admitted = satisfiesSpecifiers(version, requirement?.specifiers ?? [], {
        prereleases: true,
      });
      return admitted ? null : `the batch makes ${mapped.project} ${version}, which it excludes`;
    }
    const lacking = relationsInArchive(mapped, profile, archive).filter(
      (found) => found.status !== "satisfied",
    );
    if (lacking.length === 0) return null;
    return lacking.map((found) => `${found.relation}: ${archiveNote(found)}`).join("; ");
  };
}
