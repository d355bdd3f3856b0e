/**
 * Relations and interpreter flavors of an openSUSE singlespec spec (openSUSE:Packaging_Python,
 * python-rpm-macros' README). One spec builds a `python3XY-<name>` package per flavor of
 * `%pythons`; `%python_subpackages` copies the main preamble into each, renaming every
 * `python-<name>` in Requires/Suggests/… to that flavor's package (`python313-<name>`).
 *
 * openSUSE packagers write `Requires: python-<PyPI name>`, never `python3dist()`: the
 * `python3dist()`/`python3.Xdist()` provides that openSUSE's python-rpm-packaging generates
 * exist for every flavor alike (so one would let python314-foo be satisfied by python313-bar),
 * and its requires generator is disabled. Package names keep the PyPI spelling
 * (`python-PyYAML`, `python-zope.interface`, `python-python-dateutil`), so the name is taken as
 * the requirement writes it.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { markerEnvironment } from "../../mapping/environment.js";
import { evaluateMarker, markerVariables } from "../../model/markers.js";
import type { Requirement, Specifier } from "../../model/types.js";
import { satisfiesSpecifiers } from "../../model/specifier.js";
import type { PythonFlavor, TargetProfile } from "../../profiles/types.js";

/** A requirement as an openSUSE singlespec relation, with what was lost on the way. */
export interface SinglespecRelation {
  relation: string;
  diagnostics: Diagnostic[];
}

/**
 * Notes on a singlespec relation the mapping stage wrote (`python-<name>` with the bounds of
 * rpmPackageRelations, which rpm compares with openSUSE's Versions however they spell a
 * release: `== 2.0` admits Version `2` and `2.0.0`): extras have no packages.
 */
export function singlespecRelation(requirement: Requirement, relation: string): SinglespecRelation {
  const diagnostics: Diagnostic[] = [];
  if (requirement.extras.length > 0) {
    diagnostics.push(
      diagnostic(
        "opensuse-extras-unsupported",
        "info",
        `${requirement.raw}: openSUSE has no packages for extras [${requirement.extras.join(", ")}]; only ${/python-[^\s()]+/.exec(relation)?.[0] ?? relation} is required`,
        "Requires-Dist",
      ),
    );
  }
  return { relation, diagnostics };
}

/** The flavors a pure wheel's spec builds: every flavor of the profile, primary first. */
export function profileFlavors(profile: TargetProfile): readonly PythonFlavor[] {
  const flavors = profile.rpm?.flavors ?? [];
  if (flavors.length > 0) return flavors;
  const name = `python${profile.python.version.replace(".", "")}`;
  return [{ name, ...profile.python }];
}

/**
 * Flavors whose Python the wheel's Requires-Python excludes: the spec skips them with
 * `%define skip_<flavor> 1`, the per-package switch python-rpm-macros provides for this.
 */
export function excludedFlavors(
  flavors: readonly PythonFlavor[],
  requiresPython: readonly Specifier[] | null,
): PythonFlavor[] {
  if (requiresPython === null || requiresPython.length === 0) return [];
  return flavors.filter((flavor) => !satisfiesSpecifiers(flavor.fullVersion, requiresPython));
}

/**
 * Notes for requirements whose marker depends on the Python version and decides differently
 * for another flavor than for the primary one: the spec's relations are the primary flavor's,
 * and singlespec copies them to every flavor.
 */
export function flavorMarkerNotes(
  requirements: readonly Requirement[],
  profile: TargetProfile,
  flavors: readonly PythonFlavor[],
): Diagnostic[] {
  const [primary, ...others] = flavors;
  if (primary === undefined || others.length === 0) return [];
  const verdict = (requirement: Requirement, flavor: PythonFlavor) => {
    const env = markerEnvironment({ ...profile, python: flavor }, null, "");
    return requirement.marker === null ? true : evaluateMarker(requirement.marker, env).value;
  };
  const notes: Diagnostic[] = [];
  for (const requirement of requirements) {
    const marker = requirement.marker;
    if (marker === null) continue;
    const variables = markerVariables(marker);
    if (variables.includes("extra")) continue;
    if (!variables.some((v) => v === "python_version" || v === "python_full_version")) continue;
    const expected = verdict(requirement, primary);
    const differing = others.filter((flavor) => verdict(requirement, flavor) !== expected);
    if (differing.length === 0) continue;
    notes.push(
      diagnostic(
        "opensuse-marker-per-flavor",
        "warning",
        `${requirement.raw}: decided for ${primary.name}, but differently for ${differing.map((f) => f.name).join(", ")}; every flavor gets ${primary.name}'s relations`,
        "Requires-Dist",
      ),
    );
  }
  return notes;
}
