import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { FileSystemError } from "../../src/errors.js";
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
  maxUncompressedSize?: number,
): Promise<T> {
  const zip = await WheelZip.open(
    file,
    maxUncompressedSize === undefined ? {} : { maxUncompressedSize },
  );
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
    expect(error.location).toEqual({ file, member: name });
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

  it("refuses compression methods other than stored and deflate", async () => {
    const file = archive(zipBytes([{ name: "a.py", data: "BZh9", method: 12 }]));
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/unsupported compression method 12/);
    expect(error.location).toEqual({ file, member: "a.py" });
  });

  it("refuses a zip bomb: more declared data than the cap", async () => {
    const entries: RawZipEntry[] = [
      { name: "a.bin", data: Buffer.alloc(600) },
      { name: "b.bin", data: Buffer.alloc(600) },
    ];
    const file = archive(zipBytes(entries));
    await expect(withZip(file, () => Promise.resolve(), 2000)).resolves.toBeUndefined();
    const error = await wheelError(() => withZip(file, () => Promise.resolve(), 1000));
    expect(error.message).toMatch(/zip bomb: members declare more than 1000 bytes/);
    expect(error.location.file).toBe(file);
  });

  it("refuses a zip bomb: an absurd compression ratio on a large member", async () => {
    const file = archive(
      zipBytes([{ name: "bomb.bin", data: "x".repeat(100), declaredSize: 2 * 1024 * 1024 }]),
    );
    const error = await wheelError(() => WheelZip.open(file));
    expect(error.message).toMatch(/zip bomb/);
    expect(error.location).toEqual({ file, member: "bomb.bin" });
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
        remoteResources: false,
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
