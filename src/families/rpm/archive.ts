/**
 * The RPM family's archive look-ups: the capabilities a relation names, and which of them this
 * host's dnf or zypper cannot resolve.
 */
import { queryTool } from "../../native/run.js";
import type { ArchiveCheck } from "../../native/types.js";

/** Words of RPM's rich-dependency syntax, which are not names. */
const richKeywords = new Set(["with", "without", "or", "and", "if", "unless", "else"]);

/**
 * The capabilities an RPM relation names:
 * `(python3dist(a) >= 1 with python3dist(a) < 2)` → `python3dist(a)`. Versions start with a
 * digit (or an epoch), names with a letter.
 */
export function rpmRelationNames(relation: string): string[] {
  const words = relation.match(/[A-Za-z_][\w.+-]*(?:\([^()\s]*\))?/g) ?? [];
  return [...new Set(words.filter((word) => !richKeywords.has(word)))];
}

/** Capabilities that dnf or zypper cannot resolve. */
async function rpmMissing(
  names: readonly string[],
): Promise<{ tool: string; missing: string[] } | null> {
  for (const tool of ["dnf", "zypper"]) {
    if ((await queryTool(tool, ["--version"])) === null) continue;
    const missing: string[] = [];
    for (const name of names) {
      const args =
        tool === "dnf"
          ? ["-q", "repoquery", "--whatprovides", name]
          : ["--non-interactive", "-q", "what-provides", name];
      const found = await queryTool(tool, args);
      if (found === null || found.trim() === "") missing.push(name);
    }
    return { tool, missing };
  }
  return null;
}

/** Looks the names up with this host's dnf or zypper; unchecked when it has neither. */
export async function checkRpmArchive(names: readonly string[]): Promise<ArchiveCheck> {
  const unique = [...new Set(names)].sort();
  const found = unique.length === 0 ? { tool: "rpm", missing: [] } : await rpmMissing(unique);
  if (found === null) return { checked: false, source: "none", missing: [] };
  return { checked: true, source: found.tool, missing: found.missing };
}
