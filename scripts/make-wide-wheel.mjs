#!/usr/bin/env node
// Writes a valid pure-Python wheel of N small modules (default 100,000), for measuring how time
// and memory grow with the number of members. The wheel is made on demand, never committed.
//
//   node scripts/make-wide-wheel.mjs [--members N] [--out DIR]
//
// It prints the path of the wheel: DIR/wide-1.0-py3-none-any.whl (DIR defaults to the system's
// temporary directory). Modules sit 1000 to a directory, as in a large generated SDK. The zip is
// written here rather than with yazl, which takes a thread-pool round trip per member (a minute
// and a half for 100,000); past 65,535 members it needs the zip64 end records.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "100000" },
    out: { type: "string", default: os.tmpdir() },
  },
});
const count = Number(values.members);
if (!Number.isSafeInteger(count) || count < 1) {
  throw new Error(`--members: not a count: ${values.members}`);
}

const DOS_DATE_2020_01_01 = ((2020 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x800;
const parts = [];
const central = [];
const rows = [];
let offset = 0;

/** Appends one deflated member (mode 0644) and its central-directory record. */
function add(name, data, hashed = true) {
  const nameBytes = Buffer.from(name);
  const compressed = zlib.deflateRawSync(data);
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(UTF8_NAMES, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(DOS_DATE_2020_01_01, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE((3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(8, 10);
  header.writeUInt16LE(DOS_DATE_2020_01_01, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed.length, 20);
  header.writeUInt32LE(data.length, 24);
  header.writeUInt16LE(nameBytes.length, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  parts.push(local, nameBytes, compressed);
  central.push(header, nameBytes);
  offset += local.length + nameBytes.length + compressed.length;
  if (hashed) {
    const digest = createHash("sha256").update(data).digest("base64url");
    rows.push(`${name},sha256=${digest},${data.length}`);
  }
}

const distInfo = "wide-1.0.dist-info";
for (let i = 0; i < count; i++) {
  add(`wide/part${Math.floor(i / 1000)}/module${i}.py`, Buffer.from(`VALUE = ${i}\n`));
}
add(
  `${distInfo}/METADATA`,
  Buffer.from("Metadata-Version: 2.1\nName: wide\nVersion: 1.0\nSummary: Many modules\n"),
);
add(
  `${distInfo}/WHEEL`,
  Buffer.from(
    "Wheel-Version: 1.0\nGenerator: make-wide-wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
  ),
);
rows.push(`${distInfo}/RECORD,,`);
add(`${distInfo}/RECORD`, Buffer.from(`${rows.join("\n")}\n`), false);

const entries = count + 3;
const directory = Buffer.concat(central);
const zip64End = Buffer.alloc(56);
zip64End.writeUInt32LE(0x06064b50, 0);
zip64End.writeBigUInt64LE(44n, 4);
zip64End.writeUInt16LE(45, 12);
zip64End.writeUInt16LE(45, 14);
zip64End.writeBigUInt64LE(BigInt(entries), 24);
zip64End.writeBigUInt64LE(BigInt(entries), 32);
zip64End.writeBigUInt64LE(BigInt(directory.length), 40);
zip64End.writeBigUInt64LE(BigInt(offset), 48);
const locator = Buffer.alloc(20);
locator.writeUInt32LE(0x07064b50, 0);
locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
locator.writeUInt32LE(1, 16);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(Math.min(entries, 0xffff), 8);
end.writeUInt16LE(Math.min(entries, 0xffff), 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);

const file = path.join(values.out, "wide-1.0-py3-none-any.whl");
fs.mkdirSync(values.out, { recursive: true });
fs.writeFileSync(file, Buffer.concat([...parts, directory, zip64End, locator, end]));
console.log(file);
