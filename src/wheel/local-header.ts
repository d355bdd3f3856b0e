/**
 * A member's local file header: the 30 bytes, name and extra field that precede its data. The
 * central directory says where it is; the header says where the data starts.
 */
import { WheelError, type Location } from "../errors.js";
import type { WindowedFileReader } from "./file-reader.js";
import type { ZipMember } from "./zip.js";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const FIXED_SIZE = 30;
// Read with the fixed part so that one read nearly always covers the extra field too (extended
// timestamps, unix ids and zip64 sizes take 9 to 28 bytes).
const EXTRA_ALLOWANCE = 128;

/** Where a member's data is, once its local header has been read and checked. */
export interface MemberData {
  /** Offset of the first byte of the (compressed) data. */
  start: number;
}

/**
 * Reads the local header of `member` and returns where its data starts. Throws WheelError when
 * the header is not there or the data would run past the end of the file.
 */
export async function readLocalHeader(
  reader: WindowedFileReader,
  member: ZipMember,
  where: Location,
): Promise<MemberData> {
  const fail = (message: string): never => {
    throw new WheelError(message, where);
  };
  const available = reader.size - member.offset;
  if (available < FIXED_SIZE) fail("not a valid zip archive (local header past the end)");
  const head = await reader.bytes(
    member.offset,
    Math.min(available, FIXED_SIZE + member.name.length * 3 + EXTRA_ALLOWANCE),
  );
  if (head.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
    fail("not a valid zip archive (no local header where the central directory points)");
  }
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const start = member.offset + FIXED_SIZE + nameLength + extraLength;
  if (start + member.compressedSize > reader.size) {
    fail("not a valid zip archive (member data runs past the end of the file)");
  }
  return { start };
}
