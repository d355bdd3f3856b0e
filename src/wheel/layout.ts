/**
 * Where things are inside a wheel: the `.dist-info` and `.data` directories, the install scheme
 * of every member, and the license files.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { WheelError, type Location } from "../errors.js";
import { printableName } from "./printable-name.js";
import type { InstallScheme, RawMetadata, WheelFilename, WheelMember } from "./types.js";
import type { ZipMember } from "./zip-member.js";

const SCHEMES: ReadonlySet<string> = new Set<InstallScheme>([
  "purelib",
  "platlib",
  "scripts",
  "data",
  "headers",
]);

// Old setuptools copied these to the dist-info root without declaring them in License-File.
const CONVENTIONAL_LICENSE_NAME = /^(?:LICEN[CS]E|COPYING|NOTICE|AUTHORS)/i;

/** PEP 503 name normalization: runs of `-`, `_`, `.` are one `-`; case is ignored. */
export function normalizeDistributionName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

// File names escape `-` in versions as `_`; a leading `v` and case carry no meaning in PEP 440.
function normalizeVersionText(version: string): string {
  return version.toLowerCase().replace(/^v/, "").replace(/-/g, "_");
}

/** The wheel's top-level directories that matter: `<name>-<version>.dist-info` and `.data`. */
export interface WheelDirectories {
  distInfoDir: string;
  dataDir: string;
}

/**
 * Finds the one `.dist-info` directory and checks that its name and version match the file name
 * (names PEP 503-normalized, versions compared as text after light normalization). The `.data`
 * directory is the one whose name matches the same way; it need not exist.
 */
export function findDirectories(
  members: readonly ZipMember[],
  filename: WheelFilename,
  where: Location,
): WheelDirectories {
  const topLevel = new Set<string>();
  for (const member of members) {
    const slash = member.name.indexOf("/");
    if (slash > 0) topLevel.add(member.name.slice(0, slash));
  }
  const distInfos = [...topLevel].filter((dir) => dir.endsWith(".dist-info")).sort();
  if (distInfos.length === 0) throw new WheelError("the wheel has no .dist-info directory", where);
  if (distInfos.length > 1) {
    throw new WheelError(
      `the wheel has more than one .dist-info directory: ${distInfos.join(", ")}`,
      where,
    );
  }
  const distInfoDir = distInfos[0] ?? "";
  const stem = distInfoDir.slice(0, -".dist-info".length);
  const dash = stem.indexOf("-");
  const [name, version] = dash > 0 ? [stem.slice(0, dash), stem.slice(dash + 1)] : [stem, ""];
  const at = { ...where, member: `${distInfoDir}/` };
  if (normalizeDistributionName(name) !== normalizeDistributionName(filename.distribution)) {
    throw new WheelError(
      `${distInfoDir} does not match the distribution name "${filename.distribution}" of the file name`,
      at,
    );
  }
  if (normalizeVersionText(version) !== normalizeVersionText(filename.version)) {
    throw new WheelError(
      `${distInfoDir} does not match the version "${filename.version}" of the file name`,
      at,
    );
  }
  const matchesStem = (dir: string): boolean =>
    dir.endsWith(".data") &&
    normalizeDistributionName(dir.slice(0, -".data".length)) === normalizeDistributionName(stem);
  const dataDir = [...topLevel].sort().find(matchesStem) ?? `${stem}.data`;
  return { distInfoDir, dataDir };
}

/**
 * Maps every file (directories are skipped) to its install scheme, sorted by path: the root goes
 * to purelib or platlib per Root-Is-Purelib, `<data dir>/<scheme>/…` to that scheme, and
 * dist-info members to the root scheme. An unknown `.data` scheme is an error. With
 * `withContent`, each member also has the content facts of a verified read, all false until the
 * verification sets them.
 */
export function mapMembers(
  members: readonly ZipMember[],
  directories: WheelDirectories,
  rootIsPurelib: boolean,
  where: Location,
  withContent = false,
): WheelMember[] {
  const rootScheme: InstallScheme = rootIsPurelib ? "purelib" : "platlib";
  const distInfoPrefix = `${directories.distInfoDir}/`;
  const dataPrefix = `${directories.dataDir}/`;
  const mapped: WheelMember[] = [];
  for (const member of members) {
    if (member.directory) continue;
    const { name } = member;
    let scheme: InstallScheme = rootScheme;
    let installPath = name;
    if (name.startsWith(dataPrefix)) {
      const rest = name.slice(dataPrefix.length);
      const slash = rest.indexOf("/");
      const dataScheme = slash > 0 ? rest.slice(0, slash) : "";
      if (!SCHEMES.has(dataScheme)) {
        const found = slash > 0 ? `unknown scheme "${dataScheme}"` : "no scheme directory";
        throw new WheelError(
          `${found} under ${directories.dataDir}/ (expected purelib, platlib, scripts, data or headers)`,
          { ...where, member: name },
        );
      }
      scheme = dataScheme as InstallScheme;
      installPath = rest.slice(slash + 1);
    }
    const { size, executable } = member;
    const distInfo = name.startsWith(distInfoPrefix);
    // Literals with every field, not spread copies: a wheel may have 100,000 members, and these
    // take a quarter of the memory.
    mapped.push(
      withContent
        ? {
            path: name,
            scheme,
            installPath,
            size,
            executable,
            distInfo,
            shebang: false,
            elf: null,
            findings: [],
          }
        : { path: name, scheme, installPath, size, executable, distInfo },
    );
  }
  return mapped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * License files, sorted: each `License-File` (under `licenses/` from Metadata-Version 2.4, at the
 * dist-info root before; the other place is tried too, since tools moved at different times),
 * every file under `.dist-info/licenses/`, and conventional names (LICENSE*, COPYING*, NOTICE*,
 * AUTHORS*) at the dist-info root. A declared file that is absent yields a warning.
 */
export function findLicenseFiles(
  members: readonly WheelMember[],
  metadata: RawMetadata,
  distInfoDir: string,
  diagnostics: Diagnostic[],
): string[] {
  const paths = new Set(members.map((member) => member.path));
  const found = new Set<string>();
  const version = /^(\d+)\.(\d+)/.exec(metadata.fields.get("metadata-version")?.[0] ?? "");
  const modern =
    version !== null &&
    (Number(version[1]) > 2 || (Number(version[1]) === 2 && Number(version[2]) >= 4));
  for (const declared of metadata.fields.get("license-file") ?? []) {
    const inLicenses = `${distInfoDir}/licenses/${declared}`;
    const atRoot = `${distInfoDir}/${declared}`;
    const candidates = modern ? [inLicenses, atRoot] : [atRoot, inLicenses];
    const present = candidates.find((candidate) => paths.has(candidate));
    if (present === undefined) {
      diagnostics.push(
        diagnostic(
          "license-file-missing",
          "warning",
          printableName(
            `License-File ${declared} is not in the wheel (looked for ${candidates.join(", ")})`,
          ),
          "License-File",
        ),
      );
    } else {
      found.add(present);
    }
  }
  for (const path of paths) {
    if (path.startsWith(`${distInfoDir}/licenses/`)) found.add(path);
    const rest = path.startsWith(`${distInfoDir}/`) ? path.slice(distInfoDir.length + 1) : null;
    if (rest !== null && !rest.includes("/") && CONVENTIONAL_LICENSE_NAME.test(rest))
      found.add(path);
  }
  return [...found].sort();
}
