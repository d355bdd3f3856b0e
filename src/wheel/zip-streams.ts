/**
 * Reading and hashing one zip member. Reading goes through yauzl's own inflate stream and its
 * `validateEntrySizes` check. Hashing, which touches every byte of a wheel, inflates the raw
 * deflate data itself: yauzl's inflate stream works in 16 KiB chunks, each a thread-pool round
 * trip, which made verifying scipy 2.5× slower than Python's zipfile. The size check is then ours.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type yauzl from "yauzl";
import { WheelError, type Location } from "../errors.js";
import { ElfCollector, isElfHead, type ElfFacts } from "./elf.js";

// Members up to this size are inflated in one call (the call overhead dominates for small
// members); larger ones stream in 1 MiB chunks so memory stays bounded.
const ONE_SHOT_MAX_SIZE = 4 * 1024 * 1024;
const INFLATE_CHUNK_SIZE = 1024 * 1024;

/** Reads a member into memory through yauzl (sizes validated by yauzl). */
export async function readEntry(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  where: Location,
): Promise<Buffer> {
  const stream = await openStream(zipfile, entry, false, where);
  const chunks = await collect(stream, where);
  return Buffer.concat(chunks);
}

/**
 * A member's digest (urlsafe base64, as RECORD writes it), real size, and what packaging needs
 * to know of its content, seen on the way: a `#!` start, ELF linking facts, remote resources.
 */
export interface MemberDigest {
  digest: string;
  size: number;
  shebang: boolean;
  /** Dynamic-linking facts of an ELF file; null for other files. */
  elf: ElfFacts | null;
  /** An HTML file that loads scripts, styles or images from the network. */
  remoteResources: boolean;
}

/** HTML files up to this size are searched for remote resources. */
const HTML_MAX_SIZE = 2 * 1024 * 1024;
/** A script, style sheet, image or frame loaded from another host. */
const REMOTE_RESOURCE =
  /<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i;

export async function hashEntry(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  algorithm: string,
  where: Location,
): Promise<MemberDigest> {
  const hash = createHash(algorithm);
  const declared = entry.uncompressedSize;
  const raw = await openStream(zipfile, entry, true, where);
  let size = 0;
  // The first bytes tell whether the file starts with a `#!` line or is an ELF file.
  let head: Buffer | null = null;
  let seen = 0;
  let elf: ElfCollector | null = null;
  const html: Buffer[] | null =
    /\.x?html?$/i.test(entry.fileName) && declared <= HTML_MAX_SIZE ? [] : null;
  const update = (chunk: Buffer) => {
    if (head === null || head.length < 4) {
      head = Buffer.concat([head ?? Buffer.alloc(0), chunk.subarray(0, 4)]);
      // (An ELF file whose first chunk is shorter than its magic is left unread.)
      if (seen === 0 && isElfHead(head)) elf = new ElfCollector();
    }
    elf?.add(chunk, seen);
    html?.push(chunk);
    seen += chunk.length;
    hash.update(chunk);
  };

  if (entry.compressionMethod === 0) {
    // Stored: yauzl already checked compressed size == declared size and counts the bytes.
    size = await consume(raw, where, update);
  } else if (declared <= ONE_SHOT_MAX_SIZE) {
    const chunks = await collect(raw, where);
    // Usually one chunk, a view of the reader's window: no copy needed just to inflate it.
    const compressed =
      chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
    let data: Buffer;
    try {
      data = zlib.inflateRawSync(compressed, {
        // One output chunk for the whole member; the limit stops a lying member early.
        chunkSize: Math.max(64, Math.min(declared + 1, ONE_SHOT_MAX_SIZE)),
        maxOutputLength: declared + 1,
      });
    } catch (error) {
      throw inflateError(error, declared, where);
    }
    size = data.length;
    update(data);
  } else {
    const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_SIZE });
    raw.on("error", (error) => inflate.destroy(error));
    raw.pipe(inflate);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > declared) break;
        update(chunk);
      }
    } catch (error) {
      throw inflateError(error, declared, where);
    } finally {
      if (!raw.readableEnded) {
        raw.unpipe(inflate);
        raw.destroy();
      }
    }
  }
  if (size !== declared) throw sizeMismatch(declared, size, where);
  const shebang = (head as Buffer | null)?.toString("latin1", 0, 2) === "#!";
  const remoteResources =
    html !== null && REMOTE_RESOURCE.test(Buffer.concat(html).toString("latin1"));
  return {
    digest: hash.digest("base64url"),
    size,
    shebang,
    elf: (elf as ElfCollector | null)?.finish() ?? null,
    remoteResources,
  };
}

function openStream(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  raw: boolean,
  where: Location,
): Promise<Readable> {
  // Only ever pass `decodeFileData: false`: yauzl 3.4 treats an explicit `true` as "do not
  // inflate" (it tests `!== true`), so decoding is asked for by leaving the option out.
  const options: yauzl.ZipFileOptions = raw ? { decodeFileData: false } : {};
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, options, (error, stream) => {
      if (error) reject(streamError(error, where));
      else resolve(stream);
    });
  });
}

/** Every chunk of a stream; on error the stream is destroyed (yauzl releases its file reference). */
async function collect(stream: Readable, where: Location): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  await consume(stream, where, (chunk) => chunks.push(chunk));
  return chunks;
}

/** Feeds each chunk to `use`; returns the number of bytes seen. */
async function consume(
  stream: Readable,
  where: Location,
  use: (chunk: Buffer) => unknown,
): Promise<number> {
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      use(chunk);
      size += chunk.length;
    }
  } catch (error) {
    throw streamError(error, where);
  }
  return size;
}

function sizeMismatch(declared: number, real: number | string, where: Location): WheelError {
  return new WheelError(
    `zip bomb or corrupt member: it declares ${declared} bytes but inflates to ${real}`,
    where,
  );
}

function inflateError(error: unknown, declared: number, where: Location): WheelError {
  if (error instanceof WheelError) return error;
  // inflateRawSync's maxOutputLength was reached: more data than declared.
  if (error instanceof RangeError || errorCode(error) === "ERR_BUFFER_TOO_LARGE") {
    return sizeMismatch(declared, "more", where);
  }
  return streamError(error, where);
}

/** Maps yauzl and zlib stream errors to WheelErrors naming the member. */
function streamError(error: unknown, where: Location): WheelError {
  if (error instanceof WheelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // yauzl's validateEntrySizes: "too many bytes in the stream…" / "not enough bytes in the stream…"
  if (/bytes in the stream/.test(message)) {
    return new WheelError(
      `zip bomb or corrupt member: real size differs from declared size (${message})`,
      where,
    );
  }
  if (errorCode(error)?.startsWith("Z_") === true) {
    return new WheelError(`corrupt compressed data (${message})`, where);
  }
  return new WheelError(`not a valid zip archive (${message})`, where);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
