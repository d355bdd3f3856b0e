/**
 * How RPM targets name Python projects and write requirements on them, in the two dialects the
 * profile's `rpm.dependencyStyle` chooses: Fedora's `python3dist(<PEP 503 name>)`, which its
 * generator provides for every Python distribution, and openSUSE's singlespec `python-<name>`,
 * which its macros rename to each flavor's package (see singlespec.ts). Names are compared and
 * stored as PEP 503 names, and a rule's name is a Python distribution name.
 */
import { defaultName, type NameCandidate, type OwnPackageNames } from "../../mapping/names.js";
import { rpmPackageRelations, rpmRelations } from "../../mapping/rpm-version.js";
import type { MappingStyle } from "../../mapping/name-rules.js";
import { isValidName, normalizeName } from "../../model/name.js";
import type { TargetProfile } from "../../profiles/types.js";
import { singlespecRelation } from "./singlespec.js";

/** Whether the target writes openSUSE singlespec relations rather than `python3dist()`. */
function singlespec(profile: TargetProfile): boolean {
  return profile.rpm?.dependencyStyle === "singlespec";
}

/** What the built-in layer says: every project has a `python3dist()` or `python-` name. */
function builtin(project: string, profile: TargetProfile): NameCandidate {
  return singlespec(profile)
    ? {
        layer: "singlespec",
        name: project,
        rule: "python-<name as the requirement spells it>, which openSUSE's singlespec macros rename to each flavor's package",
      }
    : {
        layer: "python3dist",
        name: normalizeName(project),
        rule: "python3dist(<PEP 503 name>), which Fedora's generator provides for every Python distribution",
      };
}

/**
 * Fedora names the binary `python3-<name>` without a leading `python-` (python-dateutil:
 * `python3-dateutil`, from the source `python-dateutil`); openSUSE names packages after the
 * PEP 503 name as it is (`python-python-dateutil`). Either way a requirement names the
 * package by its PEP 503 name, inside `python3dist()` or `python-`.
 */
function ownNames(project: string, profile: TargetProfile): OwnPackageNames {
  const { source, binary } = profile.naming;
  // A requirement reaches the package through the Python distribution it provides.
  const key = normalizeName(project);
  if (singlespec(profile)) {
    return {
      source: `${source}${key}`,
      binary: `${binary}${key}`,
      layer: "default",
      requiredAs: key,
    };
  }
  const name = defaultName(project, profile, rpmMapping);
  return {
    source: `${source}${name.slice(binary.length)}`,
    binary: name,
    layer: "default",
    requiredAs: key,
  };
}

/** The RPM family's naming and relations (see the module comment). */
export const rpmMapping: MappingStyle = {
  key: normalizeName,
  nameProblem: (name) =>
    isValidName(name)
      ? null
      : `"${name}" is not a Python distribution name, as python3dist() on RPM targets needs`,
  ruleName: normalizeName,
  builtinLayer: (profile) => (singlespec(profile) ? "singlespec" : "python3dist"),
  builtin,
  ownNames,
  relations(requirement, name, profile, epochOf) {
    // python3dist() Provides carry no Epoch (pythondistdeps writes the PEP 440 version), so
    // only relations on packages take the archive's.
    const relation = `python-${name}`;
    const translated = singlespec(profile)
      ? rpmPackageRelations([relation], name, requirement.specifiers, epochOf(relation))
      : rpmRelations(name, requirement.specifiers, requirement.extras);
    return { dependencies: translated.relations, breaks: [], diagnostics: translated.diagnostics };
  },
  relationName: (name, profile) =>
    singlespec(profile) ? `python-${name}` : `python3dist(${name})`,
  relationNotes: (requirement, relation, profile) =>
    singlespec(profile) ? singlespecRelation(requirement, relation).diagnostics : [],
};
