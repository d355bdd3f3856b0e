/**
 * The Debian family's archive look-ups: the names a relation field names, and which of them this
 * host's apt index does not know.
 */
import { readFile } from "node:fs/promises";
import { queryTool } from "../../native/run.js";
import type { ArchiveCheck } from "../../native/types.js";

/** The package names a Debian relation field names: `a (>= 1) | b` → `a`, `b`. */
export function debianRelationNames(relation: string): string[] {
  return relation
    .split("|")
    .map((alternative) => alternative.trim().split(/[\s(:]/)[0] ?? "")
    .filter(Boolean);
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

/** Looks the names up in this host's apt index; unchecked when the host has no apt-cache. */
export async function checkDebianArchive(names: readonly string[]): Promise<ArchiveCheck> {
  const unique = [...new Set(names)].sort();
  const missing = unique.length === 0 ? [] : await aptMissing(unique);
  if (missing === null) return { checked: false, source: "none", missing: [] };
  return { checked: true, source: `apt-cache (${await hostCodename()})`, missing };
}
