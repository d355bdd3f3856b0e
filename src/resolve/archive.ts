/**
 * What the closure asks of a target's archive: whether it satisfies one relation the family
 * maps a requirement to. The target's archive index answers it (docs/architecture.md, "Archive
 * index"): the family measures the relation against the index's packages and Provides, versions
 * and epochs compared as its package manager compares them.
 */
import type { Config } from "../config/types.js";
import { familyOf, type ArchiveIndex } from "../families/index.js";
import { archiveNote } from "../families/archive-relations.js";
import { loadArchive } from "../families/archive-store.js";
import { printable, UserError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";

/** The archive's answer for one relation. */
export type ArchiveVerdict =
  /** The archive has what the relation names, at a version it admits. */
  | { kind: "satisfied"; detail: string }
  /** It has nothing by that name, or only versions the relation excludes. */
  | { kind: "missing"; detail: string }
  /** The target's archive cannot be read here. */
  | { kind: "unchecked"; detail: string };

/** A target's archive, as the closure asks it. */
export interface TargetArchive {
  /** Whether the archive satisfies a relation in the family's syntax (`python3-six (>= 1.10)`). */
  satisfies(relation: string): Promise<ArchiveVerdict>;
  /**
   * The index behind the answers: requirements are mapped with its spellings and epochs, as
   * planning maps them, so that a relation is asked as the package will carry it.
   */
  readonly index?: ArchiveIndex;
}

/** A target's archive answered by its index through the family's `relationInArchive`. */
export function indexedArchive(profile: TargetProfile, index: ArchiveIndex): TargetArchive {
  const family = familyOf(profile);
  return {
    index,
    satisfies(relation) {
      const found = family.relationInArchive(relation, index, profile);
      const detail = `${relation}: ${archiveNote(found)} (${index.describe()})`;
      return Promise.resolve(
        found.status === "satisfied" ? { kind: "satisfied", detail } : { kind: "missing", detail },
      );
    },
  };
}

/** A target whose archive cannot be read here: nothing is known to be in it. */
export function uncheckedArchive(reason: string): TargetArchive {
  return { satisfies: () => Promise.resolve({ kind: "unchecked", detail: reason }) };
}

/**
 * The archive of a target, read once (or taken as saved) by {@link loadArchive}; one that cannot
 * be read (an RPM target without `[archive.targets.<id>] sources`) is unchecked, with why.
 */
export async function loadTargetArchive(
  profile: TargetProfile,
  config: Config,
): Promise<TargetArchive> {
  try {
    return indexedArchive(profile, (await loadArchive(profile, config)).index);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return uncheckedArchive(`${profile.id}: ${printable(error.describe())}`);
  }
}
