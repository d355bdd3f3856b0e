import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWheel } from "../../src/wheel/index.js";
import { recordHash, scratchDirectory, type WheelSpec } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const wheel = scratch.wheel;

describe("readWheel refuses broken wheels", () => {
  const DI = "demo-1.0.dist-info";
  it.each<[string, WheelSpec, string | undefined, RegExp, string?]>([
    [
      "no .dist-info directory",
      { entries: (e) => e.map((x) => ({ ...x, name: x.name.replace(DI, "meta") })) },
      undefined,
      /no \.dist-info directory/,
    ],
    [
      "two .dist-info directories",
      {
        distInfo: {},
        files: { "demo/__init__.py": "", "other-2.0.dist-info/METADATA": "Name: other\n" },
      },
      undefined,
      /more than one \.dist-info directory: demo-1\.0\.dist-info, other-2\.0\.dist-info/,
    ],
    [
      "a .dist-info of another distribution",
      { name: "other" },
      "other-1.0.dist-info/",
      /does not match the distribution name "demo"/,
    ],
    [
      "a .dist-info of another version",
      { version: "2.0" },
      "demo-2.0.dist-info/",
      /does not match the version "1\.0"/,
    ],
    [
      "no WHEEL",
      {
        entries: (e) => e.filter((x) => !x.name.endsWith("/WHEEL")),
        record: (rows) => rows.filter((r) => !r[0]?.endsWith("/WHEEL")),
      },
      `${DI}/WHEEL`,
      /no WHEEL file/,
    ],
    [
      "no METADATA",
      {
        entries: (e) => e.filter((x) => !x.name.endsWith("/METADATA")),
        record: (rows) => rows.filter((r) => !r[0]?.endsWith("/METADATA")),
      },
      `${DI}/METADATA`,
      /no METADATA file/,
    ],
    [
      "no RECORD",
      { entries: (e) => e.filter((x) => !x.name.endsWith("/RECORD")) },
      `${DI}/RECORD`,
      /no RECORD file/,
    ],
    [
      "a RECORD hash mismatch",
      {
        record: (rows) =>
          rows.map((r) =>
            r[0] === "demo/__init__.py" ? [r[0], recordHash("tampered"), r[2] ?? ""] : r,
          ),
      },
      "demo/__init__.py",
      /sha256 mismatch/,
    ],
    [
      "a file missing from RECORD",
      { record: (rows) => rows.filter((r) => r[0] !== "demo/__init__.py") },
      "demo/__init__.py",
      /not listed in RECORD/,
    ],
    [
      "a RECORD row for a missing file",
      { record: (rows) => [...rows, ["demo/gone.py", recordHash(""), "0"]] },
      "demo/gone.py",
      /listed in RECORD but missing/,
    ],
    [
      "a RECORD size mismatch",
      {
        record: (rows) =>
          rows.map((r) => (r[0] === "demo/__init__.py" ? [r[0], r[1] ?? "", "999"] : r)),
      },
      "demo/__init__.py",
      /size mismatch: RECORD says 999/,
    ],
    [
      "a file without hash in RECORD",
      { record: (rows) => rows.map((r) => (r[0] === "demo/__init__.py" ? [r[0], "", ""] : r)) },
      "demo/__init__.py",
      /no hash in RECORD/,
    ],
    [
      "an md5 RECORD",
      {
        record: (rows) =>
          rows.map((r) =>
            r[1] === "" ? r : [r[0] ?? "", "md5=1B2M2Y8AsgTpgAmY7PhCfg", r[2] ?? ""],
          ),
      },
      `${DI}/RECORD`,
      /too weak/,
    ],
    [
      "invalid UTF-8 in METADATA",
      { metadata: Buffer.from("Metadata-Version: 2.1\nName: demo\nAuthor: Jos\xe9\n", "latin1") },
      `${DI}/METADATA`,
      /not valid UTF-8/,
    ],
    [
      "a METADATA line that is not a header",
      { metadata: "Metadata-Version: 2.1\nName demo\n" },
      `${DI}/METADATA`,
      /line 2/,
    ],
    [
      "an unknown .data scheme",
      { files: { "demo-1.0.data/lib/x.py": "" } },
      "demo-1.0.data/lib/x.py",
      /unknown scheme "lib"/,
    ],
    [
      "a file directly under .data",
      { files: { "demo-1.0.data/x.py": "" } },
      "demo-1.0.data/x.py",
      /no scheme directory/,
    ],
    [
      "a bad entry_points.txt",
      { distInfo: { "entry_points.txt": "a = b:c\n" } },
      `${DI}/entry_points.txt`,
      /outside any \[group\]/,
    ],
    [
      "a ../ member",
      { entries: (e) => [...e, { name: "../../etc/evil", data: "x" }] },
      "../../etc/evil",
      /unsafe member path/,
    ],
    [
      "an absolute member",
      { entries: (e) => [...e, { name: "/etc/evil", data: "x" }] },
      "/etc/evil",
      /unsafe member path/,
    ],
    [
      "a symlink member",
      { entries: (e) => [...e, { name: "demo/link", data: "/etc/passwd", mode: 0o120777 }] },
      "demo/link",
      /symbolic link/,
    ],
    [
      "a zip bomb (real size above the declared one)",
      {
        entries: (e) =>
          e.map((x) =>
            x.name === "demo/__init__.py"
              ? { ...x, data: "x".repeat(50_000), declaredSize: 10 }
              : x,
          ),
      },
      "demo/__init__.py",
      /zip bomb/,
    ],
  ])("%s", async (_title, spec, member, message) => {
    const file = wheel(spec);
    const error = await wheelError(() => readWheel(file));
    expect(error.message).toMatch(message);
    expect(error.location.file).toBe(file);
    expect(error.location.member).toBe(member);
  });

  it("an unsupported Wheel-Version 2.0, naming WHEEL and the field", async () => {
    const file = wheel({ wheel: "Wheel-Version: 2.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n" });
    for (const verify of [true, false]) {
      const error = await wheelError(() => readWheel(file, { verify }));
      expect(error.location).toEqual({
        file,
        member: "demo-1.0.dist-info/WHEEL",
        field: "Wheel-Version",
      });
      expect(error.message).toMatch(/unsupported Wheel-Version 2\.0/);
    }
  });

  it("more uncompressed data than the unpacked-size limit", async () => {
    const file = wheel({ files: { "demo/data.bin": Buffer.alloc(5000) } });
    await expect(readWheel(file, { limits: { unpackedSize: 100_000 } })).resolves.toBeDefined();
    const error = await wheelError(() => readWheel(file, { limits: { unpackedSize: 4000 } }));
    expect(error.message).toMatch(/zip bomb: the members declare more than the 4000 bytes/);
  });

  it("more members than the members limit, with every RECORD hash checked or not", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`demo/m${i}.py`, `V = ${i}\n`]),
    );
    const file = wheel({ files });
    await expect(readWheel(file, { limits: { members: 13 } })).resolves.toBeDefined();
    for (const verify of [true, false]) {
      const error = await wheelError(() => readWheel(file, { verify, limits: { members: 12 } }));
      expect(error.message).toMatch(/13 members, more than the 12 allowed/);
      expect(error.location).toEqual({ file });
    }
  });

  it("a file name that is not a wheel's", async () => {
    const file = wheel({}, "demo-1.0.whl");
    const error = await wheelError(() => readWheel(file));
    expect(error.location.file).toBe(file);
  });

  it("a file that is not a zip", async () => {
    const file = path.join(scratch.dir, "demo-1.0-py3-none-any.whl");
    fs.writeFileSync(file, "<html>404</html>");
    const error = await wheelError(() => readWheel(file));
    expect(error.message).toMatch(/not a valid zip archive/);
    expect(error.location).toEqual({ file });
  });
});
