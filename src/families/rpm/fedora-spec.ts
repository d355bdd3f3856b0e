import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { compare } from "../../targets/common/files.js";
import type { PlanInput, TargetPlan } from "../../targets/types.js";
import { spec, token, type SpecText } from "../../targets/text.js";
import { specChangelogDate, specFilePath, specValue } from "./escape.js";
import { extraSubpackages } from "./extras.js";
import { schemeMacros, specFileList, specInstallFixes } from "./files.js";
import { changelogEvr, specBasics } from "./spec-common.js";

/**
 * A spec after Fedora's Python packaging guidelines (Fedora, EPEL): the SRPM `python-<name>`
 * builds `python3-<name>` from the wheel with the PyPA installer, with an explicit `%files`
 * list, `python3dist()` relations and, where the profile asks for them, one
 * `python3-<name>+<extra>` metapackage per extra.
 */
export function planFedoraSpec(input: PlanInput): TargetPlan {
  const { facts, profile, mapped, options } = input;
  const basics = specBasics(
    facts,
    profile,
    options,
    input.names,
    input.epochOf(input.names.binary),
  );
  const diagnostics: Diagnostic[] = [...basics.diagnostics];
  const { sourceName, version, release } = basics;
  const binaryName = input.names.binary;

  const globals: SpecText[] = [];
  if (!facts.pure) {
    // A wheel's extension modules are prebuilt: there are no sources to make debuginfo from.
    globals.push(spec`debug_package %{nil}`);
    // Stripping again breaks libraries that auditwheel patched: ship them as built.
    globals.push(spec`__strip /bin/true`);
  }
  const requires = [...new Set(mapped.main.flatMap((requirement) => requirement.dependencies))]
    .sort(compare)
    .map((relation) => token("spec", relation));
  for (const requirement of mapped.main) diagnostics.push(...requirement.diagnostics);
  diagnostics.push(...mapped.diagnostics);

  const extras = profile.rpm?.extrasSubpackages
    ? extraSubpackages(binaryName, facts.providesExtra, mapped)
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
  if (profile.rpm?.extrasSubpackages) {
    // The extras' relations are now part of the packaging: so is what was lost making them.
    for (const list of mapped.extras.values()) {
      for (const requirement of list) diagnostics.push(...requirement.diagnostics);
    }
  }

  const headersDir = spec`${schemeMacros.headers}/${specFilePath(facts.name)}`;
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
    buildRequires: [spec`python3-devel`, spec`python3-installer`],
    requires,
    extras: extras.subpackages,
    descriptionLines: basics.descriptionLines,
    paths: {
      headers: headersDir,
      distInfo: spec`${facts.pure ? schemeMacros.purelib : schemeMacros.platlib}/${specFilePath(facts.wheel.distInfoDir)}`,
    },
    installCommands: specInstallFixes(
      facts.files,
      facts.wheel.distInfoDir,
      facts.unrunnableScripts,
    ),
    files: specFileList(facts.files, facts.scripts, facts.wheel.distInfoDir, headersDir),
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
    version: `${version}-${release}`,
    architecture: basics.architecture,
    directory: sourceName,
    wheelPath: facts.wheel.filename,
    context,
    outputs: [{ template: "rpm/python.spec.njk", path: `${sourceName}.spec`, mode: 0o644 }],
    diagnostics,
  };
}
