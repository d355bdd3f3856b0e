import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { UserError } from "../../errors.js";
import type { PackageFacts } from "../../targets/common/facts.js";
import { rpmPackageVersion } from "../../mapping/rpm-version.js";
import { systemLibraries } from "../libraries.js";
import type { Family } from "../types.js";
import { readRpmArchive, rpmRelationInArchive, rpmRelationNames } from "./archive.js";
import { buildRpm } from "./build.js";
import { planFedoraSpec } from "./fedora-spec.js";
import { queryRpm, runRpmlint } from "./native.js";
import { rpmMapping } from "./mapping.js";
import { planOpensuseSpec } from "./opensuse-spec.js";
import { checkRpmInstall } from "./install-check.js";
import { writeRpmRepository } from "./repository.js";
import { compareRpmVersions } from "./version-order.js";

/**
 * RPM distributions build every binary from source: a package that ships a wheel's compiled code
 * cannot be accepted there, whatever else it gets right. Said as the error it is at planning, so
 * convert, preview and batch show it (`wheel2pkg lint` on the wheel reports it as the rule
 * prebuilt-binary).
 */
function prebuiltBinaries(facts: PackageFacts): Diagnostic[] {
  const compiled = facts.files.filter((file) => file.elf != null).map((file) => file.path);
  if (facts.pure && compiled.length === 0) return [];
  const what =
    compiled.length > 0
      ? `compiled objects (${compiled.slice(0, 3).join(", ")}${compiled.length > 3 ? ", …" : ""})`
      : "a platform tag";
  return [
    diagnostic(
      "prebuilt-binary",
      "error",
      `${facts.wheel.filename} ships ${what}; the distribution builds binaries from source, so a package made from this wheel cannot be accepted there`,
    ),
  ];
}

/**
 * The RPM family: one SRPM per wheel whose spec follows the target distribution's Python
 * guidelines, chosen by the profile's `rpm.specStyle`: Fedora's (Fedora, EPEL) or openSUSE's
 * singlespec; built with rpmbuild, linted with rpmlint, checked against the repository's repodata.
 */
export const rpmFamily: Family = {
  id: "rpm",
  plan(input) {
    const plan =
      input.profile.rpm?.specStyle === "opensuse" ? planOpensuseSpec(input) : planFedoraSpec(input);
    // rpm's generator requires each soname itself; the archive must have a package for it.
    const libraries = systemLibraries(input.facts, input.archive, input.setLibraries);
    return {
      ...plan,
      diagnostics: [
        ...prebuiltBinaries(input.facts),
        ...libraries.diagnostics,
        ...plan.diagnostics,
      ],
    };
  },
  packageVersion(version, archiveEpoch = 0) {
    const rpm = rpmPackageVersion(version, archiveEpoch);
    const evr = `${rpm.epoch === null ? "" : `${rpm.epoch}:`}${rpm.version}`;
    return { version: evr, diagnostics: rpm.diagnostics };
  },
  build(directory, plan, profile, sourceDateEpoch, options) {
    const spec = plan.outputs[0]?.path;
    if (spec === undefined) throw new UserError(`no spec file planned for ${plan.sourceName}`);
    return buildRpm(directory, spec, profile, sourceDateEpoch, options, plan.checkNeeds);
  },
  // Nothing in a wheel's files calls for a note in a spec.
  wheelChecks: { signatures: () => [], checks: [] },
  nativeLint: runRpmlint,
  queryPackage: queryRpm,
  lintFile(path, isDirectory) {
    if (isDirectory) return null;
    if (path.endsWith(".spec")) return { kind: "spec", what: "a spec file" };
    if (path.endsWith(".src.rpm")) return { kind: "native-only", what: "a .src.rpm" };
    if (path.endsWith(".rpm")) return { kind: "built", what: "an .rpm" };
    return null;
  },
  packagingRoot(files) {
    const spec = files.find((file) => file.endsWith(".spec"));
    return spec === undefined ? null : { kind: "spec", path: spec };
  },
  isBinaryPackage: (file) => file.endsWith(".rpm") && !file.endsWith(".src.rpm"),
  mapping: rpmMapping,
  relationNames: rpmRelationNames,
  writeRepository: writeRpmRepository,
  checkInstall: checkRpmInstall,
  readArchive: readRpmArchive,
  compareVersions: compareRpmVersions,
  relationInArchive: rpmRelationInArchive,
};
