/**
 * Writing a binary package's archives as streams: a tar archive (tar-stream) through xz
 * (liblzma, through node-liblzma) into a file, and the `ar`
 * archive a .deb is (`debian-binary`, `control.tar.*`, `data.tar.*`). No member is held in memory
 * whole beyond the reader's chunks; the ar archive copies the compressed tar files from disk.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { once } from "node:events";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { check, createXz } from "node-liblzma";
import tar from "tar-stream";

/**
 * The xz stream at `preset`: one thread and fixed settings (CRC64, as dpkg-deb), so that the same
 * tar gives the same bytes.
 */
function compressor(preset: number): NodeJS.ReadWriteStream {
  return createXz({ preset, threads: 1, check: check.CRC64 });
}

/** A tar member: a directory, or a file whose bytes are written by `write`. */
export interface TarMember {
  /** Relative path, `./` first, directories ending in `/`. */
  name: string;
  mode: number;
  size: number;
  /** Writes the file's bytes (exactly `size`) through `push`, awaiting what it returns. */
  write?: (push: (chunk: Buffer) => Promise<void>) => Promise<void>;
}

/**
 * Writes a tar archive of `members` (in the order given), xz-compressed at `preset`, to `file`. Owners are root,
 * every time is `mtime` (seconds), as dpkg-deb writes a package built with `--root-owner-group`
 * and SOURCE_DATE_EPOCH.
 */
export async function writeTar(
  file: string,
  members: AsyncIterable<TarMember> | Iterable<TarMember>,
  mtime: number,
  preset: number,
): Promise<void> {
  const pack = tar.pack();
  // liblzma reports an empty input chunk as an error ("no progress"): none reaches it.
  const nonEmpty = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.length > 0 ? chunk : undefined);
    },
  });
  const written = pipeline(pack, nonEmpty, compressor(preset), createWriteStream(file));
  const date = new Date(mtime * 1000);
  try {
    for await (const member of members) {
      const header = {
        name: member.name,
        mode: member.mode,
        uid: 0,
        gid: 0,
        uname: "root",
        gname: "root",
        mtime: date,
        size: member.write === undefined ? 0 : member.size,
        type: member.write === undefined ? ("directory" as const) : ("file" as const),
      };
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry(header, (error) => {
          if (error) reject(error);
          else resolve();
        });
        if (member.write === undefined) return;
        const push = async (chunk: Buffer): Promise<void> => {
          if (!entry.write(chunk)) await once(entry, "drain");
        };
        member.write(push).then(
          () => {
            (entry as NodeJS.WritableStream).end();
          },
          (error: unknown) => {
            entry.destroy(error instanceof Error ? error : new Error(String(error)));
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    throw error;
  }
  await written;
}

/** One `ar` member header: name, time, owner 0, group 0, mode 100644, size. */
function arHeader(name: string, mtime: number, size: number): Buffer {
  const field = (value: string, width: number) => value.padEnd(width, " ").slice(0, width);
  return Buffer.from(
    field(name, 16) +
      field(String(mtime), 12) +
      field("0", 6) +
      field("0", 6) +
      field("100644", 8) +
      field(String(size), 10) +
      "`\n",
    "latin1",
  );
}

/**
 * Writes the .deb: the `ar` archive of `debian-binary` (format 2.0) and the two compressed tar
 * files, each member padded to an even length, as dpkg-deb writes it.
 */
export async function writeDeb(
  file: string,
  members: readonly { name: string; path: string }[],
  mtime: number,
): Promise<void> {
  const sizes = await Promise.all(members.map(async (m) => (await stat(m.path)).size));
  async function* parts(): AsyncGenerator<Buffer> {
    yield Buffer.from("!<arch>\n");
    yield arHeader("debian-binary", mtime, 4);
    yield Buffer.from("2.0\n");
    for (const [index, member] of members.entries()) {
      const size = sizes[index] ?? 0;
      yield arHeader(member.name, mtime, size);
      for await (const chunk of createReadStream(member.path)) yield chunk as Buffer;
      if (size % 2 === 1) yield Buffer.from("\n");
    }
  }
  await pipeline(parts(), createWriteStream(file));
}
