/**
 * The Debian packages a batch builds from a set of inter-dependent wheels install together:
 * `apt-get install --simulate` on all the built .debs resolves every relation (the set's own
 * packages, with their version relations, and packages of the host's archive).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/batch/index.js";
import { runCli } from "../helpers/cli.js";
import { systemPath, skipWithout } from "../helpers/tools.js";
import { type HouseWheel, useWheelhouses } from "./wheelhouse.js";

const house = useWheelhouses();

/** Runs apt-get (or apt-cache) and returns its status and output; never throws on a status. */
function apt(command: string, args: readonly string[]): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, {
      encoding: "utf8",
      env: { PATH: systemPath, LC_ALL: "C.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number | null; stdout?: string; stderr?: string };
    return { status: e.status ?? -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Whether the host's archive has an installation candidate for a package. */
function inArchive(name: string): boolean {
  const { output } = apt("apt-cache", ["policy", name]);
  const candidate = /^\s+Candidate: (.*)$/m.exec(output)?.[1];
  return candidate !== undefined && candidate !== "(none)";
}

/**
 * The wheels: a chain, a diamond, packages that join them to each other and to the archive, and
 * leaves that build in parallel; the longest path of the graph is 7 builds deep.
 */
function interdependentWheels(archive: { six: boolean; pkgResources: boolean }): HouseWheel[] {
  const chain: HouseWheel[] = Array.from({ length: 5 }, (_, i) => ({
    name: `chain${i}`,
    version: `1.${i}`,
    requires:
      i === 0 ? [] : [i % 2 === 0 ? `chain${i - 1}>=1.${i - 1}` : `chain${i - 1}~=1.${i - 1}`],
  }));
  const diamond: HouseWheel[] = [
    { name: "diamond_base", version: "2.0.1" },
    { name: "diamond_left", version: "1.4", requires: ["diamond-base>=2.0,<3"] },
    { name: "diamond_right", version: "0.9.post1", requires: ["Diamond.Base!=1.9,>=1.5"] },
    {
      name: "diamond_top",
      version: "3.0rc1",
      requires: ["diamond-left==1.4", "diamond_right>=0.9", "diamond-base"],
    },
  ];
  const outside = [
    ...(archive.six ? ["six>=1.10"] : []),
    ...(archive.pkgResources ? ["setuptools"] : []),
  ];
  const leaves: HouseWheel[] = [
    { name: "leaf_a", version: "1.0", requires: ["chain0>=1.0"] },
    { name: "leaf_b", version: "2.5", requires: ["diamond-base~=2.0"] },
    { name: "leaf_c", version: "0.3", requires: ["chain0", ...outside] },
    { name: "leaf_d", version: "1.0.0", requires: ["diamond-base>2"] },
    { name: "leaf_e", version: "4.2", requires: ["chain0<=1.0"] },
    { name: "leaf_f", version: "1.0", requires: outside },
    { name: "lone", version: "2024.1.1" },
  ];
  const joins: HouseWheel[] = [
    {
      name: "bridge",
      version: "0.1",
      requires: ["chain4>=1.4", "diamond-top>=3.0rc1", ...outside],
    },
    {
      name: "tool_c",
      version: "1.0",
      extras: ["more"],
      requires: ["chain0<2", "leaf-e==4.2", 'bridge>=0.1; extra == "more"'],
    },
    { name: "app_one", version: "1.0", requires: ["bridge~=0.1", "tool-c", "leaf-a"] },
    { name: "app_two", version: "1.0", requires: ["leaf-b>=2", "lone>=2024", "leaf-f"] },
    {
      name: "wordy",
      version: "1.0",
      requires: ["leaf-c", "leaf-d"],
      summary: "very long summary words ".repeat(6).trim(),
    },
  ];
  return [...chain, ...diamond, ...leaves, ...joins];
}

describe.skipIf(skipWithout("dpkg-buildpackage", "dh_python3", "apt-get", "apt-cache"))(
  "batch --build for Debian, then apt-get install --simulate",
  () => {
    it("builds 22 inter-dependent packages with -j 2 that apt-get would install together", async () => {
      const archive = {
        six: inArchive("python3-six"),
        pkgResources: inArchive("python3-pkg-resources"),
      };
      const wheels = interdependentWheels(archive);
      expect(wheels.length).toBeGreaterThanOrEqual(20);
      const h = house(wheels);
      const reportFile = path.join(h.root, "report.json");
      const result = await runCli([
        "batch",
        h.house,
        "--target",
        "debian-12",
        "--out",
        h.out,
        "--build",
        "-j",
        "2",
        "--quiet",
        "--report",
        reportFile,
      ]);
      const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as BatchReport;
      expect(result.code, result.stderr).toBe(0);
      expect(report.totals.built).toBe(wheels.length);
      expect(report.unresolved).toEqual([]);
      // Each package was built after the set's packages it requires.
      const position = (p: string) => report.order.indexOf(p);
      for (const e of report.entries) {
        for (const dep of e.requires) expect(position(dep)).toBeLessThan(position(e.project ?? ""));
      }
      // The packaging and the built .debs are linted, and are clean (a long summary is cut
      // to a synopsis under 80 characters).
      const clean = { error: 0, warning: 0, info: 0, rules: {} };
      for (const e of report.entries) expect(e.lint).toEqual({ packaging: clean, built: clean });

      const debs = report.entries.flatMap((e) => e.artifacts.filter((a) => a.endsWith(".deb")));
      expect(debs).toHaveLength(wheels.length);
      const names = debs.map((deb) => path.basename(deb).split("_")[0] ?? "");
      const bridge = debs.find((d) => path.basename(d).startsWith("python3-bridge_")) ?? "";
      expect(apt("dpkg-deb", ["--field", bridge, "Depends"]).output).toMatch(
        /python3-chain4 \(>= 1\.4\)/,
      );
      const depends = apt("dpkg-deb", ["--field", bridge, "Depends"]).output;
      if (archive.six) expect(depends).toMatch(/python3-six \(>= 1\.10\)/);
      if (archive.pkgResources) expect(depends).toMatch(/python3-pkg-resources/);

      const simulate = apt("apt-get", [
        "install",
        "--simulate",
        "--no-install-recommends",
        ...debs,
      ]);
      expect(simulate.status, simulate.output).toBe(0);
      const installed = new Set(
        [...simulate.output.matchAll(/^Inst (\S+) /gm)].map((m) => m[1] ?? ""),
      );
      for (const name of names) expect(installed, name).toContain(name);

      // Without the bottom of the chain, nothing above it can be installed: the relations hold.
      const withoutBottom = debs.filter((d) => !path.basename(d).startsWith("python3-chain0_"));
      const broken = apt("apt-get", ["install", "--simulate", ...withoutBottom]);
      expect(broken.status).not.toBe(0);
      expect(broken.output).toMatch(/python3-chain0/);
    }, 600_000);
  },
);
