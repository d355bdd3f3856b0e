/**
 * What each wheel of a batch requires on each target: which requirements the set satisfies (the
 * edges of its graph, giving the build order) and which nothing known satisfies.
 */
import type { LimitFunction } from "p-limit";
import type { ArchiveIndex } from "../families/index.js";
import { relationsInArchive } from "../families/archive-relations.js";
import type { Config } from "../config/types.js";
import { mapTargets, type MappedTarget, type RefusedTarget } from "../convert/index.js";
import { UserError } from "../errors.js";
import type { MappedRequirement, MappedRequirements } from "../mapping/map.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import { satisfiesSpecifiers } from "../model/specifier.js";
import type { TargetProfile } from "../profiles/types.js";
import { buildOrder, type BuildOrder } from "./graph.js";
import type { ReadWheel } from "./read.js";
import type { SetProject } from "./set.js";
import type { ExtraRequirements, UnresolvedReason, UnresolvedRequirement } from "./types.js";
import { compare } from "../targets/common/files.js";

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
 * Sorts out what one wheel requires on one target, from its requirements as planning maps them:
 * those of the main package and, for each extra that is not folded, those only that extra
 * declares. With the target's archive index, requirements outside the set are measured against
 * it (mapping spelled their names as it spells them).
 */
export function targetRequirements(
  mapped: MappedRequirements,
  pkg: WheelPackage,
  provided: ReadonlyMap<string, SetProject>,
  profile: TargetProfile,
  archive: ArchiveIndex | undefined,
): TargetRequirements {
  const main = sortOut(mapped.main, pkg, provided);
  const inMain = new Set(
    mapped.main.filter((m) => m.dependencies.length > 0).map((m) => m.project),
  );
  const extras = [...mapped.extras]
    .sort(([a], [b]) => compare(a, b))
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

/** One wheel of the set: how it maps on each target, and what it requires there. */
export interface WheelRequirements {
  /**
   * The wheel mapped for every target under the set's rules, as planning takes it (so it is
   * mapped once), or why it cannot be (an extra it lacks); null when known from stamps.
   */
  mapped: readonly (MappedTarget | RefusedTarget)[] | UserError | null;
  /** Target id → what the wheel requires there. */
  targets: Map<string, TargetRequirements>;
}

/** Wheel path → its requirements. */
export type SetRequirements = Map<string, WheelRequirements>;

/**
 * The requirements of every wheel of the set on every target, in the pool: from the stamps for
 * a wheel known from an identical run, else mapped under the set's rules with the extras it is
 * to fold (its own `with-extras`, else `withExtras`).
 */
export async function setRequirements(
  reads: readonly ReadWheel[],
  provided: ReadonlyMap<string, SetProject>,
  profiles: readonly TargetProfile[],
  config: Config,
  options: {
    archives: ReadonlyMap<string, ArchiveIndex> | null;
    withExtras: readonly string[];
    pool: LimitFunction;
  },
): Promise<SetRequirements> {
  const requirements: SetRequirements = new Map();
  // What the set makes meets an extra's requirement as the archive would.
  const versions = new Map([...provided].map(([project, p]) => [project, p.version]));
  await Promise.all(
    reads.map((r) =>
      options.pool(() => {
        const wheel: WheelRequirements = { mapped: null, targets: new Map() };
        requirements.set(r.item.wheel, wheel);
        if (r.known !== null) {
          for (const [id, { snapshot }] of r.known) {
            const { requires, unresolved } = snapshot;
            wheel.targets.set(id, { requires, unresolved, extras: snapshot.extras ?? [] });
          }
        }
        if (r.member === null) return;
        const { pkg } = r.member;
        const archives = options.archives;
        try {
          wheel.mapped = mapTargets(
            pkg,
            profiles,
            config,
            r.item.withExtras ?? options.withExtras,
            archives === null ? {} : { archives, provided: versions },
          );
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          wheel.mapped = error;
          return;
        }
        for (const target of wheel.mapped) {
          if ("error" in target) continue;
          wheel.targets.set(
            target.profile.id,
            targetRequirements(target.mapped, pkg, provided, target.profile, target.archive),
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
        ...new Set(
          [...(requirements.get(p.wheel)?.targets.values() ?? [])].flatMap((t) => t.requires),
        ),
      ],
    })),
  );
}
