/**
 * A member's local file header: the 30 bytes, name and extra field that precede its data. The
 * central directory says where it is and what it holds; the local header must say the same, or
 * tools that read one or the other (Python's zipfile checks the name, streaming unzippers trust
 * the local header) see different wheels, and the one wheel2pkg verified is not the one built.
 */
import yauzl from "yauzl";
import { WheelError, type Location } from "../errors.js";
import type { WindowedFileReader } from "./file-reader.js";
import { printableName } from "./printable-name.js";
import type { ZipMember } from "./zip-member.js";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const FIXED_SIZE = 30;
// Read with the fixed part so that one read nearly always covers the extra field too (extended
// timestamps, unix ids and zip64 sizes take 9 to 28 bytes).
const EXTRA_ALLOWANCE = 128;
const DATA_DESCRIPTOR = 0x0008;
const UTF8_NAME = 0x0800;
// Flags that change how the data or the name is read: encryption (traditional, strong, masked
// headers), a data descriptor, patched data, UTF-8 names.
const FLAGS_THAT_MATTER = 0x0001 | 0x0008 | 0x0020 | 0x0040 | 0x0800 | 0x2000;
const ZIP64_EXTRA = 0x0001;
const ZIP64_MARK = 0xffffffff;

/** Where a member's data is, once its local header has been read and checked. */
export interface MemberData {
  /** Offset of the first byte of the (compressed) data. */
  start: number;
}

/**
 * Reads the local header of `member`, checks it against the central directory record, and
 * returns where the data starts. Throws WheelError, naming the field, when the header is not
 * there, disagrees on the name bytes, the compression method, the flags that matter, or (unless
 * a data descriptor follows the data) the CRC-32 and sizes, or when the data would run into the
 * next member.
 */
export async function readLocalHeader(
  reader: WindowedFileReader,
  member: ZipMember,
  where: Location,
): Promise<MemberData> {
  const fail = (message: string): never => {
    throw new WheelError(message, where);
  };
  const disagree = (field: string, local: string | number, central: string | number): never =>
    fail(
      `the local header disagrees with the central directory on the ${field} (${local}, not ${central})`,
    );
  const available = member.end - member.offset;
  if (available < FIXED_SIZE) fail("not a valid zip archive (no room for the local header)");
  const centralNameLength = member.rawName?.length ?? member.name.length;
  let head = await reader.bytes(
    member.offset,
    Math.min(available, FIXED_SIZE + centralNameLength + EXTRA_ALLOWANCE),
  );
  if (head.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
    fail("not a valid zip archive (no local header where the central directory points)");
  }
  const flags = head.readUInt16LE(6);
  if ((flags & FLAGS_THAT_MATTER) !== (member.flags & FLAGS_THAT_MATTER)) {
    disagree("general-purpose flags", hex(flags), hex(member.flags));
  }
  const method = head.readUInt16LE(8);
  if (method !== member.method) disagree("compression method", method, member.method);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const headerLength = FIXED_SIZE + nameLength + extraLength;
  // (What runs past the next member cannot be the member's own: it is compared cut short.)
  if (head.length < Math.min(headerLength, available)) {
    head = await reader.bytes(member.offset, Math.min(headerLength, available));
  }
  const name = head.subarray(FIXED_SIZE, Math.min(FIXED_SIZE + nameLength, head.length));
  if (!sameName(name, member)) {
    const shown = name.toString((flags & UTF8_NAME) !== 0 ? "utf8" : "latin1");
    disagree("file name", `"${printableName(shown)}"`, `"${printableName(member.name)}"`);
  }
  const start = member.offset + headerLength;
  if (start + member.compressedSize > member.end) {
    fail("overlaps the next member or the central directory (its local header is longer)");
  }
  if ((member.flags & DATA_DESCRIPTOR) === 0) {
    const extra = head.subarray(FIXED_SIZE + nameLength, FIXED_SIZE + nameLength + extraLength);
    const sizes = localSizes(head, extra);
    if (sizes === null) fail("the local header's zip64 sizes are missing");
    const { crc32, compressedSize, size } = sizes as LocalSizes;
    if (crc32 !== member.crc32) disagree("CRC-32", hex(crc32), hex(member.crc32));
    if (compressedSize !== member.compressedSize)
      disagree("compressed size", compressedSize, member.compressedSize);
    if (size !== member.size) disagree("uncompressed size", size, member.size);
  }
  return { start };
}

/** Whether the local header's name bytes are the central directory's. */
function sameName(local: Buffer, member: ZipMember): boolean {
  if (member.rawName !== null) return local.equals(member.rawName);
  return local.length === member.name.length && local.toString("latin1") === member.name;
}

interface LocalSizes {
  crc32: number;
  compressedSize: number;
  size: number;
}

/** The CRC-32 and sizes the local header declares, its zip64 field read where it says so. */
function localSizes(head: Buffer, extra: Buffer): LocalSizes | null {
  let size = head.readUInt32LE(22);
  let compressedSize = head.readUInt32LE(18);
  if (size === ZIP64_MARK || compressedSize === ZIP64_MARK) {
    let field: Buffer | undefined;
    try {
      field = yauzl.parseExtraFields(extra).find((f) => f.id === ZIP64_EXTRA)?.data;
    } catch {
      return null;
    }
    let at = 0;
    if (field !== undefined && size === ZIP64_MARK && field.length >= at + 8) {
      size = Number(field.readBigUInt64LE(at));
      at += 8;
    }
    if (field !== undefined && compressedSize === ZIP64_MARK && field.length >= at + 8) {
      compressedSize = Number(field.readBigUInt64LE(at));
    }
    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK) return null;
  }
  return { crc32: head.readUInt32LE(14), compressedSize, size };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(4, "0")}`;
}
