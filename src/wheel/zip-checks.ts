/**
 * What the zip layer refuses, and why: members that could escape the install root or that are not
 * plain files, archives that declare absurd amounts of data, and yauzl's errors in our words.
 */
import yauzl from "yauzl";
import { WheelError, type Location } from "../errors.js";
import type { WheelLimits } from "./types.js";
import type { ZipMember } from "./zip-member.js";
import { firstControlCharacter, printableName } from "./printable-name.js";
import { exceedsRatio, limitError, ratioBudget } from "./zip-limits.js";

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

const PATCHED_DATA = 0x0020;
const UTF8_NAME = 0x0800;
const UNICODE_PATH = 0x7075;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LOCAL_HEADER_SIZE = 30;

// An empty segment (a leading or doubled slash; a trailing one marks a directory) or a `.` one.
const EMPTY_OR_DOT_SEGMENT = /^\/|\/\/|(?:^|\/)\.(?:\/|$)/;

/**
 * Describes a central-directory record as a member, refusing symlinks and other non-regular
 * files, encryption, compression methods other than stored and deflate, and names with empty or
 * `.` segments (one file with two spellings could slip past the duplicate check).
 */
export function toMember(entry: yauzl.Entry, where: Location): ZipMember {
  const name = entry.fileName;
  // The name as Python's zipfile, which installs the wheel, reads it from the header: UTF-8, or
  // CP437 whose bytes 0x00–0x1f and 0x7f are control characters (yauzl shows them as glyphs).
  const raw = entry.fileNameRaw;
  const header = entry.extraFields.some((field) => field.id === UNICODE_PATH)
    ? yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, [], true)
    : name;
  const installed =
    (entry.generalPurposeBitFlag & UTF8_NAME) !== 0 || !hasControlByte(raw)
      ? header
      : withControlBytes(header, raw);
  const refuse = (message: string): never => {
    throw new WheelError(message, { ...where, member: printableName(installed) });
  };
  const control = firstControlCharacter(installed) ?? firstControlCharacter(name);
  if (control !== null) refuse(`member name holds a control character (${control})`);
  // Info-ZIP's Unicode Path field renames the member for yauzl but not for Python's zipfile:
  // the name checked here must be the one installed.
  if (header !== name) {
    refuse(`its Unicode Path extra field names it "${printableName(name)}" instead`);
  }
  const mode = entry.externalFileAttributes >>> 16;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) refuse("symbolic link members are refused");
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    refuse(`not a regular file (mode ${mode.toString(8)})`);
  if (entry.isEncrypted()) refuse("encrypted members are not supported");
  // Python's zipfile cannot read patched data.
  if ((entry.generalPurposeBitFlag & PATCHED_DATA) !== 0) refuse("patched data is not supported");
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    refuse(
      `unsupported compression method ${entry.compressionMethod} (wheels use deflate or stored)`,
    );
  }
  if (EMPTY_OR_DOT_SEGMENT.test(name)) refuse("member path has empty or '.' segments");
  return {
    name,
    directory: name.endsWith("/"),
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    method: entry.compressionMethod,
    crc32: entry.crc32,
    flags: entry.generalPurposeBitFlag,
    rawName:
      PRINTABLE_ASCII.test(name) && entry.fileNameRaw.length === name.length
        ? null
        : Buffer.from(entry.fileNameRaw),
    executable: type !== S_IFDIR && (mode & 0o111) !== 0,
    offset: entry.relativeOffsetOfLocalHeader,
    end: 0,
    modified: entry.getLastModDate({ timezone: "UTC" }).getTime(),
  };
}

/**
 * Refuses a member whose declared size is out of proportion to its compressed size, or that
 * takes the members' declared total (`unpacked` so far) past the unpacked-size limit or past
 * `unpackedRatio` times the wheel's own size; returns the new total. All of it before anything
 * is inflated: a lying size would be caught when the member is read, but only then.
 */
export function checkDeclaredSizes(
  member: ZipMember,
  unpacked: number,
  wheelSize: number,
  limits: WheelLimits,
  where: Location,
): number {
  const { size, compressedSize: compressed } = member;
  if (exceedsRatio(size, compressed, limits.compressionRatio)) {
    const ratio = compressed === 0 ? "∞" : Math.round(size / compressed).toString();
    throw limitError(
      "compressionRatio",
      `zip bomb: ${compressed} compressed bytes inflate to ${size} (${ratio}:1), more than the ${limits.compressionRatio}:1 allowed`,
      { ...where, member: member.name },
    );
  }
  const total = unpacked + size;
  if (total > limits.unpackedSize) {
    throw limitError(
      "unpackedSize",
      `zip bomb: the members declare more than the ${limits.unpackedSize} bytes allowed unpacked`,
      where,
    );
  }
  if (total > ratioBudget(wheelSize, limits)) {
    throw limitError(
      "unpackedRatio",
      `zip bomb: the members declare more than ${limits.unpackedRatio} times the wheel's ${wheelSize} bytes (and 64 MiB)`,
      where,
    );
  }
  return total;
}

/**
 * Sets each member's {@link ZipMember.end}: the offset of the next local header in the file, or
 * of the central directory. Refuses members that share a header or whose fixed header, name and
 * data (the extra field is known only once the header is read) already run into the next one.
 */
export function setEnds(
  members: readonly ZipMember[],
  directoryStart: number,
  where: Location,
): void {
  const inFileOrder = [...members].sort((a, b) => a.offset - b.offset);
  for (const [index, member] of inFileOrder.entries()) {
    member.end = inFileOrder[index + 1]?.offset ?? directoryStart;
    const nameLength = member.rawName?.length ?? member.name.length;
    if (member.offset + LOCAL_HEADER_SIZE + nameLength + member.compressedSize > member.end) {
      throw new WheelError(
        "overlaps the next member or the central directory (a zip bomb reuses data that way)",
        { ...where, member: member.name },
      );
    }
  }
}

/** Turns a yauzl open/listing error into a WheelError: unsafe names keep their member. */
export function zipError(error: unknown, where: Location): WheelError {
  if (error instanceof WheelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // yauzl's validateFileName messages are "<reason>: <file name>".
  const unsafe =
    /^(invalid characters in fileName|absolute path|invalid relative path): (.*)$/s.exec(message);
  if (unsafe !== null) {
    return new WheelError(`unsafe member path (${unsafe[1] ?? ""})`, {
      ...where,
      member: printableName(unsafe[2] ?? ""),
    });
  }
  if (message.startsWith("compressed/uncompressed size mismatch")) {
    return new WheelError(`zip bomb or corrupt archive: ${message}`, where);
  }
  return new WheelError(`not a valid zip archive (${printableName(message)})`, where);
}

function hasControlByte(raw: Buffer): boolean {
  for (const byte of raw) if (byte < 0x20 || byte === 0x7f) return true;
  return false;
}

/** A CP437 name with its control bytes as the characters Python reads, not yauzl's glyphs. */
function withControlBytes(header: string, raw: Buffer): string {
  let name = "";
  for (let i = 0; i < header.length; i++) {
    const byte = raw[i] ?? 0x20;
    name += byte < 0x20 || byte === 0x7f ? String.fromCharCode(byte) : header.charAt(i);
  }
  return name;
}
