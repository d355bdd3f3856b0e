import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWheel, type WheelContents } from "../../src/wheel/index.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/wheels");
const fixture = (name: string): string => path.join(FIXTURES, name);

async function read(name: string): Promise<WheelContents> {
  const contents = await readWheel(fixture(name));
  // A verified read and an inspect-style read agree on everything but the verification (which
  // also tells which files start with `#!`).
  const inspected = await readWheel(fixture(name), { verify: false });
  expect({ ...inspected, verified: true, sha256: contents.sha256 }).toEqual({
    ...contents,
    members: contents.members.map(
      ({ shebang: _shebang, elf: _elf, findings: _findings, ...member }) => member,
    ),
  });
  expect(contents.sha256).toBe(
    createHash("sha256")
      .update(fs.readFileSync(fixture(name)))
      .digest("hex"),
  );
  expect(contents.diagnostics).toEqual([]);
  return contents;
}

const summary = (contents: WheelContents): string[][] =>
  contents.members.map((m) => [
    m.path,
    m.scheme,
    m.installPath,
    m.executable ? "x" : "-",
    m.distInfo ? "d" : "-",
  ]);

/** Paths of the members whose content starts with `#!`. */
const shebangs = (contents: WheelContents): string[] =>
  contents.members.filter((m) => m.shebang === true).map((m) => m.path);

describe("readWheel on the fixture wheels", () => {
  it("hello_cli: Metadata 2.4, licenses/, entry points", async () => {
    const contents = await read("hello_cli-1.2.0-py3-none-any.whl");
    const di = "hello_cli-1.2.0.dist-info";
    expect(summary(contents)).toEqual([
      ["hello_cli-1.2.0.dist-info/METADATA", "purelib", `${di}/METADATA`, "-", "d"],
      ["hello_cli-1.2.0.dist-info/RECORD", "purelib", `${di}/RECORD`, "-", "d"],
      ["hello_cli-1.2.0.dist-info/WHEEL", "purelib", `${di}/WHEEL`, "-", "d"],
      ["hello_cli-1.2.0.dist-info/entry_points.txt", "purelib", `${di}/entry_points.txt`, "-", "d"],
      ["hello_cli-1.2.0.dist-info/licenses/LICENSE", "purelib", `${di}/licenses/LICENSE`, "-", "d"],
      ["hello_cli/__init__.py", "purelib", "hello_cli/__init__.py", "-", "-"],
      ["hello_util.py", "purelib", "hello_util.py", "-", "-"],
    ]);
    expect(contents.licenseFiles).toEqual([`${di}/licenses/LICENSE`]);
    expect(contents.entryPoints).toEqual([
      {
        group: "console_scripts",
        name: "hello",
        value: "hello_cli:main",
        module: "hello_cli",
        attr: "main",
        extras: [],
      },
      {
        group: "gui_scripts",
        name: "hello-gui",
        value: "hello_cli:main",
        module: "hello_cli",
        attr: "main",
        extras: [],
      },
    ]);
    const { fields, body } = contents.metadata;
    expect(fields.get("metadata-version")).toEqual(["2.4"]);
    expect(fields.get("name")).toEqual(["hello-cli"]);
    expect(fields.get("license-expression")).toEqual(["MIT"]);
    expect(fields.get("project-url")).toEqual([
      "Source, https://example.org/hello-cli/src",
      "Issues, https://example.org/hello-cli/issues",
    ]);
    expect(fields.get("requires-dist")).toEqual([
      "click>=8.0",
      'importlib-metadata>=4.6; python_version < "3.10"',
    ]);
    expect(body).toBe(
      "# hello-cli\n\nPrints a friendly greeting.\n\n    $ hello\n    hello\n\nWorks 100% offline.\n",
    );
    expect(contents.wheel).toEqual({
      wheelVersion: { major: 1, minor: 0 },
      generator: "wheel2pkg make-fixtures.mjs",
      rootIsPurelib: true,
      tags: ["py3-none-any"],
      build: null,
    });
  });

  it("datapkg: .data scripts and data, old-style license at the dist-info root", async () => {
    const contents = await read("datapkg-0.3.1-py2.py3-none-any.whl");
    expect(shebangs(contents)).toEqual(["datapkg-0.3.1.data/scripts/datapkg-tool"]);
    expect(summary(contents).filter(([, , , , d]) => d === "-")).toEqual([
      [
        "datapkg-0.3.1.data/data/share/datapkg/defaults.json",
        "data",
        "share/datapkg/defaults.json",
        "-",
        "-",
      ],
      [
        "datapkg-0.3.1.data/data/share/man/man1/datapkg-tool.1",
        "data",
        "share/man/man1/datapkg-tool.1",
        "-",
        "-",
      ],
      ["datapkg-0.3.1.data/scripts/datapkg-tool", "scripts", "datapkg-tool", "x", "-"],
      ["datapkg-0.3.1.data/scripts/datapkg-tool.cmd", "scripts", "datapkg-tool.cmd", "x", "-"],
      ["datapkg/__init__.py", "purelib", "datapkg/__init__.py", "-", "-"],
      ["datapkg/templates/report.html", "purelib", "datapkg/templates/report.html", "-", "-"],
    ]);
    // Content checks run on the files they apply to, in the same read.
    const checked = await readWheel(fixture("datapkg-0.3.1-py2.py3-none-any.whl"), {
      contentChecks: [
        {
          applies: (path) => path.endsWith(".html"),
          run: (content, path) =>
            content.includes('<script src="https:') ? [`remote script in ${path}`] : [],
        },
      ],
    });
    expect(checked.members.filter((m) => m.findings?.length).map((m) => m.findings)).toEqual([
      ["remote script in datapkg/templates/report.html"],
    ]);
    expect(contents.members.every((m) => m.findings?.length === 0)).toBe(true);
    expect(contents.members.filter((m) => m.elf !== null)).toEqual([]);
    expect(contents.licenseFiles).toEqual(["datapkg-0.3.1.dist-info/LICENSE.txt"]);
    expect(contents.filename.pythonTags).toEqual(["py2", "py3"]);
    expect(contents.wheel.tags).toEqual(["py2-none-any", "py3-none-any"]);
    expect(contents.metadata.fields.get("license")).toEqual(["BSD-3-Clause"]);
  });

  it("extras_demo: a pre-release with markers and extras, in order", async () => {
    const contents = await read("extras_demo-2.0.0rc1-py3-none-any.whl");
    expect(contents.filename.version).toBe("2.0.0rc1");
    expect(contents.metadata.fields.get("metadata-version")).toEqual(["2.3"]);
    expect(contents.metadata.fields.get("provides-extra")).toEqual(["cli", "test"]);
    expect(contents.metadata.fields.get("requires-dist")).toEqual([
      "requests[socks]>=2.25,!=2.28.0",
      "attrs~=23.1",
      "packaging==24.*",
      'tomli>=1.1.0; python_version < "3.11"',
      'pywin32>=300; sys_platform == "win32"',
      'colorama; os_name == "nt"',
      'uvloop>=0.17; platform_system == "Linux" and implementation_name == "cpython"',
      'rich>=12; extra == "cli"',
      'pytest>=7; extra == "test"',
      'hypothesis; extra == "test" and python_version >= "3.9"',
    ]);
    expect(contents.licenseFiles).toEqual([]);
  });

  it("fastmath: platlib root with a C extension, compressed platform tags", async () => {
    const contents = await read(
      "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    );
    expect(contents.wheel.rootIsPurelib).toBe(false);
    expect(contents.filename.platformTags).toEqual([
      "manylinux_2_17_x86_64",
      "manylinux2014_x86_64",
    ]);
    expect(summary(contents).filter(([, , , , d]) => d === "-")).toEqual([
      ["fastmath/__init__.py", "platlib", "fastmath/__init__.py", "-", "-"],
      [
        "fastmath/_speedups.cpython-311-x86_64-linux-gnu.so",
        "platlib",
        "fastmath/_speedups.cpython-311-x86_64-linux-gnu.so",
        "-",
        "-",
      ],
    ]);
    const so = contents.members.find((m) => m.path.endsWith(".so"));
    expect(so?.size).toBeGreaterThan(1000);
    // Built like a manylinux module: no library needed, a search path into the build machine.
    expect(so?.elf).toEqual({
      type: "shared",
      needed: [],
      runpath: ["/opt/_internal/fastmath/lib"],
      rpath: [],
      // Stripped, and no signatures were asked for.
      symbols: false,
      signatures: null,
    });
  });

  it("oldmeta: Metadata 1.2 with a description folded into the header", async () => {
    const contents = await read("oldmeta-0.9-py3-none-any.whl");
    const { fields, body } = contents.metadata;
    expect(fields.get("metadata-version")).toEqual(["1.2"]);
    expect(fields.get("license")).toEqual(["GPLv2+"]);
    // What Python's importlib.metadata gives for the same header.
    expect(fields.get("description")).toEqual([
      "oldmeta\n=======\n\nA single module packaged the old way: the long description is\n" +
        "folded into this header, each line indented by eight spaces.\n\n    an indented line keeps its extra indent",
    ]);
    expect(fields.get("platform")).toEqual(["UNKNOWN"]);
    expect(body).toBe("");
    expect(contents.entryPoints).toEqual([]);
    expect(contents.licenseFiles).toEqual([]);
  });
});
