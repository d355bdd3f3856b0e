/**
 * How Debian names Python projects and writes requirements on them: names compared with
 * dh-python's key, dh-python's fallback data as the built-in layer, binary packages named after
 * the name a requirement on the project maps to, relations in Depends with Breaks for a `!=`.
 */
import { diagnostic } from "../../diagnostics.js";
import { debRelations } from "../../mapping/deb-version.js";
import type { NameRules } from "../../mapping/name-rules.js";
import {
  defaultName,
  resolveName,
  type NameCandidate,
  type OwnPackageNames,
} from "../../mapping/names.js";
import type { MappingStyle } from "../../mapping/name-rules.js";
import { normalizeName } from "../../model/name.js";
import { requirementToString } from "../../model/requirement.js";
import type { TargetProfile } from "../../profiles/types.js";
import { debianFallback, dhPythonKey } from "./debian-data.js";

/** Debian policy §5.6.1: lower case letters, digits, `+ - .`, at least two characters. */
const DEBIAN_PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;

/**
 * Projects whose requirement dh-python maps to another project's package: a requirement on
 * setuptools means pkg_resources at run time (python3-pkg-resources), but the setuptools
 * wheel itself is Debian's python3-setuptools.
 */
const debianOwnNames: ReadonlyMap<string, string> = new Map([["setuptools", "python3-setuptools"]]);

/** What dh-python's fallback data says about a project, as the `distro-data` layer. */
function distroData(project: string): NameCandidate | undefined {
  const data = debianFallback();
  const entry = data.lookup(project);
  if (entry === undefined) return undefined;
  // A dependency with a version (`python3 (>= 3.2)`) names its package first.
  const name = entry.dependency.split(/[\s(]/, 1)[0] ?? "";
  const line = `${entry.distName} ${entry.dependency}`.trim();
  const how = entry.match === "pep503" ? "; matched by PEP 503 name" : "";
  return {
    layer: "distro-data",
    name: name === "" ? null : name,
    rule: `dh-python cpython3_fallback: "${line}" (${data.source}${how})`,
    ...(name === entry.dependency ? {} : { relation: entry.dependency }),
  };
}

/**
 * The binary package gets the name a requirement on the project maps to (dh-python's data, the
 * user's rules), so that it satisfies its dependents and replaces the archive's package of the
 * same project: PyYAML becomes `python3-yaml`, attrs `python3-attr`. Otherwise it is
 * `python3-<name>` without a leading `python-` (python-dateutil: `python3-dateutil`). A
 * requirement names the binary package itself.
 */
function ownNames(project: string, profile: TargetProfile, rules: NameRules): OwnPackageNames {
  const { source, binary } = profile.naming;
  let name = defaultName(project, profile, debMapping);
  let layer: OwnPackageNames["layer"] = "default";
  const decision = resolveName(project, profile, rules);
  const own = debianOwnNames.get(normalizeName(project));
  if (own !== undefined && decision.layer === "distro-data") {
    name = own;
    layer = decision.layer;
  } else if (
    // A relation the data fixes (`argparse`: python3 itself) names no package of the project.
    decision.name !== null &&
    decision.relation === undefined &&
    decision.name.startsWith(binary) &&
    decision.name.length > binary.length
  ) {
    name = decision.name;
    layer = decision.layer;
  }
  return { source: `${source}${name.slice(binary.length)}`, binary: name, layer, requiredAs: name };
}

/** Debian's naming and relations (see the module comment). */
export const debMapping: MappingStyle = {
  key: dhPythonKey,
  nameProblem: (name) =>
    DEBIAN_PACKAGE.test(name)
      ? null
      : `"${name}" is not a Debian package name (lower case letters, digits, "+", "-", ".")`,
  ruleName: (name) => name,
  builtinLayer: () => "distro-data",
  builtin: distroData,
  ownNames,
  relations(requirement, name, _profile, epochOf) {
    const translated = debRelations(name, requirement.specifiers, epochOf(name));
    const diagnostics = [...translated.diagnostics];
    if (requirement.extras.length > 0) {
      const text = requirement.raw || requirementToString(requirement);
      diagnostics.push(
        diagnostic(
          "deb-extras-unsupported",
          "info",
          `${text}: Debian has no packages for extras [${requirement.extras.join(", ")}]; only ${name} is required`,
          "Requires-Dist",
        ),
      );
    }
    return {
      dependencies: translated.relations.map((group) => group.join(" | ")),
      breaks: translated.breaks,
      diagnostics,
    };
  },
  // Debian names are lower case: the archive spells them as wheel2pkg does.
  archiveName: (name) => name,
  relationName: (name) => name,
  relationNotes: () => [],
};
