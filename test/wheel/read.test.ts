import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { readWheel, readWheelMember, readWheelMembers } from "../../src/wheel/index.js";
import { scratchDirectory } from "./zip-builder.js";
import { wheelError } from "./wheel-error.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const wheel = scratch.wheel;

describe("readWheel on a small valid wheel", () => {
  it("reads, verifies and hashes it", async () => {
    const file = wheel();
    const contents = await readWheel(file);
    expect(contents).toMatchObject({
      path: file,
      distInfoDir: "demo-1.0.dist-info",
      dataDir: "demo-1.0.data",
      verified: true,
      size: fs.statSync(file).size,
      sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
      entryPoints: [],
      licenseFiles: [],
      diagnostics: [],
    });
    expect(contents.metadataTime.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect(contents.members.map((member) => member.path)).toEqual([
      "demo-1.0.dist-info/METADATA",
      "demo-1.0.dist-info/RECORD",
      "demo-1.0.dist-info/WHEEL",
      "demo/__init__.py",
    ]);
  });

  it("without verify, reads only the central directory and dist-info", async () => {
    // The module's data is not even valid deflate: a verifying read must fail, inspect must not.
    const file = wheel({
      entries: (entries) =>
        entries.map((entry) =>
          entry.name === "demo/__init__.py" ? { ...entry, rawData: Buffer.from("garbage") } : entry,
        ),
    });
    const contents = await readWheel(file, { verify: false });
    expect(contents.verified).toBe(false);
    expect(contents.sha256).toBeNull();
    expect(contents.members).toHaveLength(4);
    const error = await wheelError(() => readWheel(file));
    expect(error.location).toEqual({ file, member: "demo/__init__.py" });
  });

  it("maps .data schemes, dist-info and the root, with executables", async () => {
    const file = wheel({
      wheel: "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-any\n",
      files: {
        "demo/core.py": "",
        "demo-1.0.data/scripts/demo-run": "#!python\n",
        "demo-1.0.data/data/share/doc/demo/README": "read me",
        "demo-1.0.data/headers/demo.h": "int demo(void);\n",
        "demo-1.0.data/purelib/demo_pure.py": "",
        "demo-1.0.data/platlib/demo_native.py": "",
      },
      entries: (entries) =>
        entries.map((entry) =>
          entry.name.includes("/scripts/") ? { ...entry, mode: 0o100755 } : entry,
        ),
    });
    const { members } = await readWheel(file);
    expect(
      members.map(({ path: p, scheme, installPath, executable, distInfo }) => [
        p,
        scheme,
        installPath,
        executable,
        distInfo,
      ]),
    ).toEqual([
      ["demo-1.0.data/data/share/doc/demo/README", "data", "share/doc/demo/README", false, false],
      ["demo-1.0.data/headers/demo.h", "headers", "demo.h", false, false],
      ["demo-1.0.data/platlib/demo_native.py", "platlib", "demo_native.py", false, false],
      ["demo-1.0.data/purelib/demo_pure.py", "purelib", "demo_pure.py", false, false],
      ["demo-1.0.data/scripts/demo-run", "scripts", "demo-run", true, false],
      ["demo-1.0.dist-info/METADATA", "platlib", "demo-1.0.dist-info/METADATA", false, true],
      ["demo-1.0.dist-info/RECORD", "platlib", "demo-1.0.dist-info/RECORD", false, true],
      ["demo-1.0.dist-info/WHEEL", "platlib", "demo-1.0.dist-info/WHEEL", false, true],
      ["demo/core.py", "platlib", "demo/core.py", false, false],
    ]);
  });

  it("matches dist-info and file name by normalized name", async () => {
    const file = wheel(
      {
        name: "Foo.Bar",
        metadata: "Metadata-Version: 2.1\nName: Foo.Bar\nVersion: 1.0\n",
        files: { "foo_bar.py": "" },
      },
      "foo_bar-1.0-py3-none-any.whl",
    );
    expect((await readWheel(file)).distInfoDir).toBe("Foo.Bar-1.0.dist-info");
  });

  it("finds license files: License-File, licenses/ and conventional names", async () => {
    const file = wheel({
      metadata:
        "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nLicense-File: LICENSE\nLicense-File: NOTICE.md\nLicense-File: gone.txt\n",
      distInfo: {
        "licenses/LICENSE": "MIT",
        "licenses/vendor/COPYING": "GPL",
        "NOTICE.md": "n",
        "AUTHORS.rst": "a",
        "top_level.txt": "demo\n",
      },
    });
    const contents = await readWheel(file);
    expect(contents.licenseFiles).toEqual([
      "demo-1.0.dist-info/AUTHORS.rst",
      "demo-1.0.dist-info/NOTICE.md",
      "demo-1.0.dist-info/licenses/LICENSE",
      "demo-1.0.dist-info/licenses/vendor/COPYING",
    ]);
    expect(contents.diagnostics).toEqual([
      expect.objectContaining({
        code: "license-file-missing",
        severity: "warning",
        field: "License-File",
      }),
    ]);
  });

  it("reports a newer Wheel-Version (tag mismatches are the model's to report)", async () => {
    const file = wheel({ wheel: "Wheel-Version: 1.1\nRoot-Is-Purelib: true\nTag: py2-none-any\n" });
    const codes = (await readWheel(file)).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["wheel-version-newer"]);
  });
});

describe("readWheelMember(s)", () => {
  it("reads members by name, in one pass", async () => {
    const file = wheel({ files: { "demo/a.txt": "A", "demo/b.txt": "B" } });
    expect((await readWheelMember(file, "demo/a.txt")).toString()).toBe("A");
    const bodies = await readWheelMembers(file, ["demo/b.txt", "demo/a.txt"]);
    expect(Object.fromEntries([...bodies].map(([name, body]) => [name, body.toString()]))).toEqual({
      "demo/a.txt": "A",
      "demo/b.txt": "B",
    });
  });

  it("refuses a missing member and an oversized one", async () => {
    const file = wheel({ files: { "demo/a.txt": "A".repeat(100) } });
    let error = await wheelError(() => readWheelMember(file, "demo/missing.txt"));
    expect(error.location).toEqual({ file, member: "demo/missing.txt" });
    error = await wheelError(() => readWheelMember(file, "demo/a.txt", { maxSize: 10 }));
    expect(error.location).toEqual({ file, member: "demo/a.txt" });
  });
});

describe("readWheel with licenseBodies", () => {
  it("reads the license files in the same open, byte for byte", async () => {
    const wheel = "fixtures/wheels/hello_cli-1.2.0-py3-none-any.whl";
    const contents = await readWheel(wheel, { licenseBodies: true });
    expect([...contents.licenseBodies.keys()]).toEqual(contents.licenseFiles);
    const [name = ""] = contents.licenseFiles;
    expect(contents.licenseBodies.get(name)).toEqual(await readWheelMember(wheel, name));
    expect((await readWheel(wheel)).licenseBodies.size).toBe(0);
  });
});
