/**
 * What the closure asks of a target's archive: whether it satisfies one relation the family
 * maps a requirement to. The question is kept this narrow so that an index of the archive
 * (names, versions with epochs, Provides) can answer it in place of the name look-up here.
 */
import { familyOf } from "../families/index.js";
import type { TargetProfile } from "../profiles/types.js";

/** The archive's answer for one relation. */
export type ArchiveVerdict =
  /** The archive has what the relation names. */
  | { kind: "satisfied"; detail: string }
  /** It has nothing by that name, or only versions the relation excludes. */
  | { kind: "missing"; detail: string }
  /** This host cannot ask the target's archive. */
  | { kind: "unchecked"; detail: string };

/** A target's archive, as the closure asks it. */
export interface TargetArchive {
  /** Whether the archive satisfies a relation in the family's syntax (`python3-six (>= 1.10)`). */
  satisfies(relation: string): Promise<ArchiveVerdict>;
}

/**
 * The archive of this host's package index, asked by name through the family's `checkArchive`:
 * a relation is satisfied when the index knows one of the names it gives. Versions are not
 * compared, and the verdict says so.
 */
export function hostArchiveByName(profile: TargetProfile): TargetArchive {
  const family = familyOf(profile);
  const known = new Map<string, Promise<{ checked: boolean; source: string; present: boolean }>>();
  const lookUp = (name: string) => {
    let answer = known.get(name);
    if (answer === undefined) {
      answer = family.checkArchive([name]).then((check) => ({
        checked: check.checked,
        source: check.source,
        present: !check.missing.includes(name),
      }));
      known.set(name, answer);
    }
    return answer;
  };
  return {
    async satisfies(relation) {
      const names = family.relationNames(relation);
      const answers = await Promise.all(names.map(lookUp));
      const first = answers[0];
      if (first === undefined) return { kind: "missing", detail: `${relation} names no package` };
      if (!first.checked) {
        return {
          kind: "unchecked",
          detail: `this host has no ${family.archiveTools} index for ${profile.id}`,
        };
      }
      const found = names.filter((_, i) => answers[i]?.present === true);
      return found.length > 0
        ? {
            kind: "satisfied",
            detail: `${found.join(", ")} in ${first.source} (by name; versions not compared)`,
          }
        : { kind: "missing", detail: `${names.join(", ")} not in ${first.source}` };
    },
  };
}
