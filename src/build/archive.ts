import { readFile } from "node:fs/promises";
import type { TargetProfile } from "../profiles/types.js";
import { queryTool } from "./run.js";

/** What a look-up in the host's package index found. */
export interface ArchiveCheck {
  /** False when this host has no index for the target's family (no apt-cache, dnf or zypper). */
  checked: boolean;
  /** The index that answered, e.g. `apt-cache (bookworm)`. */
  source: string;
  /** Names the index does not know (or knows only as a virtual name nothing provides). */
  missing: string[];
}

/** The package names a Debian relation field names: `a (>= 1) | b` → `a`, `b`. */
export function debianRelationNames(relation: string): string[] {
  return relation
    .split("|")
    .map((alternative) => alternative.trim().split(/[\s(:]/)[0] ?? "")
    .filter(Boolean);
}

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

async function hostCodename(): Promise<string> {
  try {
    const text = await readFile("/etc/os-release", "utf8");
    return /^VERSION_CODENAME=(.*)$/m.exec(text)?.[1]?.replace(/"/g, "") ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Names apt-cache does not know, or knows only as virtual names that nothing provides. */
async function aptMissing(names: readonly string[]): Promise<string[] | null> {
  const policy = await queryTool("apt-cache", ["policy", ...names]);
  if (policy === null) return null;
  const candidates = new Map<string, string>();
  let current = "";
  for (const line of policy.split("\n")) {
    const header = /^(\S+):$/.exec(line);
    if (header?.[1] !== undefined) current = header[1];
    const candidate = /^\s+Candidate: (.*)$/.exec(line);
    if (candidate?.[1] !== undefined && current !== "") candidates.set(current, candidate[1]);
  }
  const missing: string[] = [];
  for (const name of names) {
    const candidate = candidates.get(name);
    if (candidate === undefined) missing.push(name);
    else if (candidate === "(none)") {
      const showpkg = (await queryTool("apt-cache", ["showpkg", name])) ?? "";
      const provided = /Reverse Provides:\s*\n\s*\S/.test(showpkg);
      if (!provided) missing.push(name);
    }
  }
  return missing;
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

/**
 * Looks the names up in this host's package index for the target's family. The answer is only as
 * good as the host's index: on a host of another release it is that release's archive, which the
 * source says.
 */
export async function checkArchive(
  profile: TargetProfile,
  names: readonly string[],
): Promise<ArchiveCheck> {
  const unique = [...new Set(names)].sort();
  if (profile.family === "deb") {
    const missing = unique.length === 0 ? [] : await aptMissing(unique);
    if (missing !== null)
      return { checked: true, source: `apt-cache (${await hostCodename()})`, missing };
  } else {
    const found = unique.length === 0 ? { tool: "rpm", missing: [] } : await rpmMissing(unique);
    if (found !== null) return { checked: true, source: found.tool, missing: found.missing };
  }
  return { checked: false, source: "none", missing: [] };
}
