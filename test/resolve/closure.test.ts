/**
 * The closure against a real simple index served over loopback: three levels deep, a diamond,
 * an extra, a marker that excludes a branch, the archive's share, a project no source has, a
 * file whose hash differs from the index's, and a version conflict between requirers.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig, loadConfig } from "../../src/config/index.js";
import { readPackage } from "../../src/convert/index.js";
import { UserError } from "../../src/errors.js";
import { getProfile } from "../../src/profiles/index.js";
import {
  resolveClosure,
  WheelSources,
  type ClosureRoot,
  type TargetArchive,
} from "../../src/resolve/index.js";
import { writeWheel, type HouseWheel } from "../batch/wheelhouse.js";
import { scratchDirectory } from "../wheel/zip-builder.js";
import { serveDirectory, writeIndex, type IndexServer, type IndexWheel } from "./index-server.js";

const indexWheels: IndexWheel[] = [
  { name: "mid", version: "1.0", requires: ["deep>=2"] },
  { name: "deep", version: "1.0" },
  { name: "deep", version: "2.0", requires: ["deeper"] },
  { name: "deep", version: "3.0rc1", requires: ["deeper"] },
  { name: "deeper", version: "0.1" },
  { name: "lefty", version: "1.0", requires: ["base<3"] },
  { name: "righty", version: "1.0", requires: ["Base>=1.5"] },
  { name: "base", version: "1.0" },
  { name: "base", version: "2.0" },
  { name: "base", version: "2.5", yanked: "broken build" },
  { name: "base", version: "3.0rc1" },
  {
    name: "extraful",
    version: "1.0",
    extras: ["fancy"],
    requires: ['fancydep; extra == "fancy"'],
  },
  { name: "fancydep", version: "1.0" },
  { name: "winonly", version: "1.0" },
  { name: "tampered", version: "1.0", wrongHash: true },
  { name: "pinned", version: "1.0" },
  { name: "pinned", version: "2.0" },
  { name: "other", version: "1.0", requires: ["pinned>=2"] },
];

const app: HouseWheel = {
  name: "app",
  version: "1.0",
  requires: [
    "mid>=1",
    "lefty",
    "righty",
    "extraful[fancy]",
    'winonly; sys_platform == "win32"',
    "ghost>=1",
    "tampered",
    "six>=1.10",
  ],
};

/** An archive that has python3-six only (the closure's own interface, answered from a list). */
const sixOnly: TargetArchive = {
  satisfies: (relation) =>
    Promise.resolve(
      relation.startsWith("python3-six")
        ? { kind: "satisfied", detail: "python3-six in the test archive" }
        : { kind: "missing", detail: `${relation} not in the test archive` },
    ),
};

let scratch: { dir: string; remove: () => void };
let server: IndexServer;

beforeAll(async () => {
  scratch = scratchDirectory();
  writeIndex(path.join(scratch.dir, "index"), indexWheels);
  server = await serveDirectory(path.join(scratch.dir, "index"));
});

afterAll(async () => {
  await server.stop();
  scratch.remove();
});

async function roots(wheels: HouseWheel[]): Promise<ClosureRoot[]> {
  const dir = fs.mkdtempSync(path.join(scratch.dir, "given-"));
  return Promise.all(
    wheels.map(async (w) => {
      const wheel = writeWheel(dir, w);
      return { wheel, pkg: (await readPackage(wheel)).pkg, extras: [] };
    }),
  );
}

function sources(cacheName: string, urls = [server.url]): WheelSources {
  return new WheelSources({ indexUrls: urls, cacheDir: path.join(scratch.dir, cacheName) });
}

describe("resolveClosure over a PEP 503 index on loopback", () => {
  it("pulls what the archive lacks, newest allowed, and says why the rest is unsatisfied", async () => {
    const plan = await resolveClosure(await roots([app]), {
      profiles: [getProfile("debian-12")],
      config: emptyConfig,
      sources: sources("cache"),
      archiveOf: () => sixOnly,
    });
    const [target] = plan.targets;
    expect(plan.notes).toEqual([]);
    expect(target?.pulled.map((p) => [p.project, p.version, p.extras, p.requiredBy])).toEqual([
      ["base", "2.0", [], ["lefty", "righty"]],
      ["deep", "2.0", [], ["mid"]],
      ["deeper", "0.1", [], ["deep"]],
      ["extraful", "1.0", ["fancy"], ["app"]],
      ["fancydep", "1.0", [], ["extraful[fancy]"]],
      ["lefty", "1.0", [], ["app"]],
      ["mid", "1.0", [], ["app"]],
      ["righty", "1.0", [], ["app"]],
    ]);
    expect(target?.pulled.find((p) => p.project === "deeper")?.chain).toEqual([
      "app",
      "mid",
      "deep",
    ]);
    expect(target?.satisfiedByArchive.map((a) => [a.requirement, a.relations])).toEqual([
      ["six>=1.10", ["python3-six (>= 1.10)"]],
    ]);
    expect(target?.unsatisfied.map((u) => [u.chain.join(" → "), u.reason])).toEqual([
      ["app → ghost>=1", "no-wheel"],
      ["app → tampered", "hash-mismatch"],
    ]);
    expect(target?.unsatisfied[1]?.detail).toContain("0".repeat(64));
    // The fetched wheels are kept under their hash; the tampered one is not kept at all.
    const cached = fs.readdirSync(path.join(scratch.dir, "cache"));
    expect(cached).toHaveLength(8);
    expect(cached.every((d) => /^[0-9a-f]{64}$/.test(d))).toBe(true);
  });

  it("takes pre-releases and a yanked file only when asked", async () => {
    const pinned: HouseWheel = { name: "pin", version: "1.0", requires: ["base==2.5", "deep"] };
    const plan = await resolveClosure(await roots([pinned]), {
      profiles: [getProfile("debian-12")],
      config: emptyConfig,
      sources: sources("cache-pre"),
      archiveOf: () => sixOnly,
      prereleases: true,
    });
    const versions = plan.targets[0]?.pulled.map((p) => `${p.project} ${p.version}`);
    expect(versions).toEqual(["base 2.5", "deep 3.0rc1", "deeper 0.1"]);
  });

  it("reports requirers that no one version satisfies as a version conflict", async () => {
    const conflicted: HouseWheel = {
      name: "tool",
      version: "1.0",
      requires: ["pinned==1.0", "other"],
    };
    const plan = await resolveClosure(await roots([conflicted]), {
      profiles: [getProfile("debian-12")],
      config: emptyConfig,
      sources: sources("cache-conflict"),
      archiveOf: () => sixOnly,
    });
    const [unsatisfied] = plan.targets[0]?.unsatisfied ?? [];
    expect(unsatisfied?.reason).toBe("version-conflict");
    expect(unsatisfied?.detail).toMatch(/tool wants ==1\.0; other wants >=2/);
  });

  it("asks the target's archive index, with the epochs and versions its packages have", async () => {
    // bookworm's python3-numpy is 1:1.24.2 and python3-six 1.16.0: the relations carry numpy's
    // epoch and are satisfied; six>=1.17 is not, and nothing in the sources has six.
    const configFile = path.join(scratch.dir, "archive.toml");
    const packages = path.resolve("fixtures/archive/deb/Packages");
    fs.writeFileSync(
      configFile,
      `[archive]\ncache = "archive-cache"\n[archive.targets.debian-12]\nsources = [${JSON.stringify(packages)}]\n`,
    );
    const wanting: HouseWheel = {
      name: "wanting",
      version: "1.0",
      requires: ["numpy>=1.20,<2", "six>=1.17"],
    };
    const plan = await resolveClosure(await roots([wanting]), {
      profiles: [getProfile("debian-12")],
      config: await loadConfig(configFile),
      sources: sources("cache-archive"),
    });
    const [target] = plan.targets;
    expect(target?.archive).toEqual({
      checked: true,
      source: expect.stringMatching(/^debian-12 archive index/) as unknown,
    });
    expect(target?.satisfiedByArchive.map((a) => [a.requirement, a.relations])).toEqual([
      ["numpy>=1.20,<2", ["python3-numpy (>= 1:1.20)", "python3-numpy (<< 1:2~~)"]],
    ]);
    expect(target?.satisfiedByArchive[0]?.detail).toMatch(/python3-numpy 1:1\.24\.2-1\+deb12u1/);
    expect(target?.unsatisfied.map((u) => [u.requirement, u.reason])).toEqual([
      ["six>=1.17", "no-wheel"],
    ]);
  });

  it("takes what a target needs from the sources when its archive index cannot be read", async () => {
    // A cache of its own, so that no index saved elsewhere stands in for the unreadable one.
    const unsavedConfig = path.join(scratch.dir, "unsaved.toml");
    fs.writeFileSync(unsavedConfig, '[archive]\ncache = "archive-cache-unsaved"\n');
    const plan = await resolveClosure(
      await roots([{ name: "needy", version: "1.0", requires: ["deeper"] }]),
      {
        profiles: [getProfile("fedora")],
        config: await loadConfig(unsavedConfig),
        sources: sources("cache-unread"),
      },
    );
    const [target] = plan.targets;
    expect(target?.archive.checked).toBe(false);
    expect(target?.archive.source).toMatch(/no repository is configured/);
    expect(target?.pulled.map((p) => p.project)).toEqual(["deeper"]);
  });

  it("refuses an index it cannot reach, naming it", async () => {
    const closed = "http://127.0.0.1:9/simple/";
    const run = resolveClosure(await roots([{ name: "solo", version: "1.0", requires: ["x"] }]), {
      profiles: [getProfile("debian-12")],
      config: emptyConfig,
      sources: sources("cache-closed", [closed]),
      archiveOf: () => sixOnly,
    });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/cannot reach the index/);
  });
});
