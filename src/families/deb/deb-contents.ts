/**
 * Reading a built `.deb` in-process for lint, whichever builder made it: the `ar` archive's
 * members located by their headers, `control.tar.*` and `data.tar.*` streamed through their
 * decompressor (zlib, node-liblzma, fzstd) into tar-stream. What it gives is what `dpkg-deb -f`
 * and `dpkg-deb -x` followed by a walk of the unpacked tree give (docs/architecture.md,
 * "Families"), without starting a process per package.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { createUnxz } from "node-liblzma";
import tar from "tar-stream";
import { InternalError, onFileSystem, UserError } from "../../errors.js";
import { zstdDecoder } from "../../native/archive-files.js";
import type { BuiltFile } from "../../native/packages.js";

/** One member of the `ar` archive: its name, and where its bytes are in the file. */
interface ArMember {
  name: string;
  start: number;
  size: number;
}

/** The members of the `ar` archive a .deb is; null when the file is not one. */
async function arMembers(file: string): Promise<ArMember[] | null> {
  const handle = await open(file, "r");
  try {
    const { size: total } = await handle.stat();
    const magic = Buffer.alloc(8);
    await handle.read(magic, 0, 8, 0);
    if (magic.toString("latin1") !== "!<arch>\n") return null;
    const members: ArMember[] = [];
    const header = Buffer.alloc(60);
    for (let offset = 8; offset + 60 <= total;) {
      const { bytesRead } = await handle.read(header, 0, 60, offset);
      if (bytesRead < 60 || header.toString("latin1", 58, 60) !== "`\n") return null;
      // GNU ar ends a name with `/`; dpkg-deb pads it with spaces.
      const name = header.toString("latin1", 0, 16).trimEnd().replace(/\/$/, "");
      const size = Number(header.toString("latin1", 48, 58).trim());
      if (!Number.isSafeInteger(size) || size < 0) return null;
      members.push({ name, start: offset + 60, size });
      offset += 60 + size + (size % 2);
    }
    return members;
  } finally {
    await handle.close();
  }
}

/** The decompressors of the tar members read here, by suffix (not bzip2 nor lzma). */
const decoders: Readonly<Record<string, (() => Transform) | null>> = {
  tar: null,
  "tar.gz": createGunzip,
  "tar.xz": () => createUnxz() as unknown as Transform,
  "tar.zst": zstdDecoder,
};

/** A tar member's compression as a key of {@link decoders}, or undefined for one read here not. */
function compressionOf(name: string): string | undefined {
  const suffix = name.slice(name.indexOf(".") + 1);
  return Object.hasOwn(decoders, suffix) ? suffix : undefined;
}

/** One tar entry as lint needs it: type, mode, the first bytes of a file, a hard link's target. */
interface TarEntry {
  type: string;
  mode: number;
  head: Buffer;
  linkname: string | null;
}

/** A path of the package as installed: `./usr/bin/x` and `usr/bin/x/` become `usr/bin/x`. */
function packagePath(name: string): string {
  return name
    .replace(/^\.?\/+/, "")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
}

/**
 * Streams one tar member of the .deb through `onEntry`, which sees each entry's header and
 * may keep the first `keep` bytes of a file (`keep(name)` says how many).
 */
async function readTarMember(
  file: string,
  member: ArMember,
  keep: (name: string) => number,
  onEntry: (name: string, entry: TarEntry) => void,
): Promise<void> {
  const compression = compressionOf(member.name);
  if (compression === undefined) throw new InternalError(`${member.name} is read here not`);
  const decode = decoders[compression] ?? null;
  const extract = tar.extract();
  const raw =
    member.size === 0
      ? Readable.from([])
      : createReadStream(file, { start: member.start, end: member.start + member.size - 1 });
  const feed = decode === null ? pipeline(raw, extract) : pipeline(raw, decode(), extract);
  const consume = async () => {
    for await (const entry of extract) {
      const header = entry.header;
      const name = packagePath(header.name);
      const type = header.type;
      const wanted = type === "file" || type === "contiguous-file" ? keep(name) : 0;
      const chunks: Buffer[] = [];
      let held = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (held >= wanted) continue;
        chunks.push(chunk.subarray(0, wanted - held));
        held += Math.min(chunk.length, wanted - held);
      }
      onEntry(name, {
        type,
        mode: header.mode,
        head: Buffer.concat(chunks),
        linkname: type === "link" ? packagePath(header.linkname) : null,
      });
    }
  };
  await Promise.all([feed, consume()]);
}

/** What a .deb holds for lint: its control file's text and its files, in dpkg-deb -x's walk. */
export interface DebContents {
  control: string;
  files: BuiltFile[];
}

/** The order of a walk that lists each directory's entries sorted, each before its contents. */
function walkOrder(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * Reads a .deb in-process: the control file and a description of every path of its data
 * (ELF magic and `#!` line from the first 256 bytes, modes from the tar headers). Null when
 * the file is no .deb this reader knows (no `ar` archive, or members compressed with bzip2 or
 * lzma): the caller then asks dpkg-deb. A member that cannot be read (corrupt, cut short) is a
 * UserError naming the file and the member, as dpkg-deb would refuse the package.
 */
export async function readDebContents(file: string): Promise<DebContents | null> {
  const members = await onFileSystem(file, "cannot read the package", () => arMembers(file));
  const controlMember = members?.find((m) => /^control\.tar(\.[a-z0-9]+)?$/.test(m.name));
  const dataMember = members?.find((m) => /^data\.tar(\.[a-z0-9]+)?$/.test(m.name));
  if (controlMember === undefined || dataMember === undefined) return null;
  if (compressionOf(controlMember.name) === undefined) return null;
  if (compressionOf(dataMember.name) === undefined) return null;
  const readTar = async (...args: Parameters<typeof readTarMember>) => {
    try {
      await readTarMember(...args);
    } catch (error) {
      if (error instanceof InternalError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserError(`not a readable .deb: ${reason}`, { file, member: args[1].name });
    }
  };

  const control: string[] = [];
  await readTar(
    file,
    controlMember,
    (name) => (name === "control" ? 1024 * 1024 : 0),
    (name, entry) => {
      if (name === "control") control.push(entry.head.toString("utf8"));
    },
  );
  if (control[0] === undefined) return null;

  const entries = new Map<string, TarEntry>();
  await readTar(
    file,
    dataMember,
    () => 256,
    (name, entry) => {
      if (name !== "") entries.set(name, entry);
    },
  );
  // Every parent directory exists once unpacked, listed in the tar or not.
  for (const name of [...entries.keys()]) {
    const parts = name.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      if (!entries.has(parent)) {
        entries.set(parent, {
          type: "directory",
          mode: 0o755,
          head: Buffer.alloc(0),
          linkname: null,
        });
      }
    }
  }
  const files = [...entries.keys()].sort(walkOrder).map((name): BuiltFile => {
    let entry = entries.get(name) as TarEntry;
    // A hard link is unpacked as the file it links: its mode and its bytes.
    if (entry.type === "link") {
      const target = entry.linkname === null ? undefined : entries.get(entry.linkname);
      entry = { ...(target ?? entry), type: "file" };
    }
    const isFile = entry.type === "file" || entry.type === "contiguous-file";
    const head = entry.head.toString("latin1");
    return {
      path: `/${name}`,
      directory: entry.type === "directory",
      executable: isFile && (entry.mode & 0o111) !== 0,
      elf: head.startsWith("\x7fELF"),
      shebang: head.startsWith("#!") ? (head.slice(2).split("\n")[0] ?? "").trim() : null,
    };
  });
  return { control: control[0], files };
}
