/**
 * Reading and hashing one zip member's data. The local header is read first (it says where the
 * data starts); a member whose compressed data is small is then taken from the reader's window
 * and inflated in one call, a larger one streams through inflate in 1 MiB chunks. Neither goes
 * through yauzl's streams: three stream objects and a 16 KiB inflate per member cost more than
 * the reading itself on wheels of many small files. The real size must equal the declared one.
 */
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { WheelError, type Location } from "../errors.js";
import { ElfCollector, isElfHead, type ElfFacts } from "./elf.js";
import type { StringSignature } from "./elf-strings.js";
import type { ContentCheck } from "./types.js";
import type { WindowedFileReader } from "./file-reader.js";
import { readLocalHeader } from "./local-header.js";
import type { ZipMember } from "./zip-member.js";

// Members up to this size (compressed and not) are read and inflated in one call (the call
// overhead dominates for small members); larger ones stream in 1 MiB chunks, so memory stays
// bounded by about 4 MiB of input and 4 MiB of output.
const ONE_SHOT_MAX_SIZE = 4 * 1024 * 1024;
const INFLATE_CHUNK_SIZE = 1024 * 1024;

/** Reads a member into memory (size checked against the declared one). */
export async function readMember(
  reader: WindowedFileReader,
  member: ZipMember,
  where: Location,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await inflateMember(reader, member, where, (chunk) => chunks.push(chunk));
  // A stored member's chunks are views of the reader's window: copy rather than keep it alive.
  return chunks.length === 1 && member.method !== 0 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/**
 * A member's digest (urlsafe base64, as RECORD writes it), real size, and what packaging needs
 * to know of its content, seen on the way: a `#!` start, ELF facts, what content checks found.
 */
export interface MemberDigest {
  digest: string;
  size: number;
  shebang: boolean;
  /** Dynamic-linking facts of an ELF file; null for other files. */
  elf: ElfFacts | null;
  /** What the content checks that apply to the member found. */
  findings: string[];
}

/** What a member's content is checked for while it is read. */
export interface ContentWatch {
  /** Searched for in an ELF file's strings. */
  signatures?: readonly StringSignature[];
  /** Run on the whole content of the members they apply to. */
  checks?: readonly ContentCheck[];
}

/**
 * Hashes a member's uncompressed bytes, noting what its content is on the way: an ELF file's
 * strings are searched for the watch's signatures, and its checks that apply are run.
 */
export async function hashMember(
  reader: WindowedFileReader,
  member: ZipMember,
  algorithm: string,
  where: Location,
  watch: ContentWatch = {},
): Promise<MemberDigest> {
  const hash = createHash(algorithm);
  // The first bytes tell whether the file starts with a `#!` line or is an ELF file.
  let head: Buffer | null = null;
  let seen = 0;
  let elf: ElfCollector | null = null;
  const checks = (watch.checks ?? []).filter((check) => check.applies(member.name, member.size));
  const kept: Buffer[] | null = checks.length > 0 ? [] : null;
  const size = await inflateMember(reader, member, where, (chunk) => {
    if (head === null || head.length < 4) {
      head = Buffer.concat([head ?? Buffer.alloc(0), chunk.subarray(0, 4)]);
      // (An ELF file whose first chunk is shorter than its magic is left unread.)
      if (seen === 0 && isElfHead(head)) elf = new ElfCollector(watch.signatures);
    }
    elf?.add(chunk, seen);
    kept?.push(chunk);
    seen += chunk.length;
    hash.update(chunk);
  });
  const shebang = (head as Buffer | null)?.toString("latin1", 0, 2) === "#!";
  const content = kept === null ? null : Buffer.concat(kept);
  const findings =
    content === null ? [] : checks.flatMap((check) => check.run(content, member.name));
  return {
    digest: hash.digest("base64url"),
    size,
    shebang,
    elf: (elf as ElfCollector | null)?.finish() ?? null,
    findings,
  };
}

/**
 * Feeds a member's uncompressed bytes to `use`, chunk by chunk (awaiting what it returns), and
 * returns their number. Throws
 * WheelError when the local header disagrees with the central directory, or the data inflates to
 * more or fewer bytes than declared, or to bytes whose CRC-32 is not the declared one (Python's
 * zipfile would refuse to install it), or is corrupt.
 */
export async function inflateMember(
  reader: WindowedFileReader,
  member: ZipMember,
  where: Location,
  use: (chunk: Buffer) => unknown,
): Promise<number> {
  const declared = member.size;
  let crc = 0;
  // What `use` returns is awaited when it is a promise: a consumer that writes the bytes on
  // (into an archive) holds the reading back until it has room.
  const check = (chunk: Buffer): unknown => {
    crc = zlib.crc32(chunk, crc);
    return use(chunk);
  };
  reader.ref();
  try {
    const { start } = await readLocalHeader(reader, member, where);
    let size: number;
    if (declared <= ONE_SHOT_MAX_SIZE && member.compressedSize <= ONE_SHOT_MAX_SIZE) {
      const compressed = await reader.bytes(start, member.compressedSize);
      const data = member.method === 0 ? compressed : inflateAll(compressed, declared, where);
      if (data.length !== declared) throw sizeMismatch(declared, data.length, where);
      await check(data);
      size = data.length;
    } else {
      size = await inflateStream(reader, member, start, where, check);
    }
    if (crc !== member.crc32) {
      throw new WheelError(
        `corrupt member: its CRC-32 is ${hex(crc)}, the central directory says ${hex(member.crc32)}`,
        where,
      );
    }
    return size;
  } catch (error) {
    throw streamError(error, where);
  } finally {
    reader.unref();
  }
}

/** Inflates a whole member held in memory; output past the declared size is an error. */
function inflateAll(compressed: Buffer, declared: number, where: Location): Buffer {
  try {
    return zlib.inflateRawSync(compressed, {
      // One output chunk for the whole member; the limit stops a lying member early.
      chunkSize: Math.max(64, Math.min(declared + 1, ONE_SHOT_MAX_SIZE)),
      maxOutputLength: declared + 1,
    });
  } catch (error) {
    // maxOutputLength was reached: more data than declared.
    if (error instanceof RangeError || errorCode(error) === "ERR_BUFFER_TOO_LARGE") {
      throw sizeMismatch(declared, "more", where);
    }
    throw error;
  }
}

/** Streams a large member's data from disk (through inflate unless stored). */
async function inflateStream(
  reader: WindowedFileReader,
  member: ZipMember,
  start: number,
  where: Location,
  use: (chunk: Buffer) => unknown,
): Promise<number> {
  const declared = member.size;
  const raw = reader.createReadStream({ start, end: start + member.compressedSize });
  const inflate =
    member.method === 0 ? null : zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_SIZE });
  if (inflate !== null) {
    raw.on("error", (error) => inflate.destroy(error));
    raw.pipe(inflate);
  }
  let size = 0;
  try {
    for await (const chunk of (inflate ?? raw) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > declared) throw sizeMismatch(declared, "more", where);
      await use(chunk);
    }
  } finally {
    if (!raw.readableEnded) {
      if (inflate !== null) raw.unpipe(inflate);
      raw.destroy();
    }
    inflate?.destroy();
  }
  if (size !== declared) throw sizeMismatch(declared, size, where);
  return size;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, "0")}`;
}

function sizeMismatch(declared: number, real: number | string, where: Location): WheelError {
  return new WheelError(
    `zip bomb or corrupt member: it declares ${declared} bytes but inflates to ${real}`,
    where,
  );
}

/** Maps read and zlib errors to WheelErrors naming the member. */
function streamError(error: unknown, where: Location): WheelError {
  if (error instanceof WheelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (errorCode(error)?.startsWith("Z_") === true) {
    return new WheelError(`corrupt compressed data (${message})`, where);
  }
  return new WheelError(`not a valid zip archive (${message})`, where);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
