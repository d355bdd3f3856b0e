import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { debPackageVersion, debRelations } from "../../mapping/deb-version.js";
import { offeredExtras } from "../../mapping/map.js";
import type { Specifier } from "../../model/types.js";
import { compare, importNames, siteLayout } from "../../targets/common/files.js";
import type { PlanInput, PlanArchive, TargetPlan } from "../../targets/types.js";
import { deb822, joinText, token } from "../../targets/text.js";
import {
  changelogItem,
  controlDescription,
  controlSynopsis,
  controlValue,
  debianChangelogDate,
  maintainerValue,
} from "./control-text.js";
import { payloadEffort } from "../../targets/common/payload.js";
import { xzLevel } from "./payload.js";
import { rulesWord } from "./rules-text.js";
import { copyrightLicense } from "./copyright.js";
import { debianFixes } from "./fixes.js";
import { libraryNeeds } from "./libraries.js";
import { debianVersionOverArchive } from "./archive-version.js";

/**
 * Requires-Python as relations on `python3`, for a pure package (an extension module is tied to
 * its Python by `${python3:Depends}` already). The target's own Python satisfies it (or the wheel
 * was refused), so only the clauses that a later python3 could break are kept: upper bounds and
 * exclusions. Lower bounds would say what every python3 of the suite already is.
 */
function pythonRelations(
  requiresPython: readonly Specifier[] | null,
  pure: boolean,
  pythonEpoch: number,
): { relations: string[]; diagnostics: Diagnostic[] } {
  const limiting = (requiresPython ?? []).filter((s) => s.operator !== ">=" && s.operator !== ">");
  if (!pure || limiting.length === 0) return { relations: [], diagnostics: [] };
  const translated = debRelations("python3", limiting, pythonEpoch);
  return {
    relations: translated.relations.map((group) => group.join(" | ")),
    diagnostics: translated.diagnostics,
  };
}

/**
 * The archive's package that this one replaces, under the same name, may provide names that
 * its dependents rely on (python3-numpy: `python3-numpy-abi9`, which python3-scipy depends on);
 * the converted package provides none of them, which is said plainly, with each name.
 */
function lostProvides(binaryName: string, archive: PlanArchive | undefined): Diagnostic[] {
  const replaced = archive?.package(binaryName);
  if (archive === undefined || replaced === undefined || replaced.provides.length === 0) return [];
  const names = [...new Set(replaced.provides.map((p) => p.name))].sort();
  return [
    diagnostic(
      "archive-provides-lost",
      "warning",
      `${binaryName} replaces the ${archive.describe()}'s ${binaryName} ${replaced.version}, which provides ${names.join(", ")}; this package does not, so what depends on those names there cannot be installed with it`,
    ),
  ];
}

/** The package a relation (`python3-foo (>= 1) | python3-bar`) names first. */
function relationPackage(relation: string): string {
  return /^[^\s(|]+/.exec(relation)?.[0] ?? relation;
}

/**
 * The Debian family (Debian, Ubuntu): a source package `python-<name>` (3.0 quilt, the wheel in
 * the orig tarball) building `python3-<name>` with debhelper and dh-python, installed by the
 * PyPA installer in Debian's layout.
 */
export function planDebian(input: PlanInput): TargetPlan {
  const { facts, profile, mapped, options, licenseTexts } = input;
  const deb = profile.deb;
  if (deb === undefined) throw new Error(`profile ${profile.id} has no Debian settings`);
  const diagnostics: Diagnostic[] = [];
  const key = facts.normalizedName;
  const sourceName = input.names.source;
  const binaryName = input.names.binary;
  const upstream = debPackageVersion(facts.version, input.epochOf(binaryName));
  diagnostics.push(...upstream.diagnostics);
  // A wheel of the release the archive has is a local build above the archive's package.
  const replacing = debianVersionOverArchive(
    binaryName,
    facts.version,
    `${upstream.version}-${options.release}`,
    options.release,
    input.archive,
  );
  diagnostics.push(...replacing.diagnostics);
  const version = replacing.version;
  const architecture = facts.pure
    ? profile.noarch
    : (profile.architectures[facts.machine ?? ""] ?? profile.noarch);

  for (const requirement of mapped.main) diagnostics.push(...requirement.diagnostics);
  diagnostics.push(...mapped.diagnostics);
  const mappedDepends = [...new Set(mapped.main.flatMap((r) => r.dependencies))].sort(compare);
  const dependedOn = new Set(mappedDepends.map(relationPackage));
  const breaks = [...new Set(mapped.main.flatMap((r) => r.breaks))].sort(compare);
  // Debian has no packages for extras: their dependencies become weak relations.
  const extrasRelations =
    input.debianExtras === "ignore"
      ? []
      : [
          ...new Set(
            offeredExtras(mapped)
              .flatMap(([, list]) => list)
              .flatMap((r) => r.dependencies)
              // A package the main package depends on already is no suggestion (lintian:
              // redundant-installation-prerequisite), whatever version an extra asks.
              .filter((relation) => !dependedOn.has(relationPackage(relation))),
          ),
        ].sort(compare);
  for (const [, requirements] of offeredExtras(mapped)) {
    for (const requirement of requirements) diagnostics.push(...requirement.diagnostics);
  }
  const optional = mapped.placement?.optional ?? [];
  if (optional.length > 0) {
    const where = {
      suggests: "their dependencies in Suggests",
      recommends: "their dependencies in Recommends",
      ignore: 'not listed (extras = "ignore")',
    };
    diagnostics.push(
      diagnostic(
        "extras-optional",
        "info",
        `optional extras, ${where[input.debianExtras]}: ${optional.map((e) => `[${e}]`).join(", ")}`,
        "Provides-Extra",
      ),
    );
  }
  const python = pythonRelations(
    input.pkg.metadata.requiresPython,
    facts.pure,
    input.epochOf("python3"),
  );
  diagnostics.push(...python.diagnostics);
  const libraries = libraryNeeds(
    facts,
    input.archive,
    input.setLibraries === undefined
      ? undefined
      : { libraries: input.setLibraries, epochOf: input.epochOf },
  );
  const relation = (text: string) => token("deb822", text);
  const depends = [
    deb822`\${python3:Depends}`,
    ...(facts.pure ? [] : [deb822`\${shlibs:Depends}`]),
    deb822`\${misc:Depends}`,
    ...python.relations.map(relation),
    ...mappedDepends.map(relation),
    // The batch's packages whose libraries the wheel links, unless a requirement names them.
    ...libraries.depends.filter((d) => !dependedOn.has(relationPackage(d))).map(relation),
  ];
  const maintainer = maintainerValue(options.maintainer.name, options.maintainer.email);
  const copyright = copyrightLicense(facts.license.spdx, licenseTexts);
  diagnostics.push(...copyright.diagnostics);

  const root = facts.files.filter(
    (file) =>
      (file.scheme === "purelib" || file.scheme === "platlib") &&
      !file.path.startsWith(`${facts.wheel.distInfoDir}/`),
  );
  const modules = importNames(siteLayout(root.map((file) => file.path)));
  // auditwheel's vendored libraries: `<name>.libs/` at the top of the site directory.
  const libraryDirs = [
    ...new Set(
      root.map((file) => /^([^/]+\.libs)\//.exec(file.path)?.[1]).filter((d) => d !== undefined),
    ),
  ].sort(compare);
  const fixes = debianFixes(
    facts.files,
    facts.unrunnableScripts,
    binaryName,
    sourceName,
    libraryDirs,
  );
  diagnostics.push(...libraries.diagnostics, ...lostProvides(binaryName, input.archive));
  // Names, versions and the wheel's file name are inert in every file they are placed in.
  const inert = (text: string) => token(["deb822", "rules", "changelog"], text);
  const context = {
    generator: { version: inert(options.generatorVersion) },
    wheel: { filename: inert(facts.wheel.filename), sha256: inert(facts.wheel.sha256) },
    sourceName: inert(sourceName),
    binaryName: inert(binaryName),
    pybuildName: inert(key),
    // The payload rule (docs/architecture.md, "Payload compression"), as dpkg-deb's xz level.
    compressorLevel: inert(String(xzLevel(payloadEffort(facts.files)))),
    fastCompression: payloadEffort(facts.files) === "fast",
    version: inert(version),
    suite: inert(deb.suite),
    maintainer,
    buildDepends: [
      `debhelper-compat (= ${deb.debhelperCompat})`,
      "dh-python",
      facts.pure ? "python3-all" : "python3-dev",
      "python3-installer",
      ...fixes.buildDepends,
      ...libraries.relations,
    ].map(relation),
    standardsVersion: inert(deb.standardsVersion),
    // An index page is no home page (lintian: pypi-homepage); copyright's Source may be one.
    homepage: facts.upstreamHomepage === null ? null : controlValue(facts.upstreamHomepage),
    source: facts.homepage === null ? null : controlValue(facts.homepage),
    architecture: inert(architecture),
    depends,
    breaks: breaks.map(relation),
    recommends: input.debianExtras === "recommends" ? extrasRelations.map(relation) : [],
    suggests: input.debianExtras === "suggests" ? extrasRelations.map(relation) : [],
    synopsis: controlSynopsis(facts.summary),
    prebuilt: !facts.pure,
    afterInstall: fixes.afterInstall,
    notExecutable: fixes.afterFixperms,
    lintianOverrides: fixes.overrides,
    // dh_installsystemduser runs even without units (debhelper bug #950723); skipped then.
    systemdUserUnits: facts.files.some(
      (file) => file.scheme === "data" && file.path.startsWith("lib/systemd/user/"),
    ),
    privateLibraryDirs: libraryDirs.map((dir) =>
      rulesWord(`/usr/lib/python3/dist-packages/${dir}`),
    ),
    privateLibraryNames: libraryDirs.map(rulesWord),
    shlibsLocal: libraries.shlibsLocal.map(relation),
    descriptionLines: controlDescription(
      facts.description,
      controlSynopsis(facts.summary),
      facts.name,
    ),
    upstreamName: controlValue(facts.name),
    copyrightHolders: facts.copyrightHolders.map(controlValue),
    license: copyright.license,
    licenseParagraphs: copyright.paragraphs,
    // Module names are Python identifiers (importNames keeps no other).
    importCheck: joinText(
      modules.map((module) => deb822`import ${token("deb822", module)}`),
      "; ",
    ),
    changelog: {
      date: debianChangelogDate(options.date),
      year: options.date.getUTCFullYear(),
      lines: options.changelog.flatMap(changelogItem),
    },
  };
  // Debian's layout: the unpacked source tree beside the artifacts that are built from it.
  const tree = `${sourceName}-${version.replace(/^\d+:/, "").replace(/-[^-]*$/, "")}`;
  return {
    target: profile.id,
    family: "deb",
    sourceName,
    binaryNames: [binaryName],
    version,
    architecture,
    directory: sourceName,
    wheelPath: `${tree}/${facts.wheel.filename}`,
    context,
    outputs: [
      { template: "deb/control.njk", path: `${tree}/debian/control`, mode: 0o644 },
      { template: "deb/rules.njk", path: `${tree}/debian/rules`, mode: 0o755 },
      { template: "deb/changelog.njk", path: `${tree}/debian/changelog`, mode: 0o644 },
      { template: "deb/copyright.njk", path: `${tree}/debian/copyright`, mode: 0o644 },
      { template: "deb/source/format.njk", path: `${tree}/debian/source/format`, mode: 0o644 },
      ...(fixes.overrides.length > 0
        ? [
            {
              template: "deb/lintian-overrides.njk",
              path: `${tree}/debian/${binaryName}.lintian-overrides`,
              mode: 0o644,
            },
          ]
        : []),
      ...(libraries.shlibsLocal.length > 0
        ? [
            {
              template: "deb/shlibs-local.njk",
              path: `${tree}/debian/shlibs.local`,
              mode: 0o644,
            },
          ]
        : []),
      ...(modules.length > 0
        ? [
            {
              template: "deb/tests-control.njk",
              path: `${tree}/debian/tests/control`,
              mode: 0o644,
            },
          ]
        : []),
    ],
    diagnostics,
    ...(libraries.hostNeeds.length > 0 ? { buildHostNeeds: libraries.hostNeeds } : {}),
    ...(libraries.setLibraries.length > 0 ? { setLibraries: libraries.setLibraries } : {}),
  };
}
