import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { offeredExtras, type MappedRequirement } from "../../mapping/map.js";
import { requirementToString } from "../../model/requirement.js";
import type { Requirement } from "../../model/types.js";
import { compare } from "../../targets/common/files.js";
import type { PlanInput, TargetPlan } from "../../targets/types.js";
import { UnsupportedWheelError } from "../../errors.js";
import { joinText, spec, token, type SpecText } from "../../targets/text.js";
import { changesLine, specChangesDate } from "./escape.js";
import { licenseCopies, singlespecFileList, singlespecInstallFixes } from "./opensuse-files.js";
import {
  excludedFlavors,
  flavorMarkerNotes,
  profileFlavors,
  singlespecRelation,
} from "./singlespec.js";
import { changelogEvr, payloadGlobals, specBasics } from "./spec-common.js";

/** The structured requirement a mapping result was made from. */
function sourceRequirement(
  mapped: MappedRequirement,
  requirements: readonly Requirement[],
): Requirement | undefined {
  return requirements.find((r) => (r.raw || requirementToString(r)) === mapped.requirement);
}

/** Singlespec relations for mapped requirements, sorted and each once, with their notes. */
function relations(
  mapped: readonly MappedRequirement[],
  requirements: readonly Requirement[],
  diagnostics: Diagnostic[],
): SpecText[] {
  const out = new Set<string>();
  for (const entry of mapped) {
    diagnostics.push(...entry.diagnostics);
    const requirement = sourceRequirement(entry, requirements);
    if (requirement === undefined) continue;
    for (const relation of entry.dependencies) {
      out.add(relation);
      diagnostics.push(...singlespecRelation(requirement, relation).diagnostics);
    }
  }
  return [...out].sort(compare).map((relation) => token("spec", relation));
}

/**
 * A spec after openSUSE's Python packaging guidelines: a singlespec `python-<name>` whose
 * `%python_subpackages` makes one `python3XY-<name>` per interpreter flavor, installed from the
 * wheel with `%pyproject_install %{SOURCE0}`, `%fdupes` run per flavor, relations written
 * `python-<name>` (renamed per flavor), extras' relations as Suggests, entry points behind
 * update-alternatives, and an empty `%changelog` with the entry in `python-<name>.changes`.
 * A platform wheel is built for one CPython, so its spec builds that flavor only.
 */
export function planOpensuseSpec(input: PlanInput): TargetPlan {
  const { pkg, facts, profile, mapped, options } = input;
  const basics = specBasics(input);
  const diagnostics: Diagnostic[] = [...basics.diagnostics];
  const { sourceName } = basics;
  const modname = sourceName.replace(/^python-/, "");

  const distroFlavors = profileFlavors(profile);
  // A platform wheel's cp3X tag was checked against the primary flavor: build that one only.
  const flavors = facts.pure ? distroFlavors : distroFlavors.slice(0, 1);
  const skipped = facts.pure ? excludedFlavors(flavors, pkg.metadata.requiresPython) : [];
  for (const flavor of skipped) {
    diagnostics.push(
      diagnostic(
        "opensuse-flavor-skipped",
        "info",
        `Requires-Python excludes ${flavor.name} (Python ${flavor.fullVersion}): %define skip_${flavor.name} 1`,
        "Requires-Python",
      ),
    );
  }
  const built = flavors.filter((flavor) => !skipped.includes(flavor));
  diagnostics.push(...flavorMarkerNotes(facts.requirements, profile, built));

  const requires = relations(mapped.main, facts.requirements, diagnostics);
  diagnostics.push(...mapped.diagnostics);
  const extraRelations = relations(
    offeredExtras(mapped).flatMap(([, list]) => list),
    facts.requirements,
    diagnostics,
  );
  const suggests = extraRelations.filter((relation) => !requires.includes(relation));
  if (suggests.length > 0) {
    diagnostics.push(
      diagnostic(
        "opensuse-extras-suggested",
        "info",
        `the extras' requirements are Suggests of every flavor: ${suggests.join(", ")}`,
        "Provides-Extra",
      ),
    );
  }
  if (facts.files.some((file) => file.scheme === "data")) {
    diagnostics.push(
      diagnostic(
        "opensuse-shared-data-files",
        "info",
        "the wheel's data files are installed by every flavor's package alike (rpm lets identical files be shared)",
      ),
    );
  }

  const licenses = licenseCopies(facts.files);
  // update-alternatives and %python_clone take a script's name as a macro argument, which
  // no quoting protects: only names of ordinary file-name characters can be managed.
  const scripts = facts.scripts.map((script) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(script)) {
      throw new UnsupportedWheelError(
        `the script ${JSON.stringify(script)} cannot be managed by update-alternatives: openSUSE takes script names of letters, digits, '.', '_', '+' and '-' only`,
        { field: "entry_points.txt" },
      );
    }
    return token("spec", script);
  });
  const context = {
    generator: { version: token("spec", options.generatorVersion) },
    wheel: {
      filename: token("spec", facts.wheel.filename),
      sha256: token("spec", facts.wheel.sha256),
    },
    // Prebuilt binaries: no debuginfo to make, and stripping again breaks auditwheel's libraries.
    globals: [
      ...(facts.pure ? [] : [spec`debug_package %{nil}`, spec`__strip /bin/true`]),
      ...payloadGlobals(input),
    ],
    // A platform wheel runs on one interpreter; a pure one on every flavor the distro builds.
    pythons: facts.pure
      ? null
      : joinText(
          built.map((flavor) => token("spec", flavor.name)),
          " ",
        ),
    skipFlavors: skipped.map((flavor) => token("spec", flavor.name)),
    sourceName: token("spec", sourceName),
    // openSUSE discourages epochs, but a PEP 440 epoch must order the package like upstream.
    ...basics.preamble,
    buildRequires: [spec`%{python_module pip}`, spec`fdupes`, spec`python-rpm-macros`],
    requires,
    suggests,
    // Every flavor installs `<script>-3.XY`; update-alternatives picks `<script>` (the first
    // name leads, the others follow it).
    alternatives:
      scripts.length === 0 ? null : { names: joinText(scripts, " "), master: scripts[0] ?? spec`` },
    descriptionLines: basics.descriptionLines,
    installCommands: [
      ...scripts.map((script) => spec`%python_clone -a %{buildroot}%{_bindir}/${script}`),
      ...singlespecInstallFixes(facts.files, facts.wheel.distInfoDir, facts.unrunnableScripts),
      facts.pure
        ? spec`%python_expand %fdupes %{buildroot}%{$python_sitelib}`
        : spec`%python_expand %fdupes %{buildroot}%{$python_sitearch}`,
      ...licenses.map((copy) => copy.command),
    ],
    licenses: licenses.map((copy) => copy.name),
    files: singlespecFileList(facts.files, facts.scripts, facts.wheel.distInfoDir, facts.name),
    changes: {
      // The .changes file is text, not spec: one line each, no macro escaping.
      date: specChangesDate(options.date),
      packager: changesLine(`${options.maintainer.name} <${options.maintainer.email}>`),
      lines: options.changelog.map(changesLine),
    },
  };
  return {
    target: profile.id,
    family: "rpm",
    sourceName,
    binaryNames: built.map((flavor) => `${flavor.name}-${modname}`),
    version: String(changelogEvr(basics)),
    architecture: basics.architecture,
    directory: sourceName,
    wheelPath: facts.wheel.filename,
    context,
    outputs: [
      { template: "rpm/opensuse.spec.njk", path: `${sourceName}.spec`, mode: 0o644 },
      { template: "rpm/opensuse.changes.njk", path: `${sourceName}.changes`, mode: 0o644 },
    ],
    diagnostics,
  };
}
