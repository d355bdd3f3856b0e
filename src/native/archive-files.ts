/**
 * The files a distribution publishes about its archive (`Packages`, `Contents-<arch>`,
 * `repomd.xml`, `primary.xml`), opened as decompressed text wherever they are: a local file
 * (apt's lists, a copy the user keeps) or a mirror URL. One reader per file, never a process per
 * package name (docs/architecture.md, "Archive index").
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { PassThrough, Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { execa } from "execa";
import { Decompress } from "fzstd";
import { onFileSystem, UserError } from "../errors.js";

/** A file of an archive's metadata, opened: its text, and the date it carries. */
export interface OpenedArchiveFile {
  /** Decompressed bytes. */
  stream: Readable;
  /** The file's modification time, or the server's Last-Modified (else now), ISO 8601. */
  date: string;
}

/** Whether a location is a URL rather than a path. */
export function isUrl(location: string): boolean {
  return /^https?:\/\//.test(location);
}

/** `base` and a relative path joined as a URL or a path, as `base` is. */
export function resolveLocation(base: string, relative: string): string {
  if (isUrl(base)) return new URL(relative, base.endsWith("/") ? base : `${base}/`).href;
  return `${base.replace(/\/+$/, "")}/${relative}`;
}

/** A zstd stream decoded by fzstd (Node 20's zlib has no zstd). */
export function zstdDecoder(): Transform {
  let push: (chunk: Uint8Array) => void = () => undefined;
  const decoder = new Decompress((chunk) => {
    push(chunk);
  });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      push = (out) => this.push(Buffer.from(out));
      try {
        decoder.push(chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        decoder.push(new Uint8Array(0), true);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** apt's own decompressor of its lists (any compression apt uses), on every apt host. */
const aptHelper = "/usr/lib/apt/apt-helper";

/**
 * A tool that decompresses its standard input (`xz -dc`) or a file, as a stream stage. Its
 * output ends only once the tool has exited, and fails when the tool did: a tool that stops on
 * corrupt input has written a truncated stream, which must not pass for the whole file.
 */
function toolDecoder(source: Readable | null, tool: string, args: readonly string[]): Readable {
  const child = execa(tool, args, {
    ...(source === null ? { stdin: "ignore" as const } : { input: source }),
    buffer: false,
    reject: false,
  });
  const out = new PassThrough();
  child.stdout.pipe(out, { end: false });
  const drained = new Promise<void>((resolve) => child.stdout.once("close", resolve));
  void Promise.all([child, drained]).then(([result]) => {
    if (result.failed) out.destroy(new Error(`${tool} failed: ${result.shortMessage}`));
    else out.end();
  });
  return out;
}

/** `stream`, whose failure (a corrupt file, a dropped connection) is a UserError naming it. */
function named(stream: Readable, location: string): Readable {
  const out = new PassThrough();
  stream.on("error", (error) => {
    out.destroy(new UserError(`${location}: cannot be read: ${error.message}`, { file: location }));
  });
  return stream.pipe(out);
}

/** The decompressed stream of `raw`, by the compression the file name says. */
function decompressed(raw: Readable, name: string): Readable {
  if (name.endsWith(".gz")) return raw.pipe(createGunzip());
  if (name.endsWith(".zst")) return raw.pipe(zstdDecoder());
  if (name.endsWith(".xz")) return toolDecoder(raw, "xz", ["-dc"]);
  if (name.endsWith(".bz2")) return toolDecoder(raw, "bzip2", ["-dc"]);
  if (name.endsWith(".lz4")) return toolDecoder(raw, "lz4", ["-dc"]);
  return raw;
}

/**
 * Opens an archive metadata file, decompressed by its suffix (`.gz`, `.xz`, `.zst`, `.bz2`,
 * `.lz4`, or none). A missing file or an unreachable URL is a UserError naming it.
 */
export async function openArchiveFile(location: string): Promise<OpenedArchiveFile> {
  if (isUrl(location)) {
    let response: Response;
    try {
      response = await fetch(location);
    } catch (error) {
      throw new UserError(`cannot fetch ${location}: ${(error as Error).message}`, {
        field: "archive sources",
      });
    }
    if (!response.ok || response.body === null) {
      throw new UserError(`cannot fetch ${location}: HTTP ${response.status}`, {
        field: "archive sources",
      });
    }
    const modified = response.headers.get("last-modified");
    const date = modified === null ? new Date() : new Date(modified);
    const raw = Readable.fromWeb(response.body);
    const stream = named(decompressed(raw, new URL(location).pathname), location);
    return { stream, date: date.toISOString() };
  }
  const info = await onFileSystem(location, "cannot read the archive index", () => stat(location));
  if (location.endsWith(".lz4")) {
    // apt stores its lists lz4-compressed; apt-helper reads them where lz4 is not installed.
    const stream = toolDecoder(null, aptHelper, ["cat-file", location]);
    return { stream: named(stream, location), date: info.mtime.toISOString() };
  }
  const raw = createReadStream(location);
  return { stream: named(decompressed(raw, location), location), date: info.mtime.toISOString() };
}

/** The lines of a text stream, without their line ends. */
export function textLines(stream: Readable): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/** The modification time of a local file (ISO 8601), or null when it cannot be read. */
export async function fileDate(path: string): Promise<string | null> {
  try {
    return (await stat(path)).mtime.toISOString();
  } catch {
    return null;
  }
}
