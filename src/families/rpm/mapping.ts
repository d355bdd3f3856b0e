/**
 * How RPM targets name Python projects and write requirements on them, in the two dialects the
 * profile's `rpm.dependencyStyle` chooses: Fedora's `python3dist(<PEP 503 name>)`, which its
 * generator provides for every Python distribution, and openSUSE's singlespec `python-<name>`,
 * which its macros rename to each flavor's package (see singlespec.ts). Names are compared and
 * stored as PEP 503 names, and a rule's name is a Python distribution name.
 */
import { defaultName, type NameCandidate, type OwnPackageNames } from "../../mapping/names.js";
import { rpmPackageRelations, rpmRelations } from "../../mapping/rpm-version.js";
import type { ArchiveNames, MappingStyle, NameRules } from "../../mapping/name-rules.js";
import { isValidName, normalizeName } from "../../model/name.js";
import type { TargetProfile } from "../../profiles/types.js";
import { opensuseSpellings } from "./opensuse-names.js";
import { singlespecRelation } from "./singlespec.js";

/**
 * openSUSE's spelling of a singlespec name as its archive has it: its packages are named after
 * the project as PyPI spells it (`python313-PyYAML`), and rpm compares names with case.
 */
function singlespecArchiveName(
  name: string,
  profile: TargetProfile,
  archive: ArchiveNames,
): string {
  for (const flavor of profile.rpm?.flavors ?? []) {
    const prefix = `${flavor.name}-`;
    const spelled = archive.spelling(`${prefix}${name}`);
    if (spelled !== undefined) return spelled.slice(prefix.length);
  }
  return name;
}

/** Whether the target writes openSUSE singlespec relations rather than `python3dist()`. */
function singlespec(profile: TargetProfile): boolean {
  return profile.rpm?.dependencyStyle === "singlespec";
}

/** What the built-in layer says: every project has a `python3dist()` or `python-` name. */
function builtin(project: string, profile: TargetProfile): NameCandidate {
  const spelled = opensuseSpellings.get(normalizeName(project));
  return singlespec(profile)
    ? {
        layer: "singlespec",
        name: spelled ?? project,
        rule:
          spelled === undefined
            ? "python-<name as the requirement spells it>, which openSUSE's singlespec macros rename to each flavor's package"
            : `python-<name as openSUSE spells it: ${spelled}>, which openSUSE's singlespec macros rename to each flavor's package`,
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
 * PEP 503 name as it is (`python-python-dateutil`), spelled as openSUSE spells it
 * (`python-PyYAML`). Either way a requirement names the package by that name, inside
 * `python3dist()` or `python-`.
 */
function ownNames(project: string, profile: TargetProfile, rules: NameRules): OwnPackageNames {
  const { source, binary } = profile.naming;
  // A requirement reaches the package through the Python distribution it provides.
  const key = normalizeName(project);
  if (singlespec(profile)) {
    // Named as openSUSE spells the project, so that the package replaces the archive's; with an
    // archive index, as the archive spells it.
    const spelled =
      rules.archive === undefined
        ? (opensuseSpellings.get(key) ?? key)
        : singlespecArchiveName(key, profile, rules.archive);
    return {
      source: `${source}${spelled}`,
      binary: `${binary}${spelled}`,
      layer: "default",
      requiredAs: spelled,
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
  archiveName: (name, profile, archive) =>
    singlespec(profile) ? singlespecArchiveName(name, profile, archive) : name,
  relationName: (name, profile) =>
    singlespec(profile) ? `python-${name}` : `python3dist(${name})`,
  relationNotes: (requirement, relation, profile) =>
    singlespec(profile) ? singlespecRelation(requirement, relation).diagnostics : [],
};
