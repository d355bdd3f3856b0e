/**
 * What the zip layer refuses, and why: members that could escape the install root or that are not
 * plain files, archives that declare absurd amounts of data, and yauzl's errors in our words.
 */
import type yauzl from "yauzl";
import { WheelError, type Location } from "../errors.js";
import type { ZipMember } from "./zip.js";

// A member this large that deflate shrank more than this is refused as a zip bomb: real files
// (even sparse data tables) stay far below 1000:1, bombs reach millions.
const RATIO_CHECK_MIN_SIZE = 1024 * 1024;
const MAX_COMPRESSION_RATIO = 1000;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Describes a central-directory record as a member, refusing symlinks and other non-regular
 * files, encryption, compression methods other than stored and deflate, and names with empty or
 * `.` segments (one file with two spellings could slip past the duplicate check).
 */
export function toMember(entry: yauzl.Entry, where: Location): ZipMember {
  const name = entry.fileName;
  const refuse = (message: string): never => {
    throw new WheelError(message, { ...where, member: name });
  };
  const mode = entry.externalFileAttributes >>> 16;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) refuse("symbolic link members are refused");
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    refuse(`not a regular file (mode ${mode.toString(8)})`);
  if (entry.isEncrypted()) refuse("encrypted members are not supported");
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    refuse(
      `unsupported compression method ${entry.compressionMethod} (wheels use deflate or stored)`,
    );
  }
  if (
    name
      .split("/")
      .some((part, index, parts) => part === "." || (part === "" && index < parts.length - 1))
  ) {
    refuse("member path has empty or '.' segments");
  }
  return {
    name,
    directory: name.endsWith("/"),
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    executable: type !== S_IFDIR && (mode & 0o111) !== 0,
    offset: entry.relativeOffsetOfLocalHeader,
  };
}

/**
 * Refuses duplicate names and zip bombs: a large member with an absurd compression ratio, or
 * members whose declared sizes add up to more than `maxTotal`. (A member whose real size differs
 * from its declared one is caught when it is read.)
 */
export function checkMembers(
  members: readonly ZipMember[],
  maxTotal: number,
  where: Location,
): void {
  const seen = new Set<string>();
  let total = 0;
  for (const member of members) {
    const at = { ...where, member: member.name };
    if (seen.has(member.name)) throw new WheelError("member appears twice in the archive", at);
    seen.add(member.name);
    if (
      member.size > RATIO_CHECK_MIN_SIZE &&
      member.size > MAX_COMPRESSION_RATIO * member.compressedSize
    ) {
      throw new WheelError(
        `zip bomb: ${member.compressedSize} compressed bytes claim to inflate to ${member.size}`,
        at,
      );
    }
    total += member.size;
    if (total > maxTotal) {
      throw new WheelError(
        `zip bomb: members declare more than ${maxTotal} bytes uncompressed`,
        where,
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
      member: unsafe[2] ?? "",
    });
  }
  if (message.startsWith("compressed/uncompressed size mismatch")) {
    return new WheelError(`zip bomb or corrupt archive: ${message}`, where);
  }
  return new WheelError(`not a valid zip archive (${message})`, where);
}
