/**
 * `--check-archive` in every command that shows relations: the archive's packages beside each
 * relation, and `dependency-unknown` / `dependency-version-unavailable` per requirement, from the
 * committed Packages fixture (named in wheel2pkg.toml) and from the real bookworm lists.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostAptLists } from "../../src/families/deb/archive.js";
import { getProfile } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";
import { inCI } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const packages = path.resolve("fixtures/archive/deb/Packages");
const config = path.join(scratch.dir, "wheel2pkg.toml");
fs.writeFileSync(
  config,
  `[archive]\ncache = "cache"\n[archive.targets.debian-13]\nsources = [${JSON.stringify(packages)}]\n`,
);

const wheel = scratch.wheel({
  metadata: [
    "Metadata-Version: 2.1",
    "Name: demo",
    "Version: 1.0",
    "License-Expression: MIT",
    "Requires-Dist: six",
    "Requires-Dist: cffi>=2.0",
    "Requires-Dist: wheel2pkg-no-such-project>=1",
    "",
  ].join("\n"),
});

const unknown =
  /warning: dependency-unknown: debian-13: wheel2pkg-no-such-project>=1 → python3-wheel2pkg-no-such-project \(>= 1\): the archive has no package of that name/;
const tooOld =
  /warning: dependency-version-unavailable: debian-13: cffi>=2\.0 → python3-cffi \(>= 2\.0\): the archive has python3-cffi 1\.15\.1-5/;

describe("--check-archive", () => {
  it("reports each requirement the archive cannot satisfy, in preview and inspect", async () => {
    for (const command of ["preview", "inspect"]) {
      const args = [command, wheel, "--target", "debian-13", "--check-archive", "--config", config];
      const result = await runCli(args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(unknown);
      expect(result.stderr).toMatch(tooOld);
      expect(result.stderr).not.toMatch(/python3-six/);
    }
    const inspected = await runCli([
      "inspect",
      wheel,
      "--target",
      "debian-13",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(inspected.stdout).toContain(
      "python3-cffi (>= 2.0): archive: python3-cffi 1.15.1-5 (not a version it admits)",
    );
    expect(inspected.stdout).toContain("python3-six: archive: python3-six 1.16.0-4");
  });

  it("shows the archive's version beside each relation in map and explain", async () => {
    const map = await runCli([
      "map",
      "cffi>=2.0",
      "numpy<2",
      "--target",
      "debian-13",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(map.code, map.stderr).toBe(0);
    expect(map.stdout).toContain(
      "  python3-cffi (>= 2.0): archive: python3-cffi 1.15.1-5 (not a version it admits)\n",
    );
    // The relation carries the archive's epoch, as planning writes it, and so admits its package.
    expect(map.stdout).toContain(
      "numpy<2 → python3-numpy (<< 1:2~~)\n  python3-numpy (<< 1:2~~): archive: python3-numpy 1:1.24.2-1+deb12u1\n",
    );
    const json = await runCli([
      "map",
      "six",
      "--target",
      "debian-13",
      "--check-archive",
      "--json",
      "--config",
      config,
    ]);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        archive: [
          { relation: "python3-six", offers: ["python3-six 1.16.0-4"], status: "satisfied" },
        ],
      }),
    ]);
    const explain = await runCli([
      "explain",
      "PyYAML",
      "--target",
      "debian-13",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(explain.stdout).toContain("python3-yaml: archive: python3-yaml 6.0-3+b2\n");
  });

  it("says which Provides of the archive's package a converted package replaces and lacks", async () => {
    const numpy = scratch.wheel(
      {
        name: "numpy",
        version: "2.0",
        metadata: "Metadata-Version: 2.1\nName: numpy\nVersion: 2.0\nLicense-Expression: MIT\n",
      },
      "numpy-2.0-py3-none-any.whl",
    );
    const result = await runCli([
      "preview",
      numpy,
      "--target",
      "debian-13",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(result.code, result.stderr).toBe(0);
    // The package takes the epoch of the archive's package it replaces.
    expect(result.stdout).toContain("python-numpy (1:2.0-1) ");
    expect(result.stderr).toMatch(
      /warning: archive-provides-lost: python3-numpy replaces the debian-13 archive index .*'s python3-numpy 1:1\.24\.2-1\+deb12u1, which provides dh-sequence-numpy3, python3-f2py, python3-numpy-abi9, python3-numpy-api16, python3-numpy-dev; this package does not/,
    );
    const plain = await runCli([
      "preview",
      wheel,
      "--target",
      "debian-13",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(plain.stderr).not.toMatch(/archive-provides-lost/);
  });

  it("is refused for a target whose archive is not configured", async () => {
    const result = await runCli([
      "map",
      "six",
      "--target",
      "fedora",
      "--check-archive",
      "--config",
      config,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[archive\.targets\.fedora\] sources/);
  });
});

describe("--check-archive against the real bookworm archive", () => {
  const cryptography = "/opt/pypi/files/cryptography-50.0.2-cp311-abi3-manylinux_2_34_x86_64.whl";
  it("finds that bookworm's cffi is older than cryptography needs", async () => {
    // The PyPI mirror is this machine's; apt's lists are CI's too (its script runs apt-get update).
    if (!fs.existsSync(cryptography)) return;
    if (!inCI && (await hostAptLists(getProfile("debian-12"))) === null) return;
    process.env.XDG_CACHE_HOME = path.join(scratch.dir, "xdg");
    try {
      const result = await runCli([
        "inspect",
        cryptography,
        "--target",
        "debian-12",
        "--check-archive",
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /dependency-version-unavailable: debian-12: cffi>=2\.0\.0 .* → python3-cffi \(>= 2\.0\): the archive has python3-cffi 1\.15\.1-5/,
      );
    } finally {
      delete process.env.XDG_CACHE_HOME;
    }
  }, 120_000);
});
