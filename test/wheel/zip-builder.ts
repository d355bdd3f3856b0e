/**
 * Builds zip archives byte by byte for the wheel reader's tests, including archives no honest
 * zip writer produces: lying sizes, `../` names, symlinks, duplicate members.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

/** One member of a hand-built archive. */
export interface RawZipEntry {
  name: string;
  data?: Buffer | string;
  /** 0 stored, 8 deflate (the default); other methods get `data` as is. */
  method?: number;
  /** Raw bytes to store instead of the deflated data (corrupt compressed data). */
  rawData?: Buffer;
  /** Uncompressed size to write in the headers instead of the real one. */
  declaredSize?: number;
  /** Unix mode stored in the external attributes (default 0o100644). */
  mode?: number;
  /** General-purpose flags of both headers (default 0x0800, UTF-8 names). */
  flags?: number;
  /** What the local header says instead of what the central directory says. */
  local?: LocalHeaderLies;
  /** CRC-32 to write in both headers instead of the data's. */
  crc?: number;
  /** Extra field of the central directory record. */
  centralExtra?: Buffer;
}

/** Fields of a local header that disagree with the member's central directory record. */
export interface LocalHeaderLies {
  name?: string;
  method?: number;
  flags?: number;
  crc?: number;
  compressedSize?: number;
  size?: number;
}

const DOS_DATE_2020_01_01 = ((2020 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x800;

/** How the end of a hand-built archive lies about it. */
export interface ZipEndOptions {
  /** Member count to declare in the end record (past 65,535 it goes in zip64 end records). */
  declaredCount?: number;
}

/** The bytes of a zip archive holding `entries` in order (no data descriptors). */
export function zipBytes(entries: readonly RawZipEntry[], end: ZipEndOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? "");
    const method = entry.method ?? 8;
    const stored = entry.rawData ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? zlib.crc32(data);
    const flags = entry.flags ?? UTF8_NAMES;
    const lies = entry.local ?? {};
    const localName = lies.name === undefined ? name : Buffer.from(lies.name);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(lies.flags ?? flags, 6);
    local.writeUInt16LE(lies.method ?? method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_2020_01_01, 12);
    local.writeUInt32LE(lies.crc ?? crc, 14);
    local.writeUInt32LE(lies.compressedSize ?? stored.length, 18);
    local.writeUInt32LE(lies.size ?? size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 20, 4); // made by unix
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE_2020_01_01, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(stored.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(entry.centralExtra?.length ?? 0, 30);
    header.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);

    parts.push(local, localName, stored);
    central.push(header, name, entry.centralExtra ?? Buffer.alloc(0));
    offset += local.length + localName.length + stored.length;
  }
  const directory = Buffer.concat(central);
  const count = end.declaredCount ?? entries.length;
  const zip64: Buffer[] = [];
  if (count > 0xffff) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    zip64.push(record, locator);
  }
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(Math.min(count, 0xffff), 8);
  record.writeUInt16LE(Math.min(count, 0xffff), 10);
  record.writeUInt32LE(directory.length, 12);
  record.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, ...zip64, record]);
}

/** A small wheel to break in one way per test. */
export interface WheelSpec {
  /** Distribution and version (default `demo`, `1.0`). */
  name?: string;
  version?: string;
  /** Members outside dist-info (default one module). */
  files?: Record<string, string | Buffer>;
  metadata?: string | Buffer;
  wheel?: string;
  /** Extra dist-info members, by name inside dist-info. */
  distInfo?: Record<string, string | Buffer>;
  /** Rewrites RECORD's rows (`[path, hash, size]`) before it is written. */
  record?: (rows: string[][]) => string[][];
  /** Last changes to the members (after RECORD is computed). */
  entries?: (entries: RawZipEntry[]) => RawZipEntry[];
}

/** The RECORD hash field of some bytes. */
export function recordHash(data: Buffer | string): string {
  return `sha256=${createHash("sha256").update(data).digest("base64url")}`;
}

/** The bytes of a valid wheel built from `spec` (invalid in whatever way the spec asks). */
export function wheelBytes(spec: WheelSpec = {}): Buffer {
  const name = spec.name ?? "demo";
  const version = spec.version ?? "1.0";
  const distInfo = `${name}-${version}.dist-info`;
  const members: [string, string | Buffer][] = [
    ...Object.entries(spec.files ?? { [`${name}/__init__.py`]: "VALUE = 1\n" }),
    [
      `${distInfo}/METADATA`,
      // A package states its license, or it is refused (a wheel without one is tested by name).
      spec.metadata ??
        `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nLicense-Expression: MIT\n`,
    ],
    [
      `${distInfo}/WHEEL`,
      spec.wheel ??
        "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    ],
    ...Object.entries(spec.distInfo ?? {}).map(([file, data]): [string, string | Buffer] => [
      `${distInfo}/${file}`,
      data,
    ]),
  ];
  let rows = members.map(([member, data]) => [
    member,
    recordHash(data),
    String(Buffer.from(data).length),
  ]);
  rows.push([`${distInfo}/RECORD`, "", ""]);
  if (spec.record) rows = spec.record(rows);
  const record = rows.map((row) => `${row.join(",")}\n`).join("");
  let entries: RawZipEntry[] = [
    ...members.map(([member, data]) => ({ name: member, data })),
    { name: `${distInfo}/RECORD`, data: record },
  ];
  if (spec.entries) entries = spec.entries(entries);
  return zipBytes(entries);
}

/** A scratch directory for one test file, removed by the returned cleanup function. */
export function scratchDirectory(): {
  dir: string;
  write: (name: string, bytes: Buffer) => string;
  /** Writes the wheel of `spec` under a wheel file name, in a directory of its own. */
  wheel: (spec?: WheelSpec, filename?: string) => string;
  remove: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wheel2pkg-wheel-test-"));
  return {
    dir,
    wheel: (spec = {}, filename = "demo-1.0-py3-none-any.whl") => {
      const file = path.join(fs.mkdtempSync(path.join(dir, "w-")), filename);
      fs.writeFileSync(file, wheelBytes(spec));
      return file;
    },
    write: (name, bytes) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    },
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
