/**
 * What each wheel of a batch requires on each target: which requirements the set satisfies (the
 * edges of its graph, giving the build order) and which nothing known satisfies.
 */
import type { LimitFunction } from "p-limit";
import { checkArchive, debianRelationNames, rpmRelationNames } from "../build/archive.js";
import { configForTarget } from "../config/index.js";
import type { Config } from "../config/types.js";
import { mapRequirements } from "../mapping/map.js";
import { normalizeExtra } from "../model/name.js";
import { requirementToString } from "../model/requirement.js";
import { satisfiesSpecifiers } from "../model/version.js";
import type { TargetProfile } from "../profiles/types.js";
import { buildOrder, type BuildOrder } from "./graph.js";
import type { ReadWheel } from "./read.js";
import type { SetMember, SetProject } from "./set.js";

/** Why a requirement is listed as unresolved. */
export type UnresolvedReason =
  /** Debian: neither the set nor dh-python's data knows the project; the name is a guess. */
  | "unknown-to-distro-data"
  /** `--check-archive`: this host's package index has no such name. */
  | "not-in-archive"
  /** The set provides the project, but in a version the requirement excludes. */
  | "set-version-mismatch";

/** A requirement of one wheel on one target that nothing known satisfies. */
export interface UnresolvedRequirement {
  requirement: string;
  /** PEP 503 name of the required project. */
  project: string;
  /** The relations the package carries for it. */
  relations: string[];
  reason: UnresolvedReason;
}

/** One wheel on one target: the set's projects it requires, and what stays unresolved. */
export interface TargetRequirements {
  requires: string[];
  unresolved: UnresolvedRequirement[];
}

/**
 * Maps one wheel's requirements for one target under the set's rules (as planConversion will)
 * and sorts them: those the set provides (an edge of the graph, with the version checked) and
 * those left unresolved. With `archive`, names outside the set are looked up in this host's index.
 */
export async function targetRequirements(
  member: SetMember,
  provided: ReadonlyMap<string, SetProject>,
  profile: TargetProfile,
  config: Config,
  archive: boolean,
): Promise<TargetRequirements> {
  const { pkg } = member;
  const target = configForTarget(config, profile);
  const configured = target.withExtras.filter((e) => pkg.metadata.providesExtra.includes(e));
  const withExtras = [...new Set([...member.withExtras.map(normalizeExtra), ...configured])];
  // Only the main package matters here: offering just the folded extras gives the same main
  // requirements without evaluating every marker once per extra (the extras' own lists differ).
  const folded = pkg.metadata.providesExtra.filter((e) => withExtras.includes(e));
  const mapped = mapRequirements(pkg.metadata.requiresDist, folded, profile, {
    machine: pkg.tags.machine,
    withExtras,
    rules: target.names,
  });
  const requires = new Set<string>();
  const unresolved: UnresolvedRequirement[] = [];
  const outside: string[] = [];
  for (const m of mapped.main) {
    if (m.dependencies.length === 0) continue;
    const dependency = provided.get(m.project);
    const own = dependency?.wheel === pkg.path;
    if (dependency !== undefined && !own) {
      requires.add(m.project);
      const requirement = pkg.metadata.requiresDist.find(
        (r) =>
          r.normalizedName === m.project && (r.raw || requirementToString(r)) === m.requirement,
      );
      const specifiers = requirement?.specifiers ?? [];
      if (!satisfiesSpecifiers(dependency.version, specifiers, { prereleases: true })) {
        unresolved.push({
          requirement: m.requirement,
          project: m.project,
          relations: m.dependencies,
          reason: "set-version-mismatch",
        });
      }
      continue;
    }
    if (own) continue;
    if (m.diagnostics.some((d) => d.code === "name-guessed") && profile.family === "deb") {
      unresolved.push({
        requirement: m.requirement,
        project: m.project,
        relations: m.dependencies,
        reason: "unknown-to-distro-data",
      });
    } else outside.push(...m.dependencies);
  }
  if (archive && outside.length > 0) {
    const names = outside.flatMap(
      profile.family === "deb" ? debianRelationNames : rpmRelationNames,
    );
    const check = await checkArchive(profile, names);
    const missing = new Set(check.missing);
    for (const m of mapped.main) {
      const relationNames = m.dependencies.flatMap(
        profile.family === "deb" ? debianRelationNames : rpmRelationNames,
      );
      if (provided.has(m.project) || !relationNames.some((n) => missing.has(n))) continue;
      if (unresolved.some((u) => u.requirement === m.requirement)) continue;
      unresolved.push({
        requirement: m.requirement,
        project: m.project,
        relations: m.dependencies,
        reason: "not-in-archive",
      });
    }
  }
  return { requires: [...requires].sort(), unresolved };
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
  archive: boolean,
  pool: LimitFunction,
): Promise<SetRequirements> {
  const requirements: SetRequirements = new Map();
  await Promise.all(
    reads.map((r) =>
      pool(async () => {
        const byTarget = new Map<string, TargetRequirements>();
        requirements.set(r.item.wheel, byTarget);
        if (r.known !== null) {
          for (const [id, known] of r.known) byTarget.set(id, known.snapshot);
        }
        if (r.member === null) return;
        for (const profile of profiles) {
          const member = r.member;
          byTarget.set(
            profile.id,
            await targetRequirements(member, provided, profile, config, archive),
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
