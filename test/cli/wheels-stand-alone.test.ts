import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useWheelhouses, writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";

const house = useWheelhouses();
const HELLO = "fixtures/wheels/hello_cli-1.2.0-py3-none-any.whl";
// A CPython 3.11 wheel: debian-12 takes it, Fedora (another CPython) refuses it.
const FASTMATH =
  "fixtures/wheels/fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";

/** A scratch output directory and paramiko with `License: LGPL`, which no target takes. */
function unsettled(): { out: string; paramiko: string } {
  const h = house([]);
  const paramiko = writeWheel(h.house, { name: "paramiko", version: "3.5.0", license: "LGPL" });
  return { out: h.out, paramiko };
}

const ambiguous =
  /^wheel2pkg: error: paramiko-3\.5\.0-py3-none-any\.whl: License: license-ambiguous: License "LGPL" /m;

/** Every path under `dir`, hidden staging directories included. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("each wheel of a multi-wheel convert stands alone", () => {
  it("reports a wheel no target takes, converts the later wheels, and exits 1", async () => {
    const { out, paramiko } = unsettled();
    const result = await runCli([
      "convert",
      paramiko,
      HELLO,
      FASTMATH,
      "--target",
      "debian-12,fedora",
      "--out",
      out,
      "--no-lint",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(ambiguous);
    expect(result.stderr).toMatch(/^wheel2pkg: error: fedora: refused: .*CPython 3\.11/m);
    expect(result.stdout).toMatch(/^debian-12: python-hello-cli 1\.2\.0-1 /m);
    expect(result.stdout).toMatch(/^fedora: python-hello-cli 1\.2\.0-1 /m);
    expect(result.stdout).toMatch(/^debian-12: python-fastmath 0\.5\.0-1 /m);
    expect(fs.readdirSync(path.join(out, "debian-12")).sort()).toEqual([
      "python-fastmath",
      "python-hello-cli",
    ]);
    expect(fs.readdirSync(path.join(out, "fedora"))).toEqual(["python-hello-cli"]);
    // Nothing of the refused wheel, not even a staging directory.
    expect(tree(out).filter((entry) => entry.includes("paramiko"))).toEqual([]);
  });

  it("gives the refused wheel in --json as refused on every target", async () => {
    const { out, paramiko } = unsettled();
    const args = [HELLO, paramiko, "--target", "debian-12,fedora", "--out", out, "--no-lint"];
    const result = await runCli(["convert", ...args, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      wheel: string;
      packages: { target: string }[];
      refused: { target: string; error: string }[];
    }[];
    expect(report.map((r) => r.wheel)).toEqual([HELLO, paramiko]);
    expect(report[0]?.packages.map((p) => p.target)).toEqual(["debian-12", "fedora"]);
    expect(report[0]?.refused).toEqual([]);
    expect(report[1]?.packages).toEqual([]);
    expect(report[1]?.refused.map((r) => r.target)).toEqual(["debian-12", "fedora"]);
    for (const { error } of report[1]?.refused ?? []) {
      expect(error).toMatch(/^paramiko-3\.5\.0-py3-none-any\.whl: License: license-ambiguous: /);
    }
    expect(result.stderr).toMatch(ambiguous);
  });

  it("exits 2 when every wheel is refused, naming each, and writes nothing", async () => {
    const { out, paramiko } = unsettled();
    const missing = path.join(path.dirname(paramiko), "six-1.16.0-py3-none-any.whl");
    const result = await runCli([
      "convert",
      paramiko,
      missing,
      "--target",
      "debian-12,fedora",
      "--out",
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ambiguous);
    expect(result.stderr).toMatch(/^wheel2pkg: error: .*six-1\.16\.0-py3-none-any\.whl: /m);
    expect(result.stdout).toBe("");
    expect(tree(out)).toEqual([]);
  });

  it("says a refusal that every wheel shares once", async () => {
    const { out } = unsettled();
    const args = [HELLO, FASTMATH, "--target", "debian-12", "--out", out, "--release", "1 2"];
    const result = await runCli(["convert", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'wheel2pkg: error: release: "1 2" may contain only letters, digits and . + ~\n',
    );
    expect(tree(out)).toEqual([]);
  });
});
