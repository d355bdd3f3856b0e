import type { Diagnostic } from "../diagnostics.js";
import type { ElfFacts } from "./elf.js";
import type { StringSignature } from "./elf-strings.js";
import type { PythonImport } from "./python-imports.js";

/** The parts of a wheel's file name (PEP 427 / binary distribution format). */
export interface WheelFilename {
  /** The file name as given, without directories. */
  filename: string;
  /** Distribution name as written in the file name (underscores for separators). */
  distribution: string;
  /** Version as written in the file name. */
  version: string;
  /** Optional build tag: a number followed by an optional string. */
  buildTag: { number: number; suffix: string } | null;
  /** Dot-compressed tag sets, expanded, in file-name order. */
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** The `.dist-info/WHEEL` file. */
export interface WheelInfo {
  wheelVersion: { major: number; minor: number };
  generator: string | null;
  rootIsPurelib: boolean;
  /** `Tag:` lines, e.g. `py3-none-any`. */
  tags: string[];
  build: string | null;
}

/** METADATA as read from the email-header format, before validation. */
export interface RawMetadata {
  /** Header values by lower-cased field name, in order of appearance (multiple-use fields repeat). */
  fields: ReadonlyMap<string, readonly string[]>;
  /** The message body (the long description, when given there), or "" when absent. */
  body: string;
}

/** One row of `.dist-info/RECORD`. */
export interface RecordEntry {
  path: string;
  /** `null` for RECORD itself (and signature files), which carry no hash. */
  hash: { algorithm: string; digest: string } | null;
  size: number | null;
}

/** Where a member of the wheel is installed (PEP 427 `.data/` categories plus the root). */
export type InstallScheme = "purelib" | "platlib" | "scripts" | "data" | "headers";

/** One file of the wheel, as installed. */
export interface WheelMember {
  /** Path inside the zip. */
  path: string;
  /** Install scheme the file goes to. dist-info members use the root scheme. */
  scheme: InstallScheme;
  /** Path relative to the scheme's directory (the `.data/<scheme>/` prefix removed). */
  installPath: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** Whether the zip entry has an executable bit set (unix external attributes). */
  executable: boolean;
  /** True for files inside `<name>-<version>.dist-info/`. */
  distInfo: boolean;
  /** Whether the content starts with `#!`; known only after a verified read. */
  shebang?: boolean;
  /** Dynamic-linking facts of an ELF file (null otherwise); known only after a verified read. */
  elf?: ElfFacts | null;
  /** What the read's content checks found in the file; known only after a verified read. */
  findings?: string[];
  /**
   * The imports a Python module of site-packages states; read by a verified read of a wheel
   * whose commands could need an extra (see `module-imports.ts`), absent otherwise.
   */
  imports?: PythonImport[];
}

/** What a verified read saw of a member's content. */
export interface ContentFacts {
  shebang: boolean;
  elf: ElfFacts | null;
  /** What the content checks found (see {@link ContentCheck}). */
  findings: string[];
}

/**
 * A check of a member's whole content that a later stage has the verified read run, so that the
 * wheel is read once (lintian's privacy-breach check on web files, for the Debian family).
 */
export interface ContentCheck {
  /** Whether a member is checked, by its path in the wheel and its size: its bytes are kept. */
  applies(path: string, size: number): boolean;
  /** What the check finds in the content, as names the stage that asked knows. */
  run(content: Buffer, path: string): string[];
}

/** One entry point from `entry_points.txt`. */
export interface EntryPoint {
  group: string;
  name: string;
  /** `module:attr` (attr may be dotted, or absent). */
  value: string;
  module: string;
  attr: string | null;
  extras: string[];
  /** Extras the model dropped as no PEP 685 names (absent when there were none). */
  invalidExtras?: string[];
}

/** Everything wheel2pkg reads from a wheel file. */
export interface WheelContents {
  /** Path of the wheel on disk. */
  path: string;
  filename: WheelFilename;
  /** e.g. `six-1.16.0.dist-info` */
  distInfoDir: string;
  /** e.g. `six-1.16.0.data` */
  dataDir: string;
  wheel: WheelInfo;
  metadata: RawMetadata;
  record: RecordEntry[];
  entryPoints: EntryPoint[];
  /** Every file (not directories), sorted by path. */
  members: WheelMember[];
  /** License files: paths inside the zip (from License-File and `.dist-info/licenses/`). */
  licenseFiles: string[];
  /** The license files' bytes by member path, when `licenseBodies` was asked for; else empty. */
  licenseBodies: ReadonlyMap<string, Buffer>;
  /** Whether every member's bytes were checked against RECORD. */
  verified: boolean;
  /** Size of the wheel file in bytes. */
  size: number;
  /** sha256 of the wheel file (hex), when computed (verified reads). */
  sha256: string | null;
  /**
   * Last-modified time of the METADATA member (zip timestamps read as UTC): a reproducible date
   * for changelogs when SOURCE_DATE_EPOCH is not set.
   */
  metadataTime: Date;
  /** Notes about the wheel that did not stop the read (newer Wheel-Version, missing License-File…). */
  diagnostics: Diagnostic[];
}

/** Options of readWheel. */
export interface ReadWheelOptions {
  /**
   * Check every member's sha256 and size against RECORD (default true). `inspect` turns it off
   * and then reads only the central directory and the dist-info members it needs.
   */
  verify?: boolean;
  /** Limits past which the wheel is refused unread; each unset one takes its default. */
  limits?: Partial<WheelLimits>;
  /** Also read the license files' bytes (`WheelContents.licenseBodies`), in the same open. */
  licenseBodies?: boolean;
  /** Patterns to look for in the strings of ELF members (`ElfFacts.signatures`), when verifying. */
  elfSignatures?: readonly StringSignature[];
  /** Checks of members' content (`WheelMember.findings`), when verifying. */
  contentChecks?: readonly ContentCheck[];
}

/** What a wheel may declare before it is refused (wheel2pkg.toml's `[limits]`). */
export interface WheelLimits {
  /** Most members (central-directory records, directories included). */
  members: number;
  /** Most bytes the members may declare uncompressed, all together. */
  unpackedSize: number;
  /** Most bytes the members may declare per byte of the wheel file (beyond the first 64 MiB). */
  unpackedRatio: number;
  /** Most times a member may inflate its compressed size (members up to 64 KiB are exempt). */
  compressionRatio: number;
}

/** Options of readWheelMember and readWheelMembers. */
export interface ReadMemberOptions {
  /** Refuse a member larger than this many bytes (default 64 MiB). */
  maxSize?: number;
  /** As for readWheel. */
  limits?: Partial<WheelLimits>;
}
