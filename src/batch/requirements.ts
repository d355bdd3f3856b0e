/**
 * What each wheel of a batch requires on each target: which requirements the set satisfies (the
 * edges of its graph, giving the build order) and which nothing known satisfies.
 */
import type { LimitFunction } from "p-limit";
import { targetConfig, type ArchiveIndex } from "../families/index.js";
import { relationsInArchive } from "../families/archive-relations.js";
import type { Config } from "../config/types.js";
import { mapPackage, type MappedRequirement } from "../mapping/map.js";
import { normalizeExtra } from "../model/name.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import { satisfiesSpecifiers } from "../model/specifier.js";
import type { TargetProfile } from "../profiles/types.js";
import { buildOrder, type BuildOrder } from "./graph.js";
import type { ReadWheel } from "./read.js";
import type { SetMember, SetProject } from "./set.js";
import type { ExtraRequirements, UnresolvedReason, UnresolvedRequirement } from "./types.js";

/** One wheel on one target: the set's projects it requires, and what stays unresolved. */
export interface TargetRequirements {
  requires: string[];
  unresolved: UnresolvedRequirement[];
  /** The extras that are not folded and add something to list, by name. */
  extras: ExtraRequirements[];
}

/** The requirements of one package (the main one or an extra) sorted out. */
interface Sorted {
  requires: Set<string>;
  unresolved: UnresolvedRequirement[];
  /** Requirements on names outside the set, for the archive check. */
  outside: MappedRequirement[];
}

function unresolvedOf(m: MappedRequirement, reason: UnresolvedReason): UnresolvedRequirement {
  return { requirement: m.requirement, project: m.project, relations: m.dependencies, reason };
}

/**
 * Sorts requirements out: those the set provides (an edge of the graph, with the version
 * checked), those left unresolved, and those on names outside the set.
 */
function sortOut(
  mapped: readonly MappedRequirement[],
  pkg: WheelPackage,
  provided: ReadonlyMap<string, SetProject>,
): Sorted {
  const sorted: Sorted = { requires: new Set(), unresolved: [], outside: [] };
  for (const m of mapped) {
    if (m.dependencies.length === 0) continue;
    const dependency = provided.get(m.project);
    if (dependency?.wheel === pkg.path) continue;
    if (dependency !== undefined) {
      sorted.requires.add(m.project);
      const requirement = pkg.metadata.requiresDist.find(
        (r) =>
          r.normalizedName === m.project && (r.raw || requirementToString(r)) === m.requirement,
      );
      const specifiers = requirement?.specifiers ?? [];
      if (!satisfiesSpecifiers(dependency.version, specifiers, { prereleases: true })) {
        sorted.unresolved.push(unresolvedOf(m, "set-version-mismatch"));
      }
    } else if (m.diagnostics.some((d) => d.code === "name-guessed")) {
      // Only a name no layer knows is guessed (Debian's default python3-<name>).
      sorted.unresolved.push(unresolvedOf(m, "unknown-to-distro-data"));
    } else sorted.outside.push(m);
  }
  return sorted;
}

/**
 * Adds, for each requirement outside the set, `not-in-archive` when the archive has nothing of a
 * name it names, else `archive-version-unavailable` when it has none at a version it admits.
 */
function checkOutside(
  lists: readonly Sorted[],
  profile: TargetProfile,
  archive: ArchiveIndex,
): void {
  for (const list of lists) {
    for (const m of list.outside) {
      const found = relationsInArchive(m, profile, archive);
      const reason = found.some((f) => f.status === "unknown")
        ? "not-in-archive"
        : found.some((f) => f.status === "version-unavailable")
          ? "archive-version-unavailable"
          : null;
      if (reason === null) continue;
      if (list.unresolved.some((u) => u.requirement === m.requirement)) continue;
      list.unresolved.push(unresolvedOf(m, reason));
    }
  }
}

/**
 * Maps one wheel's requirements for one target under the set's rules (as planConversion will)
 * and sorts out those of the main package and, for each extra that is not folded, those only
 * that extra declares. With the target's archive index, requirements outside the set are
 * measured against it (and names spelled as it spells them).
 */
export function targetRequirements(
  member: SetMember,
  provided: ReadonlyMap<string, SetProject>,
  profile: TargetProfile,
  config: Config,
  archive: ArchiveIndex | undefined,
): TargetRequirements {
  const { pkg } = member;
  const target = targetConfig(config, profile, archive);
  const configured = target.withExtras.filter((e) => pkg.metadata.providesExtra.includes(e));
  const withExtras = [...new Set([...member.withExtras.map(normalizeExtra), ...configured])];
  const mapped = mapPackage(pkg, profile, target.names, {
    withExtras,
    devExtras: target.devExtras,
  });
  const main = sortOut(mapped.main, pkg, provided);
  const inMain = new Set(
    mapped.main.filter((m) => m.dependencies.length > 0).map((m) => m.project),
  );
  const extras = [...mapped.extras]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([extra, list]) => ({
      extra,
      sorted: sortOut(
        list.filter((m) => !inMain.has(m.project)),
        pkg,
        provided,
      ),
    }));
  if (archive !== undefined) checkOutside([main, ...extras.map((e) => e.sorted)], profile, archive);
  return {
    requires: [...main.requires].sort(),
    unresolved: main.unresolved,
    extras: extras
      .filter((e) => e.sorted.requires.size > 0 || e.sorted.unresolved.length > 0)
      .map((e) => ({
        extra: e.extra,
        requires: [...e.sorted.requires].sort(),
        unresolved: e.sorted.unresolved,
      })),
  };
}

/** Wheel path → target id → what that wheel requires there. */
export type SetRequirements = Map<string, Map<string, TargetRequirements>>;

/**
 * The requirements of every wheel of the set on every target, in the pool: from the stamps for
 * a wheel known from an identical run, else mapped under the set's rules.
 */
export async function setRequirements(
  reads: readonly ReadWheel[],
  provided: ReadonlyMap<string, SetProject>,
  profiles: readonly TargetProfile[],
  config: Config,
  archives: ReadonlyMap<string, ArchiveIndex> | null,
  pool: LimitFunction,
): Promise<SetRequirements> {
  const requirements: SetRequirements = new Map();
  await Promise.all(
    reads.map((r) =>
      pool(() => {
        const byTarget = new Map<string, TargetRequirements>();
        requirements.set(r.item.wheel, byTarget);
        if (r.known !== null) {
          for (const [id, { snapshot }] of r.known) {
            const { requires, unresolved } = snapshot;
            byTarget.set(id, { requires, unresolved, extras: snapshot.extras ?? [] });
          }
        }
        if (r.member === null) return;
        for (const profile of profiles) {
          const member = r.member;
          byTarget.set(
            profile.id,
            targetRequirements(member, provided, profile, config, archives?.get(profile.id)),
          );
        }
      }),
    ),
  );
  return requirements;
}

/** The set's build order: each project after the set's projects it requires on any target. */
export function setOrder(
  projects: readonly SetProject[],
  requirements: SetRequirements,
): BuildOrder {
  return buildOrder(
    projects.map((p) => ({
      project: p.project,
      requires: [
        ...new Set([...(requirements.get(p.wheel)?.values() ?? [])].flatMap((t) => t.requires)),
      ],
    })),
  );
}
