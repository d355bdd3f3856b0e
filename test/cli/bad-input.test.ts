import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getProfile } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";
import { recordHash, scratchDirectory, wheelBytes, type WheelSpec } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});
const DI = "demo-1.0.dist-info";
const metadata = (extra: string) =>
  `Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nLicense-Expression: MIT\n${extra}`;

/** Each bad wheel, and what the message must name: the member or field. */
const cases: [string, WheelSpec | Buffer, RegExp][] = [
  ["not a zip", Buffer.from("this is not a zip archive\n"), /not a valid zip/],
  ["a truncated zip", wheelBytes().subarray(0, 200), /zip/],
  [
    "no dist-info",
    { entries: (e) => e.map((x) => ({ ...x, name: x.name.replace(DI, "meta") })) },
    /no \.dist-info/,
  ],
  [
    "two dist-info directories",
    { files: { "demo/__init__.py": "", "other-2.0.dist-info/METADATA": "Name: other\n" } },
    /more than one \.dist-info/,
  ],
  [
    "a RECORD hash mismatch",
    {
      record: (rows) =>
        rows.map((r) => (r[0] === "demo/__init__.py" ? [r[0], recordHash("x"), r[2] ?? ""] : r)),
    },
    /demo\/__init__\.py: sha256 mismatch/,
  ],
  [
    "a file missing from RECORD",
    { record: (rows) => rows.filter((r) => r[0] !== "demo/__init__.py") },
    /demo\/__init__\.py: in the wheel but not listed in RECORD/,
  ],
  ["a ../ member", { entries: (e) => [...e, { name: "../evil", data: "x" }] }, /\.\.\/evil/],
  [
    "an absolute member",
    { entries: (e) => [...e, { name: "/etc/evil", data: "x" }] },
    /\/etc\/evil/,
  ],
  [
    "a symlink member",
    { entries: (e) => [...e, { name: "demo/link", data: "/etc/passwd", mode: 0o120777 }] },
    /demo\/link: .*symbolic link/,
  ],
  [
    "a zip bomb",
    {
      entries: (e) =>
        e.map((x) =>
          x.name === "demo/__init__.py" ? { ...x, data: "x".repeat(50_000), declaredSize: 10 } : x,
        ),
    },
    /zip bomb/,
  ],
  [
    "a member declaring more than deflate can produce",
    {
      entries: (e) =>
        e.map((x) =>
          x.name === "demo/__init__.py"
            ? { ...x, data: "x".repeat(100), declaredSize: 2 * 1024 * 1024 }
            : x,
        ),
    },
    /demo\/__init__\.py: zip bomb: .*more than the 1032:1 allowed/,
  ],
  [
    "invalid UTF-8 in METADATA",
    { metadata: Buffer.from(metadata("Author: Jos\xe9\n"), "latin1") },
    /METADATA: .*UTF-8/,
  ],
  [
    "a bad Requires-Dist line",
    { metadata: metadata("Requires-Dist: foo >=1.0 <2\n") },
    /Requires-Dist/,
  ],
  [
    "an unsupported Wheel-Version",
    { wheel: "Wheel-Version: 2.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n" },
    /WHEEL: .*Wheel-Version/,
  ],
];

describe("bad input: a clear message naming the wheel, exit code 2, nothing written", () => {
  it.each(cases)("%s", async (_title, input, message) => {
    const file = Buffer.isBuffer(input)
      ? scratch.write(`bad-${Math.random().toString(36).slice(2)}-1.0-py3-none-any.whl`, input)
      : scratch.wheel(input);
    const out = join(mkdtempSync(join(tmpdir(), "wheel2pkg-bad-")), "out");
    for (const command of [
      ["convert", file, "--target", "debian-12,fedora", "--out", out],
      ["preview", file, "--target", "fedora"],
    ]) {
      const result = await runCli(command);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(basename(file));
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|at .*\.ts:/);
      expect(result.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    }
  });

  it("shows the wheel's control characters escaped, on one line", async () => {
    const file = scratch.wheel({
      entries: (e) => [...e, { name: "demo/\x1b]0;owned\x07\x1b[2J\nx.py", data: "x" }],
    });
    const result = await runCli(["preview", file, "--target", "fedora"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("\\x1b]0;owned\\x07\\x1b[2J");
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("an unknown target names the known ones", async () => {
    const result = await runCli(["preview", scratch.wheel(), "--target", "gentoo"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown target "gentoo"; known targets: .*debian-12.*fedora/);
  });

  it("a wheel that does not exist", async () => {
    const result = await runCli(["inspect", join(scratch.dir, "missing-1.0-py3-none-any.whl")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing-1\.0-py3-none-any\.whl/);
  });

  it("a platform wheel for another Python is refused for that target", async () => {
    const spec: WheelSpec = {
      wheel:
        "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: cp311-cp311-manylinux_2_17_x86_64\n",
    };
    const file = join(
      mkdtempSync(join(scratch.dir, "p-")),
      "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
    );
    writeFileSync(file, wheelBytes(spec));
    const out = join(scratch.dir, "out-platform");
    const result = await runCli(["convert", file, "--target", "fedora", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`CPython 3\\.11.*${getProfile("fedora").python.version.replace(".", "\\.")}`),
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("Requires-Python", () => {
  it("refuses a target whose Python is outside it, naming the field", async () => {
    const file = scratch.wheel({ metadata: metadata("Requires-Python: >=3.12\n") });
    const debian = await runCli(["preview", file, "--target", "debian-12"]);
    expect(debian.code).toBe(2);
    expect(debian.stderr).toMatch(
      /Requires-Python.*requires Python >=3\.12; debian-12 .* 3\.11\.2/,
    );
    const fedora = await runCli(["preview", file, "--target", "fedora"]);
    expect(fedora.code, fedora.stderr).toBe(0);
  });

  it("keeps upper bounds as a python3 relation on Debian, and drops lower bounds the suite meets", async () => {
    const file = scratch.wheel({ metadata: metadata("Requires-Python: >=3.8,!=3.9.*,<3.12\n") });
    const result = await runCli(["preview", file, "--target", "debian-12", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { files: { path: string; content: string }[] };
    const control = document.files.find((f) => f.path.endsWith("debian/control"))?.content ?? "";
    expect(control).toMatch(/^ python3 \(<< 3\.12~~\),?$/m);
    expect(control).toContain(" python3 (>= 3.10~~) | python3 (<< 3.9~~),");
    expect(control).not.toMatch(/python3 \(>= 3\.8/);
  });
});

describe("script names", () => {
  it("refuses an entry point whose name is not a plain file name", async () => {
    const file = scratch.wheel({
      distInfo: { "entry_points.txt": "[console_scripts]\nfoo;rm = demo:main\n" },
    });
    const result = await runCli(["preview", file, "--target", "opensuse"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /entry_points\.txt: the script name "foo;rm" is not a plain file name/,
    );
  });
});
