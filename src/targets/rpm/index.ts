import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { rpmPackageVersion } from "../../mapping/rpm-version.js";
import { compare } from "../common/files.js";
import type { PlanInput, Target, TargetPlan } from "../types.js";
import { specChangelogDate, specTextLine, specValue } from "./escape.js";
import { schemeMacros, specFileList, specInstallFixes } from "./files.js";
import { wrapParagraph } from "../common/description.js";

/**
 * The RPM family (Fedora, EPEL, openSUSE): an SRPM `python-<name>` building the binary package
 * `python3-<name>` from the wheel with the PyPA installer, with an explicit %files list.
 */
export const rpmTarget: Target = {
  family: "rpm",
  plan(input: PlanInput): TargetPlan {
    const { facts, profile, mapped, options } = input;
    const diagnostics: Diagnostic[] = [];
    const sourceName = `${profile.naming.source}${facts.normalizedName}`;
    const binaryName = `${profile.naming.binary}${facts.normalizedName}`;
    const evr = rpmPackageVersion(facts.version);
    diagnostics.push(...evr.diagnostics);
    const architecture = facts.pure
      ? profile.noarch
      : (profile.architectures[facts.machine ?? ""] ?? profile.noarch);

    const globals: string[] = [];
    if (!facts.pure) {
      // A wheel's extension modules are prebuilt: there are no sources to make debuginfo from.
      globals.push("debug_package %{nil}");
    }
    const buildRequires = ["python3-devel", "python3-installer"];
    const requires = [
      ...new Set(mapped.main.flatMap((requirement) => requirement.dependencies)),
    ].sort(compare);
    for (const requirement of mapped.main) diagnostics.push(...requirement.diagnostics);
    diagnostics.push(...mapped.diagnostics);

    const headersDir = `${schemeMacros.headers}/${facts.name}`;
    const descriptionLines = facts.paragraphs
      .flatMap((paragraph, i) => [...(i > 0 ? [""] : []), ...wrapParagraph(paragraph, 79)])
      .map(specTextLine);
    const release = specValue(options.release);
    const version = evr.version;
    const context = {
      generator: { version: options.generatorVersion },
      wheel: { filename: facts.wheel.filename, sha256: facts.wheel.sha256 },
      globals,
      sourceName,
      binaryName,
      epoch: evr.epoch,
      version,
      release,
      summary: specValue(facts.summary),
      license: specValue(facts.license.spdx),
      url: facts.homepage === null ? null : specValue(facts.homepage),
      buildArch: facts.pure ? profile.noarch : null,
      exclusiveArch: facts.pure ? null : architecture,
      buildRequires,
      requires,
      descriptionLines,
      paths: {
        headers: headersDir,
        distInfo: `${facts.pure ? schemeMacros.purelib : schemeMacros.platlib}/${facts.wheel.distInfoDir}`,
      },
      installCommands: specInstallFixes(facts.files, facts.wheel.distInfoDir),
      files: specFileList(facts.files, facts.scripts, facts.wheel.distInfoDir, headersDir),
      changelog: {
        date: specChangelogDate(options.date),
        packager: specValue(`${options.maintainer.name} <${options.maintainer.email}>`),
        evr: `${evr.epoch === null ? "" : `${evr.epoch}:`}${version}-${release}`,
        lines: options.changelog.map(specValue),
      },
    };
    if (facts.license.source === "none") {
      diagnostics.push(
        diagnostic(
          "rpm-license-unknown",
          "warning",
          "License: LicenseRef-Unknown in the spec",
          "License",
        ),
      );
    }
    return {
      target: profile.id,
      family: "rpm",
      sourceName,
      binaryNames: [binaryName],
      version: `${version}-${release}`,
      architecture,
      directory: sourceName,
      wheelPath: facts.wheel.filename,
      context,
      outputs: [{ template: "rpm/python.spec.njk", path: `${sourceName}.spec`, mode: 0o644 }],
      diagnostics,
    };
  },
};
