/**
 * `batch --resolve`: the closure of the given wheels on each target, printed as a plan before
 * anything is built, and turned into the extra wheels of the batch (each for the targets that
 * need it, with its requirers).
 */
import { homedir } from "node:os";
import { join } from "node:path";
import type { BatchItem } from "../../batch/index.js";
import type { Config } from "../../config/index.js";
import { readPackage } from "../../convert/index.js";
import { printable, UserError } from "../../errors.js";
import type { TargetProfile } from "../../profiles/types.js";
import type { ArchiveIndex } from "../../families/index.js";
import {
  indexedArchive,
  loadTargetArchive,
  resolveClosure,
  WheelSources,
  type ClosurePlan,
  type ClosureRoot,
} from "../../resolve/index.js";

/** What the command line says about the closure. */
export interface ResolveArgs {
  findLinks: readonly string[];
  indexUrls: readonly string[];
  prereleases: boolean;
  cacheDir: string | undefined;
  withExtras: readonly string[];
}

/** Where downloaded wheels are kept unless `--cache-dir` says otherwise. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  return join(base, "wheel2pkg", "wheels");
}

/**
 * Resolves the closure of the given wheels, each target's archive asked through its index
 * (`archives`, else read or taken as saved); returns the indices it asked with the plan, since
 * planning needs them too. A wheel that cannot be read is left to the batch,
 * which refuses it; a source that cannot be asked ends the run (UserError, exit 2).
 */
export async function resolveItems(
  items: readonly BatchItem[],
  profiles: readonly TargetProfile[],
  config: Config,
  args: ResolveArgs,
  archives: ReadonlyMap<string, ArchiveIndex> = new Map(),
): Promise<{ plan: ClosurePlan; pulled: BatchItem[]; archives: Map<string, ArchiveIndex> }> {
  if (args.findLinks.length + args.indexUrls.length === 0) {
    throw new UserError("--resolve needs a wheel source: --find-links DIR or --index-url URL", {
      field: "--resolve",
    });
  }
  const roots: ClosureRoot[] = [];
  for (const item of items) {
    try {
      const { pkg } = await readPackage(item.wheel, config.limits);
      roots.push({ wheel: item.wheel, pkg, extras: item.withExtras ?? args.withExtras });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  const read = new Map<string, ArchiveIndex>();
  const sources = new WheelSources({
    findLinks: args.findLinks,
    indexUrls: args.indexUrls,
    cacheDir: args.cacheDir ?? defaultCacheDir(),
  });
  const plan = await resolveClosure(roots, {
    profiles,
    config,
    sources,
    prereleases: args.prereleases,
    // The indices `--check-archive` read already; the others are read (or taken as saved) here.
    archiveOf: async (profile) => {
      const given = archives.get(profile.id);
      const archive =
        given === undefined
          ? await loadTargetArchive(profile, config)
          : indexedArchive(profile, given);
      if (archive.index !== undefined) read.set(profile.id, archive.index);
      return archive;
    },
  });
  const given = new Set(items.map((i) => i.wheel));
  const byWheel = new Map<
    string,
    { targets: string[]; pulledBy: Set<string>; extras: Set<string> }
  >();
  for (const target of plan.targets) {
    for (const p of target.pulled) {
      if (given.has(p.wheel)) continue;
      const item = byWheel.get(p.wheel) ?? { targets: [], pulledBy: new Set(), extras: new Set() };
      item.targets.push(target.target);
      for (const by of p.requiredBy) item.pulledBy.add(by);
      for (const extra of p.extras) item.extras.add(extra);
      byWheel.set(p.wheel, item);
    }
  }
  const pulled = [...byWheel].map(([wheel, p]): BatchItem => ({
    wheel,
    targets: p.targets,
    pulledBy: [...p.pulledBy].sort(),
    withExtras: [...p.extras].sort(),
  }));
  return { plan, pulled, archives: read };
}

/** The plan in words, one block per target. */
export function planText(plan: ClosurePlan): string {
  const lines: string[] = [];
  for (const t of plan.targets) {
    const archive = t.archive.checked
      ? `archive: ${t.archive.source || "not asked"}`
      : `archive not checked: ${t.archive.source}; what it has is taken from the wheel sources`;
    lines.push(
      `closure on ${t.target} (${archive}): ${t.pulled.length} wheel(s) pulled in, ${t.satisfiedByArchive.length} requirement(s) from the archive, ${t.unsatisfied.length} unsatisfied`,
    );
    for (const p of t.pulled) {
      const extras = p.extras.length > 0 ? `[${p.extras.join(",")}]` : "";
      lines.push(
        `  pull ${p.project}${extras} ${p.version} (required by ${p.requiredBy.join(", ")}) from ${p.source}`,
      );
    }
    for (const a of t.satisfiedByArchive) {
      lines.push(
        `  archive ${a.requirement} → ${a.relations.join(", ")} (required by ${a.requiredBy.join(", ")})`,
      );
    }
    for (const u of t.unsatisfied) {
      lines.push(`  unsatisfied ${u.chain.join(" → ")}: ${u.reason}: ${u.detail}`);
    }
  }
  for (const note of plan.notes) lines.push(`note: ${note}`);
  return lines.map((line) => `${printable(line)}\n`).join("");
}

/** Whether some requirement of the closure is unsatisfied on some target. */
export function closureIncomplete(plan: ClosurePlan): boolean {
  return plan.targets.some((t) => t.unsatisfied.length > 0) || plan.notes.length > 0;
}
