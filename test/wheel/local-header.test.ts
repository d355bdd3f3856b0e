/**
 * A member's local header must say what its central directory record says: Python's zipfile
 * (which installs the wheel) refuses a differing name, and streaming unzippers trust the local
 * header, so a disagreement means the wheel verified is not the wheel built.
 */
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readWheel } from "../../src/wheel/index.js";
import { WheelZip } from "../../src/wheel/zip.js";
import { scratchDirectory, zipBytes, type RawZipEntry } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const MEMBER = "demo/abc.py";
const BODY = "VALUE = 1\n".repeat(20);

/** A wheel whose module `demo/abc.py` is changed by `change` (RECORD still lists it right). */
function wheelWith(change: (entry: RawZipEntry) => RawZipEntry): string {
  return scratch.wheel({
    files: { [MEMBER]: BODY },
    entries: (entries) => entries.map((e) => (e.name === MEMBER ? change(e) : e)),
  });
}

describe("the local header against the central directory", () => {
  it.each<[string, (entry: RawZipEntry) => RawZipEntry, RegExp]>([
    [
      "another file name",
      (e) => ({ ...e, local: { name: "../../x.txt" } }),
      /disagrees with the central directory on the file name \("\.\.\/\.\.\/x\.txt", not "demo\/abc\.py"\)/,
    ],
    [
      "a longer file name",
      (e) => ({ ...e, local: { name: "../../../../etc/cron.d/x" } }),
      /on the file name \("\.\.\/\.\.\/\.\.\/\.\.\/etc\/cron\.d\/x", not "demo\/abc\.py"\)/,
    ],
    [
      "a file name with a terminal escape, shown escaped",
      (e) => ({ ...e, local: { name: "demo/\x1b[2Jc.py" } }),
      /on the file name \("demo\/\\x1b\[2Jc\.py", not "demo\/abc\.py"\)/,
    ],
    [
      "stored where the central directory says deflated",
      (e) => ({ ...e, local: { method: 0 } }),
      /on the compression method \(0, not 8\)/,
    ],
    [
      "another uncompressed size",
      (e) => ({ ...e, local: { size: 7 } }),
      /on the uncompressed size \(7, not 200\)/,
    ],
    [
      "another compressed size",
      (e) => ({ ...e, local: { compressedSize: 3 } }),
      /on the compressed size \(3, not \d+\)/,
    ],
    ["another CRC-32", (e) => ({ ...e, local: { crc: 0x1234 } }), /on the CRC-32 \(0x1234, not/],
    [
      "a data descriptor the central directory does not announce",
      (e) => ({ ...e, local: { flags: 0x0808, crc: 0, compressedSize: 0, size: 0 } }),
      /on the general-purpose flags \(0x0808, not 0x0800\)/,
    ],
    [
      "encryption the central directory does not announce",
      (e) => ({ ...e, local: { flags: 0x0801 } }),
      /on the general-purpose flags \(0x0801, not 0x0800\)/,
    ],
    [
      "data whose CRC-32 is not the declared one (in both headers)",
      (e) => ({ ...e, crc: 0xdeadbeef }),
      /corrupt member: its CRC-32 is 0x[0-9a-f]{8}, the central directory says 0xdeadbeef/,
    ],
  ])(
    "refuses %s when the wheel is verified, naming the member",
    async (_title, change, message) => {
      const file = wheelWith(change);
      const error = await wheelError(() => readWheel(file));
      expect(error.message).toMatch(message);
      expect(error.location).toEqual({ file, member: MEMBER });
    },
  );

  it("admits a data descriptor announced in both headers, sizes left to it", async () => {
    const file = wheelWith((e) => ({
      ...e,
      flags: 0x0808,
      local: { crc: 0, compressedSize: 0, size: 0 },
    }));
    const contents = await readWheel(file);
    expect(contents.verified).toBe(true);
  });

  it("refuses members that share their data (the overlapping zip bomb)", async () => {
    const bytes = zipBytes([
      { name: "a.bin", data: BODY },
      { name: "b.bin", data: BODY },
    ]);
    // Point the second central-directory record at the first member's local header.
    const second = bytes.lastIndexOf(Buffer.from("PK\x01\x02", "latin1"));
    bytes.writeUInt32LE(0, second + 42);
    const file = scratch.write("overlap.zip", bytes);
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/overlaps the next member or the central directory/);
  });

  it("refuses a Unicode Path field that renames the member for some tools only", async () => {
    const header = Buffer.from(MEMBER);
    const unicode = Buffer.from("demo/other.py");
    const field = Buffer.alloc(4 + 5 + unicode.length);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(5 + unicode.length, 2);
    field.writeUInt8(1, 4);
    field.writeUInt32LE(zlib.crc32(header), 5);
    unicode.copy(field, 9);
    const file = scratch.write(
      "unicode-path.zip",
      zipBytes([{ name: MEMBER, data: BODY, centralExtra: field }]),
    );
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toBe('its Unicode Path extra field names it "demo/other.py" instead');
    expect(error.location).toEqual({ file, member: MEMBER });
  });

  const DI = "demo-1.0.dist-info";
  it.each<[string, string, (entries: RawZipEntry[]) => RawZipEntry[]]>([
    ["a directory entry", "demo/", (e) => [{ name: "demo/", mode: 0o40755 }, ...e]],
    ["RECORD itself", `${DI}/RECORD`, (e) => e],
    [
      "a signature of RECORD (not in RECORD)",
      `${DI}/RECORD.jws`,
      (e) => [...e, { name: `${DI}/RECORD.jws`, data: "{}" }],
    ],
  ])("checks %s too, which RECORD cannot hash", async (_title, name, add) => {
    const file = scratch.wheel({
      entries: (entries) =>
        add(entries).map((e) =>
          e.name === name ? { ...e, local: { name: `x${name.slice(1)}` } } : e,
        ),
    });
    const error = await wheelError(() => readWheel(file));
    expect(error.message).toMatch(/disagrees with the central directory on the file name/);
    expect(error.location).toEqual({ file, member: name });
  });
});
