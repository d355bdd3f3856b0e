import { createHash } from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { FileSystemError } from "../../src/errors.js";
import type { WheelLimits } from "../../src/wheel/index.js";
import { WheelZip } from "../../src/wheel/zip.js";
import { scratchDirectory, zipBytes, type RawZipEntry } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

let counter = 0;
function archive(bytes: Buffer): string {
  counter += 1;
  return scratch.write(`archive-${counter}.zip`, bytes);
}

async function withZip<T>(
  file: string,
  use: (zip: WheelZip) => Promise<T>,
  limits: Partial<WheelLimits> = {},
): Promise<T> {
  const zip = await WheelZip.open(file, { limits });
  try {
    return await use(zip);
  } finally {
    await zip.close();
  }
}

const sha256 = (data: Buffer | string): string =>
  createHash("sha256").update(data).digest("base64url");

describe("WheelZip.open", () => {
  it("lists members with sizes, modes and directories", async () => {
    const file = archive(
      zipBytes([
        { name: "pkg/", mode: 0o040755 },
        { name: "pkg/mod.py", data: "x = 1\n" },
        { name: "bin/tool", data: "#!python\n", mode: 0o100755, method: 0 },
        { name: "no-mode.txt", data: "plain", mode: 0 },
      ]),
    );
    await withZip(file, async (zip) => {
      expect(
        zip.members.map(({ name, directory, size, executable }) => ({
          name,
          directory,
          size,
          executable,
        })),
      ).toEqual([
        { name: "pkg/", directory: true, size: 0, executable: false },
        { name: "pkg/mod.py", directory: false, size: 6, executable: false },
        { name: "bin/tool", directory: false, size: 9, executable: true },
        { name: "no-mode.txt", directory: false, size: 5, executable: false },
      ]);
      expect(zip.size).toBe(fs.statSync(file).size);
      const member = zip.member("pkg/mod.py");
      expect(member).toBeDefined();
      if (member === undefined) return;
      expect(zip.modified(member).toISOString()).toBe("2020-01-01T00:00:00.000Z");
      await Promise.resolve();
    });
  });

  it.each([
    ["a text file", Buffer.from("this is not a zip archive\n")],
    ["an empty file", Buffer.alloc(0)],
    ["a gzip file", Buffer.from("1f8b0800000000000003030000000000000000", "hex")],
  ])("refuses %s: not a valid zip archive", async (_title, bytes) => {
    const file = archive(bytes);
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/not a valid zip archive/);
    expect(error.location.file).toBe(file);
  });

  it.each([
    ["cut in half", (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ["missing its last byte", (bytes: Buffer) => bytes.subarray(0, bytes.length - 1)],
    ["missing its first half", (bytes: Buffer) => bytes.subarray(bytes.length >> 1)],
  ])("refuses a truncated zip (%s)", async (_title, cut) => {
    const whole = zipBytes([
      { name: "a.py", data: "a = 1\n".repeat(200) },
      { name: "b.py", data: "b = 2\n".repeat(200) },
    ]);
    const file = archive(cut(whole));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/not a valid zip archive/);
    expect(error.location.file).toBe(file);
  });

  it("refuses a missing file as the file system's refusal, naming the path", async () => {
    const path = `${scratch.dir}/absent.whl`;
    const error: unknown = await WheelZip.open(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).describe()).toBe(
      `${path}: cannot open the wheel: no such file or directory (ENOENT)`,
    );
  });

  it.each([
    ["a parent-directory member", "../evil.py", /unsafe member path/],
    ["a nested parent-directory member", "pkg/../../evil.py", /unsafe member path/],
    ["an absolute member", "/etc/cron.d/evil", /unsafe member path/],
    ["a drive-letter member", "C:/evil.py", /unsafe member path/],
    ["a backslash member", "pkg\\evil.py", /unsafe member path/],
    ["an empty path segment", "pkg//evil.py", /empty or '\.' segments/],
    ["a dot segment", "pkg/./evil.py", /empty or '\.' segments/],
  ])("refuses %s, naming it", async (_title, name, message) => {
    const file = archive(
      zipBytes([
        { name: "ok.py", data: "ok" },
        { name, data: "evil" },
      ]),
    );
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(message);
    // (A backslash is shown doubled: every escape in a message is wheel2pkg's own.)
    expect(error.location).toEqual({ file, member: name.replace("\\", "\\\\") });
  });

  it.each([
    ["a symlink", 0o120777, /symbolic link/],
    ["a FIFO", 0o010644, /not a regular file/],
  ])("refuses %s member", async (_title, mode, message) => {
    const file = archive(zipBytes([{ name: "pkg/link", data: "/etc/passwd", mode }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(message);
    expect(error.location).toEqual({ file, member: "pkg/link" });
  });

  it("refuses duplicate member names", async () => {
    const file = archive(
      zipBytes([{ name: "a.py", data: "1" }, { name: "b.py" }, { name: "a.py", data: "2" }]),
    );
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/appears twice/);
    expect(error.location).toEqual({ file, member: "a.py" });
  });

  it("refuses patched data, which Python's zipfile cannot read", async () => {
    const file = archive(zipBytes([{ name: "a.py", data: "x", flags: 0x0820 }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/patched data/);
    expect(error.location).toEqual({ file, member: "a.py" });
  });

  it("refuses compression methods other than stored and deflate", async () => {
    const file = archive(zipBytes([{ name: "a.py", data: "BZh9", method: 12 }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/unsupported compression method 12/);
    expect(error.location).toEqual({ file, member: "a.py" });
  });

  it("accepts a large member that compresses well but plausibly", async () => {
    const data = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `line ${i}\n`).join(""));
    const file = archive(zipBytes([{ name: "table.txt", data }]));
    await withZip(file, async (zip) => {
      const member = zip.members[0];
      if (member === undefined) throw new Error("no member");
      expect(member.size).toBeGreaterThan(256 * 1024);
      expect(await zip.digest(member, "sha256")).toEqual({
        digest: sha256(data),
        size: data.length,
        shebang: false,
        elf: null,
        findings: [],
      });
    });
  });

  it("refuses a stored member whose two declared sizes disagree", async () => {
    const file = archive(zipBytes([{ name: "a.txt", data: "hello", method: 0, declaredSize: 3 }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/zip bomb or corrupt archive/);
  });

  it("closes its file after refusing an archive", async () => {
    if (!fs.existsSync("/proc/self/fd")) return;
    const file = archive(zipBytes([{ name: "../evil.py", data: "x" }]));
    // Count only descriptors open on this archive: the test runner opens others meanwhile.
    const openOnFile = () =>
      fs.readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === fs.realpathSync(file);
        } catch {
          return false;
        }
      }).length;
    for (let i = 0; i < 20; i += 1) await wheelError(() => WheelZip.open(file));
    expect(openOnFile()).toBe(0);
  });
});

describe("WheelZip.open limits", () => {
  const MiB = 1024 * 1024;
  const zeros = (size: number): Buffer => Buffer.alloc(size);
  const deflatedMiB = zlib.deflateRawSync(zeros(MiB));
  const members = (count: number, data: Buffer | string = "x"): RawZipEntry[] =>
    Array.from({ length: count }, (_, i) => ({ name: `pkg/m${i}.py`, data }));

  it.each<[string, Buffer, Partial<WheelLimits>, RegExp, string?]>([
    [
      "more members than the limit",
      zipBytes(members(11)),
      { members: 10 },
      /the wheel has 11 members, more than the 10 allowed; .*raise members in the \[limits\] table/,
    ],
    [
      // Only the end record is read: the records it promises do not even exist.
      "an end record promising 300,000 members (default limit)",
      zipBytes(members(3), { declaredCount: 300_000 }),
      {},
      /the wheel has 300000 members, more than the 200000 allowed/,
    ],
    [
      "members declaring more bytes than the unpacked-size limit",
      zipBytes([
        { name: "a.bin", data: zeros(600) },
        { name: "b.bin", data: zeros(600) },
      ]),
      { unpackedSize: 1000 },
      /members declare more than the 1000 bytes allowed unpacked; .*raise unpacked-size/,
    ],
    [
      "a 1 MiB member of zeros under a compression ratio lowered to 500",
      zipBytes([{ name: "pkg/zeros.bin", data: zeros(MiB) }]),
      { compressionRatio: 500 },
      /zip bomb: \d+ compressed bytes inflate to 1048576 \(\d+:1\), more than the 500:1 allowed; .*raise compression-ratio/,
      "pkg/zeros.bin",
    ],
    [
      "1,500 members of 1 MiB of zeros in a 1.7 MB wheel",
      zipBytes(
        Array.from({ length: 1500 }, (_, i) => ({
          name: `z${i}.bin`,
          data: zeros(MiB),
          rawData: deflatedMiB,
        })),
      ),
      {},
      /zip bomb: the members declare more than 100 times the wheel's \d+ bytes \(and 64 MiB\); .*raise unpacked-ratio/,
    ],
    [
      "a member declaring far more than its data (a lying size)",
      zipBytes([{ name: "bomb.bin", data: "x".repeat(100), declaredSize: 2 * MiB }]),
      {},
      /zip bomb: \d+ compressed bytes inflate to 2097152/,
      "bomb.bin",
    ],
    [
      "a member declaring data with no compressed bytes at all",
      zipBytes([{ name: "bomb.bin", rawData: Buffer.alloc(0), declaredSize: MiB }]),
      {},
      /zip bomb: 0 compressed bytes inflate to 1048576 \(∞:1\)/,
      "bomb.bin",
    ],
  ])("refuses %s", async (_title, bytes, limits, message, member) => {
    const file = archive(bytes);
    const error = await wheelError(() => withZip(file, () => Promise.resolve(), limits));
    expect(error.message).toMatch(message);
    expect(error.location).toEqual(member === undefined ? { file } : { file, member });
  });

  it("stops listing at the first refusal: a corrupt record past it is never read", async () => {
    const bytes = zipBytes([
      { name: "pkg/liar.bin", data: "x".repeat(100), declaredSize: 2 * MiB },
      { name: "pkg/after.py", data: "x" },
    ]);
    // Break the second central-directory record's signature.
    const second = bytes.lastIndexOf(Buffer.from("PK\x01\x02", "latin1"));
    bytes.writeUInt32LE(0xdeadbeef, second);
    const file = archive(bytes);
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/zip bomb/);
  });

  it.each<[string, Buffer, Partial<WheelLimits>]>([
    ["exactly as many members as the limit", zipBytes(members(10)), { members: 10 }],
    [
      "64 KiB of zeros under any ratio (small members are exempt)",
      zipBytes([{ name: "z", data: zeros(65536) }]),
      { compressionRatio: 2 },
    ],
    [
      // onnx ships a 2.5 MB test tensor of zeros, at deflate's ceiling.
      "2.5 MB of zeros in a small wheel (no member ratio tells it from a bomb)",
      zipBytes([{ name: "input_0.pb", data: zeros(2_560_015) }]),
      {},
    ],
    [
      "as many bytes as the unpacked-size limit",
      zipBytes([{ name: "z", data: zeros(1000) }]),
      { unpackedSize: 1000 },
    ],
  ])("accepts %s", async (_title, bytes, limits) => {
    const file = archive(bytes);
    await expect(
      withZip(file, (zip) => Promise.resolve(zip.members.length), limits),
    ).resolves.toBeGreaterThan(0);
  });
});
