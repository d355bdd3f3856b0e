import type { ConfiguredLicense } from "../../config/types.js";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { UnsupportedWheelError } from "../../errors.js";
import type { WheelPackage } from "../../model/package.js";
import type { Requirement } from "../../model/types.js";
import {
  descriptionBlocks,
  maxSummaryLength,
  shorten,
  type DescriptionBlock,
} from "./description.js";
import { compare, type InstalledFile } from "./files.js";
import { resolveLicense, type LicenseInfo } from "./license.js";
import { sortLicenseFiles } from "./license-files.js";

/**
 * What every target family needs to know about a package, computed once from the model:
 * names, texts, license, files by scheme, scripts. Target contexts are built from this.
 */
export interface PackageFacts {
  /** Project name as in METADATA. */
  name: string;
  /** PEP 503 normalized name, the base of distro package names. */
  normalizedName: string;
  /** Normalized PEP 440 version. */
  version: string;
  /** One line, at most 80 characters, no trailing dot. */
  summary: string;
  /** Plain-text paragraphs and lists describing the package. */
  description: DescriptionBlock[];
  homepage: string | null;
  /** The project's own home page, when METADATA names one (`homepage` may be its index page). */
  upstreamHomepage: string | null;
  license: LicenseInfo;
  /** Copyright holders as upstream names them (authors, maintainers), or a generic line. */
  copyrightHolders: string[];
  /** True for a pure-Python wheel (platform tag `any`). */
  pure: boolean;
  /** Wheel platform machine (`x86_64`) for platform wheels. */
  machine: string | null;
  wheel: { filename: string; path: string; sha256: string; distInfoDir: string };
  /** Every installed file (RECORD excluded: the installer rewrites it), sorted by scheme then path. */
  files: InstalledFile[];
  /** Executables the installer puts in the scripts directory (entry points and `.data/scripts`). */
  scripts: string[];
  /**
   * Files of `.data/scripts` that cannot run on Linux: no `#!` line and no ELF executable
   * (Windows `.cmd` files, shell snippets meant to be sourced). They are not installed.
   */
  unrunnableScripts: string[];
  requirements: Requirement[];
  providesExtra: string[];
  /**
   * The license files that are licenses (not lists of authors or notices): their zip paths. Their
   * texts are read later, when rendering copyright.
   */
  licenseMembers: string[];
}

const schemeOrder = ["purelib", "platlib", "scripts", "data", "headers"] as const;

/**
 * Computes the facts of a package; every guess is reported as a diagnostic. A license the
 * configuration gives wins over the wheel's; the license files' texts (by member path) are its
 * last source. `licenseUnsettled` is the error that says why nothing settles the license, for
 * planning to refuse the wheel with.
 */
export function packageFacts(
  pkg: WheelPackage,
  license?: ConfiguredLicense,
  licenseTexts?: ReadonlyMap<string, string>,
): {
  facts: PackageFacts;
  diagnostics: Diagnostic[];
  licenseUnsettled: Diagnostic | null;
} {
  const { metadata } = pkg;
  const diagnostics: Diagnostic[] = [];
  // Only the license files that are licenses say what the license is.
  const licenseFiles = sortLicenseFiles(pkg.licenseFiles, licenseTexts);
  if (licenseFiles.others.length > 0) {
    diagnostics.push(
      diagnostic(
        "license-file-not-a-license",
        "info",
        `${licenseFiles.others.join(", ")}: listed with the license files but no license; shipped, not read as one`,
        "License-File",
      ),
    );
  }
  const licensed = resolveLicense(
    metadata,
    license,
    licenseTexts &&
      new Map([...licenseTexts].filter(([path]) => licenseFiles.licenses.includes(path))),
  );
  diagnostics.push(...licensed.diagnostics);

  // A summary starts with a capital letter (Fedora: rpmlint summary-not-capitalized; Debian's
  // synopsis rules say the same).
  const summary = capitalized(shorten(metadata.summary ?? "", maxSummaryLength).replace(/\.$/, ""));
  const home = homepage(metadata);
  if (home === null) {
    diagnostics.push(
      diagnostic(
        "homepage-missing",
        "info",
        `METADATA gives no home page; the project's index page ${indexPage(metadata.normalizedName)} is the spec's URL and debian/copyright's Source (Debian's Homepage is left out: lintian pypi-homepage)`,
        "Home-page",
      ),
    );
  }
  if (summary === "") {
    diagnostics.push(
      diagnostic("summary-missing", "warning", "METADATA has no Summary", "Summary"),
    );
  }
  const licenseMembers = new Set(licenseFiles.licenses);
  const digests = new Map(
    pkg.record.map((row) => [
      row.path,
      row.hash === null ? null : `${row.hash.algorithm}=${row.hash.digest}`,
    ]),
  );
  const files: InstalledFile[] = pkg.members
    .filter((member) => !(member.distInfo && member.path === `${pkg.distInfoDir}/RECORD`))
    .map((member) => ({
      scheme: member.scheme,
      path: member.installPath,
      executable: member.executable,
      license: licenseMembers.has(member.path),
      shebang: member.shebang === true,
      elf: member.elf ?? null,
      findings: member.findings ?? [],
      digest: digests.get(member.path) ?? null,
      size: member.size,
    }));
  // The installer writes INSTALLER into dist-info; the package owns it like the rest.
  const rootScheme = pkg.wheel.rootIsPurelib ? "purelib" : "platlib";
  files.push({
    scheme: rootScheme,
    path: `${pkg.distInfoDir}/INSTALLER`,
    executable: false,
    license: false,
    shebang: false,
    digest: null,
    size: 4,
  });
  files.sort(
    (a, b) =>
      schemeOrder.indexOf(a.scheme) - schemeOrder.indexOf(b.scheme) || compare(a.path, b.path),
  );

  const scripts = new Set<string>();
  for (const entry of pkg.entryPoints) {
    if (entry.group === "console_scripts" || entry.group === "gui_scripts") scripts.add(entry.name);
  }
  const unrunnable: string[] = [];
  for (const file of files) {
    if (file.scheme !== "scripts") continue;
    // Only a verified read has seen the content; an unverified one keeps every script.
    if (pkg.verified && !file.shebang && file.elf == null) unrunnable.push(file.path);
    else scripts.add(file.path);
  }
  if (unrunnable.length > 0) {
    diagnostics.push(
      diagnostic(
        "script-not-runnable",
        "warning",
        `not installed in the scripts directory: ${unrunnable.join(", ")} (no #! line and not an executable, so not runnable on Linux); install what is useful (shell completions, say) by hand`,
        `${pkg.dataDir}/scripts`,
      ),
    );
  }
  // Script names become file names in /usr/bin and words in spec scriptlets and alternatives:
  // only plain names are accepted.
  for (const script of scripts) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(script)) {
      throw new UnsupportedWheelError(
        `the script name ${JSON.stringify(script)} is not a plain file name`,
        {
          file: pkg.filename.filename,
          member: `${pkg.distInfoDir}/entry_points.txt`,
        },
      );
    }
  }

  const facts: PackageFacts = {
    name: metadata.name,
    normalizedName: metadata.normalizedName,
    version: pkg.version,
    summary: summary === "" ? `The ${metadata.name} Python package` : summary,
    description: descriptionBlocks(
      metadata.description ?? "",
      metadata.descriptionContentType,
      summary,
      metadata.name,
    ),
    homepage: home ?? indexPage(metadata.normalizedName),
    upstreamHomepage: home,
    license: licensed.license,
    copyrightHolders: copyrightHolders(metadata),
    pure: pkg.tags.pure,
    machine: pkg.tags.machine,
    wheel: {
      filename: pkg.filename.filename,
      path: pkg.path,
      sha256: pkg.sha256 ?? "",
      distInfoDir: pkg.distInfoDir,
    },
    files,
    scripts: [...scripts].sort(compare),
    unrunnableScripts: unrunnable,
    requirements: metadata.requiresDist,
    providesExtra: metadata.providesExtra,
    licenseMembers: [...licenseMembers].sort(compare),
  };
  return { facts, diagnostics, licenseUnsettled: licensed.unsettled };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Home page: Home-page, else the Project-URL a packager would pick (homepage, source, …). */
function homepage(metadata: WheelPackage["metadata"]): string | null {
  const candidates = [metadata.homePage ?? ""];
  for (const preferred of [
    "homepage",
    "home",
    "source",
    "source code",
    "repository",
    "documentation",
  ]) {
    for (const { label, url } of metadata.projectUrls) {
      if (label.toLowerCase().replace(/[-_.]/g, " ").trim() === preferred) candidates.push(url);
    }
  }
  candidates.push(...metadata.projectUrls.map(({ url }) => url));
  return candidates.find((url) => /^https?:\/\/[^\s]+$/.test(url)) ?? null;
}

/** The project's page on the Python Package Index, where its wheels are published. */
function indexPage(normalizedName: string): string {
  return `https://pypi.org/project/${normalizedName}/`;
}

/** Names from Author / Maintainer (and their e-mail fields' display names), deduplicated. */
function copyrightHolders(metadata: WheelPackage["metadata"]): string[] {
  const names: string[] = [];
  for (const field of [metadata.author, metadata.maintainer]) {
    if (field) names.push(...field.split(/,|\band\b/).map((n) => n.trim()));
  }
  for (const field of [metadata.authorEmail, metadata.maintainerEmail]) {
    if (!field) continue;
    for (const address of field.split(",")) {
      const match = /^\s*"?([^"<]+?)"?\s*<[^>]+>\s*$/.exec(address);
      if (match?.[1]) names.push(match[1].trim());
    }
  }
  const unique = [...new Set(names.map((n) => shorten(n, 200)).filter(Boolean))];
  return unique.length > 0 ? unique : [`The ${metadata.name} authors`];
}
