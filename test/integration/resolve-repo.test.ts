/**
 * From one application wheel and a simple index on loopback, `batch --resolve --build --repo`
 * makes a flat apt repository from which apt installs the application on bookworm, pulling
 * only what the archive lacks; the report's install section agrees with apt asked here
 * independently, under a private configuration.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/batch/index.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";
import { inCI, skipWithout, systemPath } from "../helpers/tools.js";
import { serveDirectory, writeIndex, type IndexServer } from "../resolve/index-server.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const bookworm = /^VERSION_CODENAME=bookworm$/m.test(
  fs.existsSync("/etc/os-release") ? fs.readFileSync("/etc/os-release", "utf8") : "",
);
const tools = ["dpkg-buildpackage", "dh_python3", "apt-get", "dpkg-scanpackages", "python3", "xz"];
const skip = skipWithout(...tools) || (!inCI && !bookworm);

/** apt-get under a private configuration in `root` that knows only the repository (and the host's dpkg status). */
function apt(root: string, args: string[]): { status: number; output: string } {
  const options = [
    "-o",
    `Dir::State::Lists=${path.join(root, "lists")}`,
    "-o",
    `Dir::Etc::SourceList=${path.join(root, "sources.list")}`,
    "-o",
    `Dir::Etc::SourceParts=${path.join(root, "parts")}`,
    "-o",
    `Dir::Cache=${path.join(root, "cache")}`,
    "-o",
    "Dir::Cache::pkgcache=",
    "-o",
    "Dir::Cache::srcpkgcache=",
    "-o",
    "Debug::NoLocking=true",
    "-o",
    "APT::Get::List-Cleanup=false",
    "-o",
    "APT::Sandbox::User=root",
  ];
  try {
    const output = execFileSync("apt-get", [...options, ...args], {
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

let scratch: { dir: string; remove: () => void };
let server: IndexServer;

beforeAll(async () => {
  scratch = scratchDirectory();
  writeIndex(path.join(scratch.dir, "index"), [
    { name: "rr_mid", version: "1.0", requires: ["rr-deep>=2"] },
    { name: "rr_deep", version: "1.0" },
    { name: "rr_deep", version: "2.0", requires: ["rr-deeper"] },
    { name: "rr_deeper", version: "0.1" },
    { name: "rr_left", version: "1.0", requires: ["rr-base<3"] },
    { name: "rr_right", version: "1.0", requires: ["rr-base>=1.5"] },
    { name: "rr_base", version: "1.0" },
    { name: "rr_base", version: "2.0" },
    { name: "rr_base", version: "3.0rc1" },
    {
      name: "rr_extra",
      version: "1.0",
      extras: ["fancy"],
      requires: ['rr-fancy; extra == "fancy"'],
    },
    { name: "rr_fancy", version: "1.0" },
    { name: "rr_windows", version: "1.0" },
  ]);
  server = await serveDirectory(path.join(scratch.dir, "index"));
});

afterAll(async () => {
  await server.stop();
  scratch.remove();
});

describe.skipIf(skip)("batch --resolve --build --repo for debian-12, read back by apt", () => {
  it("builds the closure into a repository from which apt installs the application", async () => {
    const house = path.join(scratch.dir, "house");
    fs.mkdirSync(house);
    writeWheel(house, {
      name: "rr_app",
      version: "1.0",
      requires: [
        "rr-mid>=1",
        "rr-left",
        "rr-right",
        "rr-extra[fancy]",
        'rr-windows; sys_platform == "win32"',
        "six>=1.10",
      ],
    });
    const out = path.join(scratch.dir, "out");
    const repo = path.join(scratch.dir, "repo");
    const reportFile = path.join(scratch.dir, "report.json");
    const result = await runCli([
      "batch",
      house,
      "--target",
      "debian-12",
      "--out",
      out,
      "--build",
      "-j",
      "2",
      "--quiet",
      "--resolve",
      "--index-url",
      server.url,
      "--cache-dir",
      path.join(scratch.dir, "cache"),
      "--repo",
      repo,
      "--report",
      reportFile,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as BatchReport;
    const [closure] = report.closure?.targets ?? [];
    expect(closure?.pulled.map((p) => `${p.project} ${p.version}`)).toEqual([
      "rr-base 2.0",
      "rr-deep 2.0",
      "rr-deeper 0.1",
      "rr-extra 1.0",
      "rr-fancy 1.0",
      "rr-left 1.0",
      "rr-mid 1.0",
      "rr-right 1.0",
    ]);
    expect(closure?.satisfiedByArchive.map((a) => a.project)).toEqual(["six"]);
    expect(closure?.unsatisfied).toEqual([]);
    expect(report.totals.built).toBe(9);
    const [repository] = report.repositories ?? [];
    expect(repository?.install.checked).toBe(true);
    expect(repository?.install.results).toHaveLength(9);
    expect(repository?.install.results.every((r) => r.installable)).toBe(true);
    expect(result.stderr).toMatch(/install: 9 of 9 package\(s\) installable/);
    for (const name of ["Packages", "Packages.gz", "Packages.xz", "Release"]) {
      expect(fs.existsSync(path.join(repo, "debian-12", name)), name).toBe(true);
    }

    // apt reads the repository back: the host's archive lists and the repository, nothing else.
    const root = path.join(scratch.dir, "apt");
    fs.mkdirSync(path.join(root, "lists", "partial"), { recursive: true });
    fs.mkdirSync(path.join(root, "parts"));
    fs.writeFileSync(path.join(root, "sources.list"), `${repository?.configuration ?? ""}\n`);
    expect(apt(root, ["update"]).status).toBe(0);
    for (const name of fs.readdirSync("/var/lib/apt/lists")) {
      if (/_Packages(\.\w+)?$|_InRelease$/.test(name)) {
        fs.copyFileSync(path.join("/var/lib/apt/lists", name), path.join(root, "lists", name));
      }
    }
    fs.copyFileSync(
      "/etc/apt/sources.list.d/debian.sources",
      path.join(root, "parts", "debian.sources"),
    );
    const install = apt(root, [
      "install",
      "--simulate",
      "--no-install-recommends",
      "python3-rr-app",
    ]);
    expect(install.status, install.output).toBe(0);
    const installed = [...install.output.matchAll(/^Inst (\S+) /gm)].map((m) => m[1] ?? "");
    for (const name of [
      "python3-rr-app",
      "python3-rr-mid",
      "python3-rr-deep",
      "python3-rr-deeper",
      "python3-rr-base",
      "python3-rr-fancy",
    ]) {
      expect(installed, name).toContain(name);
    }
    expect(installed).not.toContain("python3-rr-windows");
    expect(install.output).not.toMatch(/^Inst python3-six .*wheel2pkg/m);
  }, 600_000);
});
