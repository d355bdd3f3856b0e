import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { UnsupportedWheelError } from "../../errors.js";
import { offeredExtras, type MappedRequirement } from "../../mapping/map.js";
import { compare } from "../../targets/common/files.js";
import type { PlanInput, TargetPlan } from "../../targets/types.js";
import { spec, token, type SpecText } from "../../targets/text.js";
import { specChangelogDate, specFilePath, specValue } from "./escape.js";
import { extraSubpackages } from "./extras.js";
import { schemeMacros, specInstallFixes } from "./files.js";
import { pyprojectFiles } from "./pyproject-files.js";
import { changelogEvr, payloadGlobals, specBasics } from "./spec-common.js";

/**
 * Whether Fedora's dependency generator writes this requirement's relation itself: it reads the
 * installed METADATA and writes `python3.Xdist(<PEP 503 name>)` for every requirement whose
 * marker holds, so the spec names only what it cannot know (a name a rule chose other than the
 * PEP 503 name, a dropped requirement, an extra folded into the main package). A batch's own
 * packages are named by rules too, with the name the generator writes.
 */
function generated(requirement: MappedRequirement): boolean {
  return requirement.layer !== undefined && requirement.name === requirement.project;
}

/**
 * `%global` lines that filter the generator's relations on these projects out, each added to
 * `__requires_exclude` as Fedora's guidelines show (`%{?__requires_exclude:...|}`).
 */
function requiresExclude(projects: readonly string[]): SpecText[] {
  return projects.map(
    (project) =>
      spec`__requires_exclude %{?__requires_exclude:%{__requires_exclude}|}^python%{python3_version}dist\\\\(${token("spec", project)}(\\\\[.*\\\\])?\\\\)`,
  );
}

/**
 * `%pyproject_install` installs with pip, which refuses the whole wheel when a script's entry
 * point names extras that are not names (distlib: "Invalid specification"); the model dropped
 * them with a warning, but the wheel still holds them. Refused here, before anything is written.
 */
function refuseScriptsPipRefuses(input: PlanInput): void {
  const scripts = input.pkg.entryPoints.filter(
    (entry) =>
      (entry.group === "console_scripts" || entry.group === "gui_scripts") &&
      (entry.invalidExtras ?? []).length > 0,
  );
  const first = scripts[0];
  if (first === undefined) return;
  throw new UnsupportedWheelError(
    `the [${first.group}] entry point ${JSON.stringify(first.name)} names extras that are not names (${(first.invalidExtras ?? []).map((e) => JSON.stringify(e)).join(", ")}): pip, which ${input.profile.name}'s %pyproject_install runs, refuses to install the wheel`,
    {
      file: input.pkg.filename.filename,
      member: `${input.pkg.distInfoDir}/entry_points.txt`,
      field: first.group,
    },
  );
}

/**
 * A spec after Fedora's Python packaging guidelines (Fedora, EPEL), in their idiom: the SRPM
 * `python-<name>` builds `python3-<name>` from the wheel with `%pyproject_install` and
 * `%pyproject_save_files`, checks that its top-level modules import (`%pyproject_check_import`),
 * leaves the `python3dist()` relations to Fedora's dependency generator and, where the profile
 * asks for them, makes one `python3-<name>+<extra>` metapackage per extra with
 * `%pyproject_extras_subpkg`.
 */
export function planFedoraSpec(input: PlanInput): TargetPlan {
  const { facts, profile, mapped, options } = input;
  refuseScriptsPipRefuses(input);
  const basics = specBasics(input);
  const diagnostics: Diagnostic[] = [...basics.diagnostics];
  const { sourceName } = basics;
  const binaryName = input.names.binary;

  const globals: SpecText[] = [];
  if (!facts.pure) {
    // A wheel's extension modules are prebuilt: there are no sources to make debuginfo from.
    globals.push(spec`debug_package %{nil}`);
    // Stripping again breaks libraries that auditwheel patched: ship them as built.
    globals.push(spec`__strip /bin/true`);
  }
  // The generator writes the main package's relations from METADATA, except for extras folded
  // into it (it reads only what the main package needs) and names other layers chose.
  const written = mapped.main.filter((r) => !generated(r) || r.extra !== null);
  const requires = [...new Set(written.flatMap((requirement) => requirement.dependencies))]
    .sort(compare)
    .map((relation) => token("spec", relation));
  for (const requirement of mapped.main) diagnostics.push(...requirement.diagnostics);
  diagnostics.push(...mapped.diagnostics);

  const extras = profile.rpm?.extrasSubpackages
    ? extraSubpackages(binaryName, facts.providesExtra, mapped, generated)
    : { subpackages: [], diagnostics: [] };
  diagnostics.push(...extras.diagnostics);
  if (extras.subpackages.length > 0) {
    diagnostics.push(
      diagnostic(
        "extras-optional",
        "info",
        `extras as metapackages: ${extras.subpackages.map((s) => s.name).join(", ")}`,
        "Provides-Extra",
      ),
    );
  }
  const packagedExtras = new Set(extras.subpackages.map((s) => String(s.extra)));
  if (profile.rpm?.extrasSubpackages) {
    // The extras' relations are now part of the packaging: so is what was lost making them.
    for (const [, list] of offeredExtras(mapped)) {
      for (const requirement of list) diagnostics.push(...requirement.diagnostics);
    }
  }
  // What the generator would write from METADATA for a requirement another layer renamed or
  // dropped: filtered out, the spec's own relation stands instead.
  const overridden = [
    ...mapped.main.filter((r) => r.layer !== undefined && !generated(r) && r.extra === null),
    ...[...mapped.extras.entries()]
      .filter(([extra]) => packagedExtras.has(extra))
      .flatMap(([, list]) => list.filter((r) => r.layer !== undefined && !generated(r))),
  ].map((r) => r.project);
  globals.push(...requiresExclude([...new Set(overridden)].sort(compare)));
  globals.push(...payloadGlobals(input));

  // pip names the headers directory after the wheel file's distribution name.
  const distribution = facts.wheel.filename.split("-")[0] ?? facts.name;
  const headersDir = spec`${schemeMacros.headers}/${specFilePath(distribution)}`;
  const layout = pyprojectFiles(
    facts.files,
    facts.scripts,
    facts.wheel.distInfoDir,
    headersDir,
    profile.python.version,
  );
  diagnostics.push(...layout.diagnostics);
  const present = new Set(facts.files.map((file) => file.path));
  const declaredLicense = input.pkg.metadata.licenseFiles.some(
    (name) =>
      present.has(`${facts.wheel.distInfoDir}/licenses/${name}`) ||
      present.has(`${facts.wheel.distInfoDir}/${name}`),
  );
  const saveFiles = [
    ...(declaredLicense && profile.rpm?.assertLicenseFiles === true ? [spec`-l`] : []),
    ...(layout.modules.length > 0 ? layout.modules : [spec`-M`]),
  ].join(" ");
  const modules = token("spec", layout.modules.join(" "));
  if (layout.unlistable !== null) {
    diagnostics.push(
      diagnostic(
        "pyproject-files-unlistable",
        "info",
        `%pyproject_save_files cannot list ${JSON.stringify(layout.unlistable)} for rpm older than 4.19 (RHEL 9's; this host's on a foreign build): the spec lists site-packages itself`,
      ),
    );
  }
  const savesFiles = layout.unlistable === null;
  // The import check needs the package's dependencies installed: in the build root, as
  // BuildRequires (Fedora's %pyproject_buildrequires -r would add the same).
  const runtime = [...new Set(mapped.main.flatMap((r) => r.dependencies))].sort(compare);
  const handWrittenExtras = extras.subpackages.filter((s) => s.requires.length > 0);
  const macroExtras = extras.subpackages.filter((s) => s.requires.length === 0);

  const context = {
    generator: { version: token("spec", options.generatorVersion) },
    wheel: {
      filename: token("spec", facts.wheel.filename),
      sha256: token("spec", facts.wheel.sha256),
    },
    globals,
    sourceName: token("spec", sourceName),
    binaryName: token("spec", binaryName),
    ...basics.preamble,
    buildRequires: [
      spec`python3-devel`,
      spec`pyproject-rpm-macros`,
      spec`python3dist(pip)`,
      spec`python3dist(packaging)`,
      ...runtime.map((relation) => token("spec", relation)),
    ],
    requires,
    // A metapackage holds no files: of an arch-specific package, it is noarch (`-a`), or
    // rpmlint finds an arch-specific package without binaries (no-binary).
    extrasMacro:
      macroExtras.length > 0
        ? spec`%pyproject_extras_subpkg -n ${token("spec", binaryName)}${facts.pure ? spec`` : spec` -a`} ${token("spec", macroExtras.map((s) => String(s.extra)).join(" "))}`
        : null,
    extrasArch: facts.pure ? null : spec`noarch`,
    extras: handWrittenExtras,
    descriptionLines: basics.descriptionLines,
    saveFiles: savesFiles ? token("spec", saveFiles) : null,
    // Without %pyproject_save_files' module list, the modules are named to %py3_check_import.
    checkImport:
      layout.modules.length === 0
        ? null
        : savesFiles
          ? spec`%pyproject_check_import -t`
          : spec`%py3_check_import ${modules}`,
    filesFrom: savesFiles ? spec` -f %{pyproject_files}` : token("spec", ""),
    installCommands: [
      ...specInstallFixes(facts.files, facts.wheel.distInfoDir, facts.unrunnableScripts),
      ...layout.commands,
    ],
    files: layout.listed,
    changelog: {
      date: specChangelogDate(options.date),
      packager: specValue(`${options.maintainer.name} <${options.maintainer.email}>`),
      evr: changelogEvr(basics),
      lines: options.changelog.map(specValue),
    },
  };
  return {
    target: profile.id,
    family: "rpm",
    sourceName,
    binaryNames: [binaryName, ...extras.subpackages.map((extra) => extra.name)],
    version: String(changelogEvr(basics)),
    architecture: basics.architecture,
    directory: sourceName,
    wheelPath: facts.wheel.filename,
    context,
    outputs: [{ template: "rpm/python.spec.njk", path: `${sourceName}.spec`, mode: 0o644 }],
    checkNeeds:
      layout.modules.length > 0
        ? [...new Set(mapped.main.filter((r) => r.dependencies.length > 0).map((r) => r.project))]
        : [],
    diagnostics,
  };
}
