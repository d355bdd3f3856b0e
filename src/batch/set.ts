/**
 * The wheels of a batch as a set: what each provides, the name rules that make a requirement on
 * one of them point at the package the batch produces, and, per target, which requirements the
 * set satisfies and which nothing known satisfies.
 */
import { basename } from "node:path";
import { checkArchive, debianRelationNames, rpmRelationNames } from "../build/archive.js";
import { configForTarget } from "../config/index.js";
import type { Config, PackageConfig } from "../config/types.js";
import { mapRequirements } from "../mapping/map.js";
import { familyKey, type ExactNameRule } from "../mapping/name-rules.js";
import { normalizeExtra, normalizeName } from "../model/name.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import { satisfiesSpecifiers } from "../model/version.js";
import type { TargetProfile } from "../profiles/types.js";

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

/** What the set knows of one of its wheels: enough to name its package and check versions. */
export interface SetProject {
  /** PEP 503 name. */
  project: string;
  /** The name as METADATA spells it. */
  name: string;
  version: string;
  /** Absolute path of the wheel that provides it. */
  wheel: string;
}

/** A wheel of the set that was read: its model and what it asks for. */
export interface SetMember {
  pkg: WheelPackage;
  /** Folded extras for this wheel (`with-extras` of the manifest or the command line). */
  withExtras: readonly string[];
}

/** The set's view of a wheel that was read. */
export function setProject(pkg: WheelPackage): SetProject {
  return {
    project: pkg.metadata.normalizedName,
    name: pkg.metadata.name,
    version: pkg.version,
    wheel: pkg.path,
  };
}

/** One wheel on one target: the set's projects it requires, and what stays unresolved. */
export interface TargetRequirements {
  requires: string[];
  unresolved: UnresolvedRequirement[];
}

/** The distro name a requirement on `project` must use to name the package the batch makes. */
function producedName(project: string, profile: TargetProfile): string {
  return profile.family === "deb" ? `${profile.naming.binary}${project}` : project;
}

/**
 * The configuration with one `[packages.<name>]` rule per project of the set, placed before the
 * user's own, so that every requirement on a project of the set maps to the package the batch
 * produces. A project the user's config already names keeps the user's rule.
 */
export function configWithSet(
  config: Config,
  projects: readonly SetProject[],
  profiles: readonly TargetProfile[],
): Config {
  const userNamed = new Set(config.packages.map((p) => normalizeName(p.project)));
  const ignored = new Map(
    profiles.map((profile) => [
      profile.id,
      new Set(
        configForTarget(config, profile).names.ignores.map((i) =>
          familyKey(i.project, profile.family),
        ),
      ),
    ]),
  );
  const added: PackageConfig[] = [];
  for (const { project, name, wheel } of projects) {
    if (userNamed.has(project)) continue;
    // dh-python's key keeps dots, so `zope.interface` and `zope-interface` need a rule each.
    const seen = new Set<string>();
    for (const spelling of [name, project]) {
      const keys = profiles.map((p) => familyKey(spelling, p.family)).join("\0");
      if (seen.has(keys)) continue;
      seen.add(keys);
      const targets = new Map<string, ExactNameRule>();
      for (const profile of profiles) {
        // The user's `ignore` still drops the requirement.
        if (ignored.get(profile.id)?.has(familyKey(spelling, profile.family))) continue;
        targets.set(profile.id, {
          project: spelling,
          name: producedName(project, profile),
          origin: `batch: provided by ${basename(wheel)}`,
        });
      }
      added.push({ project: spelling, targets });
    }
  }
  return { ...config, packages: [...added, ...config.packages] };
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
