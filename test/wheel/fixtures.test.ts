/**
 * The committed fixture wheels are exactly what `npm run fixtures` builds, and they are real
 * wheels: Python's own installer installs them, their modules import and their scripts run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "fixtures", "wheels");
const NATIVE = "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
const committed = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".whl"))
  .sort();

const succeeds = (command: string, args: string[]): boolean =>
  spawnSync(command, args, { stdio: "ignore" }).status === 0;
const canCompile =
  succeeds("cc", ["--version"]) &&
  succeeds("strip", ["--version"]) &&
  fs.existsSync("/usr/include/python3.11/Python.h");
const python = "/usr/bin/python3";
const canInstall = fs.existsSync(python) && succeeds(python, ["-c", "import installer"]);

let rebuilt = "";
beforeAll(() => {
  rebuilt = fs.mkdtempSync(path.join(os.tmpdir(), "wheel2pkg-fixtures-"));
  const args = [path.join(ROOT, "scripts", "make-fixtures.mjs"), "--out", rebuilt];
  if (!canCompile) args.push("--no-native");
  execFileSync(process.execPath, args, { stdio: "ignore" });
});
afterAll(() => {
  fs.rmSync(rebuilt, { recursive: true, force: true });
});

describe("npm run fixtures", () => {
  it("has built the five fixture wheels", () => {
    expect(committed).toEqual([
      "datapkg-0.3.1-py2.py3-none-any.whl",
      "extras_demo-2.0.0rc1-py3-none-any.whl",
      NATIVE,
      "hello_cli-1.2.0-py3-none-any.whl",
      "oldmeta-0.9-py3-none-any.whl",
    ]);
  });

  it.each(committed.filter((name) => name !== NATIVE))("rebuilds %s byte for byte", (name) => {
    expect(
      fs.readFileSync(path.join(rebuilt, name)).equals(fs.readFileSync(path.join(FIXTURES, name))),
    ).toBe(true);
  });

  // The extension is compiler output: another compiler version legitimately builds other bytes.
  it.runIf(canCompile)(`rebuilds ${NATIVE} byte for byte with this compiler`, (context) => {
    const same = fs
      .readFileSync(path.join(rebuilt, NATIVE))
      .equals(fs.readFileSync(path.join(FIXTURES, NATIVE)));
    if (!same)
      context.skip("this C compiler builds a different _speedups.so than the committed one");
    expect(same).toBe(true);
  });
});

describe.runIf(canInstall)("the fixture wheels install with python3 -m installer", () => {
  let prefix = "";
  beforeAll(() => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), "wheel2pkg-install-"));
  });
  afterAll(() => {
    fs.rmSync(prefix, { recursive: true, force: true });
  });

  /** Installs a wheel into a fresh destdir; returns [site-packages, bin] (wherever the scheme put them). */
  function install(name: string): [string, string] {
    const destdir = fs.mkdtempSync(path.join(prefix, "destdir-"));
    execFileSync(python, ["-m", "installer", "--destdir", destdir, path.join(FIXTURES, name)], {
      stdio: "pipe",
    });
    const dirs = fs
      .readdirSync(destdir, { recursive: true, encoding: "utf8" })
      .map((dir) => path.join(destdir, dir));
    const site = dirs.find((dir) => /(site|dist)-packages$/.test(dir)) ?? destdir;
    const bin = dirs.find((dir) => dir.endsWith(`${path.sep}bin`)) ?? destdir;
    return [site, bin];
  }

  const run = (site: string, args: string[]): string =>
    execFileSync(python, args, { env: { ...process.env, PYTHONPATH: site }, encoding: "utf8" });

  it.each([
    [
      "hello_cli-1.2.0-py3-none-any.whl",
      "import hello_cli, hello_util; print(hello_cli.__version__, hello_util.shout('hi'))",
      "1.2.0 HI!\n",
    ],
    ["datapkg-0.3.1-py2.py3-none-any.whl", "import datapkg; print(datapkg.__version__)", "0.3.1\n"],
    [
      "extras_demo-2.0.0rc1-py3-none-any.whl",
      "import extras_demo; print(extras_demo.__version__)",
      "2.0.0rc1\n",
    ],
    ["oldmeta-0.9-py3-none-any.whl", "import oldmeta; print(oldmeta.describe())", "oldmeta 0.9\n"],
    [NATIVE, "import fastmath; print(fastmath.add(2, 3))", "5\n"],
  ])("%s installs and imports", (name, code, output) => {
    const [site] = install(name);
    expect(run(site, ["-c", code])).toBe(output);
  });

  it("hello_cli's console script and datapkg's .data script run", () => {
    const [helloSite, helloBin] = install("hello_cli-1.2.0-py3-none-any.whl");
    expect(run(helloSite, [path.join(helloBin, "hello")])).toBe("hello\n");
    const [dataSite, dataBin] = install("datapkg-0.3.1-py2.py3-none-any.whl");
    expect(run(dataSite, [path.join(dataBin, "datapkg-tool")])).toMatch(
      /^0\.3\.1\n.*defaults\.json\n$/,
    );
    expect(fs.statSync(path.join(dataBin, "datapkg-tool")).mode & 0o111).not.toBe(0);
  });
});
