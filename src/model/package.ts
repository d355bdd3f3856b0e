/**
 * The validated, immutable model of one wheel: what every later stage (mapping, targets,
 * lint) reads. Built from the reader's WheelContents; nothing here touches the disk.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { MetadataError, UnsupportedWheelError, WheelError } from "../errors.js";
import type {
  EntryPoint,
  RecordEntry,
  WheelContents,
  WheelFilename,
  WheelInfo,
  WheelMember,
} from "../wheel/types.js";
import { commandImports, type CommandImports } from "./command-imports.js";
import { parseMetadata, type Metadata } from "./metadata.js";
import { isValidExtra, normalizeName } from "./name.js";
import { analyzeWheelTags, type WheelTags } from "./tags.js";
import { compareVersions, formatVersion, parseVersion, type Pep440Version } from "./version.js";

/** A wheel as wheel2pkg understands it: validated metadata, tags, files and entry points. */
export interface WheelPackage {
  /** Path of the wheel on disk. */
  readonly path: string;
  readonly filename: Readonly<WheelFilename>;
  readonly wheel: Readonly<WheelInfo>;
  readonly metadata: Readonly<Metadata>;
  /** Distribution name as written in METADATA. */
  readonly name: string;
  /** PEP 503 normalized name. */
  readonly normalizedName: string;
  /** Canonical PEP 440 version (`1.0rc1`), from METADATA. */
  readonly version: string;
  readonly parsedVersion: Readonly<Pep440Version>;
  readonly tags: Readonly<WheelTags>;
  /** e.g. `six-1.16.0.dist-info` */
  readonly distInfoDir: string;
  /** e.g. `six-1.16.0.data` */
  readonly dataDir: string;
  readonly members: readonly WheelMember[];
  readonly record: readonly RecordEntry[];
  /** Every entry point, all groups. */
  readonly entryPoints: readonly EntryPoint[];
  /** `console_scripts` entry points: commands to install. */
  readonly consoleScripts: readonly EntryPoint[];
  /** `gui_scripts` entry points. */
  readonly guiScripts: readonly EntryPoint[];
  /**
   * What each console and GUI script imports, read from the wheel's source text (empty unless a
   * verified read looked: a wheel with commands and extras).
   */
  readonly commandImports: readonly CommandImports[];
  /** License files: paths inside the wheel. */
  readonly licenseFiles: readonly string[];
  /** Whether every member was checked against RECORD. */
  readonly verified: boolean;
  readonly size: number;
  readonly sha256: string | null;
  /** Last-modified time of METADATA in the zip: a reproducible date for changelogs. */
  readonly metadataTime: Date;
}

/** Freezes an object graph of plain objects and arrays, so the model cannot be edited later. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Version of a file name or directory: `-` may have been escaped as `_`. */
function parseEscapedVersion(text: string): Pep440Version | null {
  return parseVersion(text) ?? parseVersion(text.replace(/_/g, "-"));
}

/** The wheel's `name-version` parts of the `.dist-info` directory, if it has that shape. */
function splitDistInfo(dir: string): { name: string; version: string } | null {
  const m = /^(.+)-([^-]+)\.dist-info$/.exec(dir);
  return m ? { name: m[1] ?? "", version: m[2] ?? "" } : null;
}

/** Problems where METADATA disagrees with the file name or the `.dist-info` directory. */
function identityProblems(
  contents: WheelContents,
  metadata: Metadata,
  version: Pep440Version,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const dirParts = splitDistInfo(contents.distInfoDir);
  const places: [string, string, string][] = [
    ["file name", contents.filename.distribution, contents.filename.version],
  ];
  if (dirParts) places.push([contents.distInfoDir, dirParts.name, dirParts.version]);
  for (const [where, name, rawVersion] of places) {
    if (normalizeName(name) !== metadata.normalizedName) {
      problems.push({
        field: "Name",
        message: `METADATA says ${JSON.stringify(metadata.name)}, the ${where} says ${JSON.stringify(name)}`,
      });
    }
    const other = parseEscapedVersion(rawVersion);
    if (other === null || compareVersions(other, version) !== 0) {
      problems.push({
        field: "Version",
        message: `METADATA says ${JSON.stringify(metadata.version)}, the ${where} says ${JSON.stringify(rawVersion)}`,
      });
    }
  }
  return problems;
}

/**
 * Builds the validated WheelPackage from a read wheel: parses and validates METADATA, analyzes
 * the tags, checks that METADATA's Name and Version match the file name and the `.dist-info`
 * directory (normalized), and separates console/gui scripts. The returned diagnostics are the
 * reader's followed by the model's. Throws MetadataError with every
 * problem, or UnsupportedWheelError for a Wheel-Version this tool cannot read.
 */
export function buildPackage(contents: WheelContents): {
  pkg: WheelPackage;
  diagnostics: Diagnostic[];
} {
  const source = `${contents.filename.filename}: ${contents.distInfoDir}/METADATA`;
  if (contents.wheel.wheelVersion.major !== 1) {
    const { major, minor } = contents.wheel.wheelVersion;
    throw new UnsupportedWheelError(
      `${contents.filename.filename} has Wheel-Version ${major}.${minor}; wheel2pkg reads version 1 wheels`,
    );
  }
  const parsed = parseMetadata(contents.metadata, source);
  const { metadata } = parsed;
  const diagnostics = [...contents.diagnostics, ...parsed.diagnostics];
  // parseMetadata has validated the version, so this only narrows the type.
  const version = parseVersion(metadata.version);
  if (version === null) throw new MetadataError(source, [{ field: "Version", message: "invalid" }]);
  const problems = identityProblems(contents, metadata, version);
  if (problems.length > 0) throw new MetadataError(source, problems);

  const tags = analyzeWheelTags(contents.filename);
  const fromName = expandTags(contents.filename);
  const fromWheel = [...new Set(contents.wheel.tags)].sort();
  if (fromWheel.length > 0 && fromWheel.join(" ") !== fromName.join(" ")) {
    diagnostics.push(
      diagnostic(
        "wheel-tags-mismatch",
        "warning",
        `WHEEL lists tags ${fromWheel.join(", ")} but the file name says ${fromName.join(", ")}; using the file name`,
        "Tag",
      ),
    );
  }

  const entryPoints = checkedEntryPoints(contents, diagnostics);
  const pkg: WheelPackage = {
    path: contents.path,
    filename: contents.filename,
    wheel: contents.wheel,
    metadata,
    name: metadata.name,
    normalizedName: metadata.normalizedName,
    version: formatVersion(version),
    parsedVersion: version,
    tags,
    distInfoDir: contents.distInfoDir,
    dataDir: contents.dataDir,
    // New arrays (the reader's stay editable); their entries are shared and frozen with the
    // model. Copying every member would cost more than reading a large wheel's listing.
    members: [...contents.members],
    record: [...contents.record],
    entryPoints,
    consoleScripts: entryPoints.filter((e) => e.group === "console_scripts"),
    guiScripts: entryPoints.filter((e) => e.group === "gui_scripts"),
    commandImports: commandImports(
      contents.members,
      entryPoints.filter((e) => e.group === "console_scripts" || e.group === "gui_scripts"),
    ),
    licenseFiles: contents.licenseFiles,
    verified: contents.verified,
    size: contents.size,
    sha256: contents.sha256,
    metadataTime: contents.metadataTime,
  };
  return { pkg: deepFreeze(pkg), diagnostics };
}

/**
 * The entry points with only valid extras (PEP 685; an invalid one is dropped with a warning,
 * as for Provides-Extra). A script's name becomes a file in the scripts directory when the
 * installer runs, so a name that is no single file name (`/`, `\`, `.`, `..`, control
 * characters) is refused: it could write outside that directory.
 */
function checkedEntryPoints(contents: WheelContents, diagnostics: Diagnostic[]): EntryPoint[] {
  const where = {
    file: contents.filename.filename,
    member: `${contents.distInfoDir}/entry_points.txt`,
  };
  return contents.entryPoints.map((entry) => {
    if (entry.group === "console_scripts" || entry.group === "gui_scripts") {
      // eslint-disable-next-line no-control-regex
      if (/[/\\\u0000-\u001f\u007f-\u009f]/.test(entry.name) || /^\.{1,2}$/.test(entry.name)) {
        throw new WheelError(
          `the ${entry.group} entry point ${JSON.stringify(entry.name)} is not a file name: the installer would write the script outside the scripts directory`,
          { ...where, field: entry.group },
        );
      }
    }
    const invalid = entry.extras.filter((extra) => !isValidExtra(extra));
    if (invalid.length === 0) return entry;
    diagnostics.push(
      diagnostic(
        "entry-point-extra-invalid",
        "warning",
        `entry point ${JSON.stringify(entry.name)} in [${entry.group}]: invalid extra name${invalid.length > 1 ? "s" : ""} ${invalid.map((e) => JSON.stringify(e)).join(", ")} (PEP 685) dropped`,
        entry.group,
      ),
    );
    return { ...entry, extras: entry.extras.filter(isValidExtra), invalidExtras: invalid };
  });
}

/** Every `python-abi-platform` combination the file name's compressed tag sets stand for. */
function expandTags(filename: WheelFilename): string[] {
  const tags = filename.pythonTags.flatMap((py) =>
    filename.abiTags.flatMap((abi) => filename.platformTags.map((plat) => `${py}-${abi}-${plat}`)),
  );
  return [...new Set(tags)].sort();
}
