/**
 * The RPM side of `batch --resolve --build --repo`: for Fedora 45, an application and what it
 * pulls in from a wheelhouse become a repository whose repodata the project's own RPM archive
 * reader reads back, and dnf, in an install root of its own, installs the application from it
 * and an archive.
 *
 * What stands in for Fedora's archive: no Fedora mirror is reachable from the hosts that run
 * these tests, so the archive is repodata that createrepo_c writes here over RPMs built here: a
 * metadata-only python3 (fixtures/archive/fedora-python/python3.spec, providing python(abi) =
 * 3.15 as Fedora 45's python3 does) and python3-six, which wheel2pkg builds from a fixture wheel
 * with Fedora's own dependency generator (python3.15dist(six) = 1.16). The batch reads that
 * archive as its archive index (six is taken from it, not pulled in) and gives it to dnf.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/batch/index.js";
import { readRpmArchive } from "../../src/families/rpm/archive.js";
import { checkRpmInstall } from "../../src/families/rpm/install-check.js";
import { getProfile } from "../../src/profiles/index.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";
import { dnf, standInFedoraArchive } from "../helpers/fedora-archive.js";
import { skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const fedora = getProfile("fedora");
const skip = skipWithout("rpmbuild", "createrepo_c", "dnf");

/**
 * dnf in a fresh install root under `root`: `install --assumeno` resolves the request and stops
 * before downloading anything, with "Operation aborted." where it resolved.
 */
function dnfInstall(
  root: string,
  repositories: Record<string, string>,
  packages: string[],
): { resolved: boolean; output: string } {
  const { ok, output } = dnf(root, repositories, ["install", "--assumeno", ...packages]);
  const aborted = /^Operation aborted\.$/m.test(output) && !/^Error:/m.test(output);
  return { resolved: ok || aborted, output };
}

/** The packages of dnf's transaction table, with the repository each comes from. */
function transaction(output: string): Map<string, string> {
  const rows = [...output.matchAll(/^ (\S+)\s+(?:noarch|x86_64)\s+\S+\s+(\S+)\s+[\d.]+ k\s*$/gm)];
  return new Map(rows.map((m) => [m[1] ?? "", m[2] ?? ""]));
}

/**
 * `batch <house> --target fedora --build` with the archive as configured and `args`, into a
 * repository `<name>-repo` that dnf is asked about: its exit, stderr, repository and report.
 */
async function batchToRepository(name: string, house: string, args: readonly string[] = []) {
  const repo = path.join(scratch.dir, `${name}-repo`);
  const reportFile = path.join(scratch.dir, `${name}.json`);
  const result = await runCli([
    "batch",
    house,
    "--target",
    "fedora",
    "--config",
    config,
    "--out",
    path.join(scratch.dir, `${name}-out`),
    "--build",
    "--quiet",
    ...args,
    "--repo",
    repo,
    "--report",
    reportFile,
  ]);
  const report = () => JSON.parse(fs.readFileSync(reportFile, "utf8")) as BatchReport;
  return { ...result, repo, report };
}

/** Two new directories: `house`, the wheels a batch is given, and `links`, what it may pull in. */
function wheelhouses(name: string): { house: string; links: string } {
  const house = path.join(scratch.dir, `${name}-house`);
  const links = path.join(scratch.dir, `${name}-links`);
  fs.mkdirSync(house);
  fs.mkdirSync(links);
  return { house, links };
}

let scratch: ReturnType<typeof scratchDirectory>;
let archive: string;
let config: string;

beforeAll(async () => {
  scratch = scratchDirectory();
  if (skip) return;
  const sixHouse = path.join(scratch.dir, "six-house");
  fs.mkdirSync(sixHouse);
  writeWheel(sixHouse, { name: "six", version: "1.16.0" });
  const six = await runCli([
    "batch",
    sixHouse,
    "--target",
    "fedora",
    "--out",
    path.join(scratch.dir, "six-out"),
    "--build",
    "--quiet",
  ]);
  expect(six.code, six.stderr).toBe(0);
  const rpms = execFileSync("find", [path.join(scratch.dir, "six-out"), "-name", "*.noarch.rpm"], {
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => f !== "");
  expect(rpms.map((f) => path.basename(f))).toEqual(["python3-six-1.16.0-1.fc45.noarch.rpm"]);
  ({ archive, config } = standInFedoraArchive(scratch.dir, rpms));
}, 300_000);

afterAll(() => {
  scratch.remove();
});

describe.skipIf(skip)("batch --resolve --build --repo for fedora, proven with dnf", () => {
  it("builds a repository from which dnf installs the application with the archive", async () => {
    const { house, links } = wheelhouses("app");
    writeWheel(house, {
      name: "rf_app",
      version: "1.0",
      requires: [
        "rf-mid>=1",
        "rf-extra[fancy]",
        'rf-windows; sys_platform == "win32"',
        "six>=1.10",
      ],
    });
    writeWheel(links, { name: "rf_mid", version: "1.0", requires: ["rf-deep<3"] });
    writeWheel(links, { name: "rf_deep", version: "2.0" });
    writeWheel(links, { name: "rf_deep", version: "3.0" });
    writeWheel(links, {
      name: "rf_extra",
      version: "1.0",
      extras: ["fancy"],
      requires: ['rf-fancy; extra == "fancy"'],
    });
    writeWheel(links, { name: "rf_fancy", version: "1.0" });
    writeWheel(links, { name: "rf_windows", version: "1.0" });
    const result = await batchToRepository("app", house, [
      "-j",
      "2",
      "--resolve",
      "--find-links",
      links,
    ]);
    const { repo } = result;
    expect(result.code, result.stderr).toBe(0);
    const report = result.report();
    const [closure] = report.closure?.targets ?? [];
    expect(closure?.pulled.map((p) => `${p.project} ${p.version}`)).toEqual([
      "rf-deep 2.0",
      "rf-extra 1.0",
      "rf-fancy 1.0",
      "rf-mid 1.0",
    ]);
    expect(closure?.satisfiedByArchive.map((a) => a.project)).toEqual(["six"]);
    expect(closure?.unsatisfied).toEqual([]);

    // The repodata, read back by the project's own reader of RPM archives.
    const read = await readRpmArchive(fedora, [path.join(repo, "fedora")]);
    const names = read.packages.map((p) => `${p.name} ${p.version}`).sort();
    expect(names).toEqual([
      "python3-rf-app 1.0-1.fc45",
      "python3-rf-deep 2.0-1.fc45",
      "python3-rf-extra 1.0-1.fc45",
      "python3-rf-extra+fancy 1.0-1.fc45",
      "python3-rf-fancy 1.0-1.fc45",
      "python3-rf-mid 1.0-1.fc45",
    ]);
    const app = read.packages.find((p) => p.name === "python3-rf-app");
    expect(app?.provides).toContainEqual({ name: "python3dist(rf-app)", version: "1" });

    // The batch's verdict: dnf against the repository and the archive.
    const [repository] = report.repositories ?? [];
    expect(repository?.install.checked).toBe(true);
    expect(repository?.install.source).toMatch(/^dnf \d/);
    expect(repository?.install.results.map((r) => [r.package, r.installable])).toEqual(
      names.map((n) => [n.split(" ")[0], true]),
    );
    expect(result.stderr).toMatch(/install: 6 of 6 package\(s\) installable/);

    // dnf asked here on its own agrees, and installs the archive's python3 and six with it.
    const asked = dnfInstall(
      path.join(scratch.dir, "dnf"),
      { produced: path.join(repo, "fedora"), archive },
      ["python3-rf-app"],
    );
    expect(asked.resolved, asked.output).toBe(true);
    expect(Object.fromEntries(transaction(asked.output))).toEqual({
      "python3-rf-app": "produced",
      "python3-rf-mid": "produced",
      "python3-rf-deep": "produced",
      "python3-rf-extra": "produced",
      "python3-rf-extra+fancy": "produced",
      "python3-rf-fancy": "produced",
      python3: "archive",
      "python3-six": "archive",
    });
    // Without the archive, nothing provides the target's Python: dnf refuses, and says so.
    const alone = dnfInstall(
      path.join(scratch.dir, "dnf-alone"),
      { produced: path.join(repo, "fedora") },
      ["python3-rf-app"],
    );
    expect(alone.resolved).toBe(false);
    expect(alone.output).toMatch(/nothing provides python\(abi\) = 3\.15 needed by python3-rf-app/);
  }, 600_000);

  it("leaves out the +extra subpackage of an extra whose requirement no source has", async () => {
    const { house, links } = wheelhouses("extras");
    writeWheel(house, {
      name: "dy_app",
      version: "1.0",
      extras: ["cli", "compat", "web"],
      requires: [
        'dy-nothere>=1; extra == "cli"',
        'six>=1.10; extra == "compat"',
        'dy-web; extra == "web"',
        "dy-core",
      ],
    });
    writeWheel(links, { name: "dy_core", version: "1.0" });
    // Only the closure's wheels are the batch's: dy-web is in the sources, but nobody asked for [web].
    writeWheel(links, { name: "dy_web", version: "1.0" });
    const result = await batchToRepository("extras", house, ["--resolve", "--find-links", links]);
    const { repo } = result;
    expect(result.code, result.stderr).toBe(0);
    const report = result.report();
    expect(report.closure?.targets[0]?.pulled.map((p) => p.project)).toEqual(["dy-core"]);

    // [compat] is met by the archive's six: its metapackage is made; [cli] and [web] are not.
    const read = await readRpmArchive(fedora, [path.join(repo, "fedora")]);
    const names = read.packages.map((p) => p.name).sort();
    expect(names).toEqual(["python3-dy-app", "python3-dy-app+compat", "python3-dy-core"]);
    const app = report.entries.find((e) => e.project === "dy-app");
    const withheld = app?.diagnostics.filter((d) => d.code === "extra-unavailable") ?? [];
    expect(withheld.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^extra \[cli\] not packaged for fedora: nothing satisfies dy-nothere>=1; extra == "cli" \(python3dist\(dy-nothere\) >= 1: archive: no such package\)$/,
      ),
      expect.stringMatching(/^extra \[web\] not packaged for fedora: nothing satisfies dy-web; /),
    ]);
    expect(app?.diagnostics.find((d) => d.code === "extras-optional")?.message).toBe(
      "extras as metapackages: python3-dy-app+compat",
    );
    // What the left-out extras require is still listed apart from the closure's problems.
    expect(report.unresolved).toEqual([]);
    expect(report.unaskedExtras?.map((u) => [u.project, u.requiredBy])).toEqual([
      ["dy-nothere", ["dy-app[cli]"]],
      ["dy-web", ["dy-app[web]"]],
    ]);

    // dnf says every package of the repository installs, and agrees when asked here.
    const [repository] = report.repositories ?? [];
    expect(repository?.install.results.map((r) => [r.package, r.installable])).toEqual(
      names.map((n) => [n, true]),
    );
    expect(result.stderr).toMatch(/install: 3 of 3 package\(s\) installable/);
    const asked = dnfInstall(
      path.join(scratch.dir, "dnf-extras"),
      { produced: path.join(repo, "fedora"), archive },
      names,
    );
    expect(asked.resolved, asked.output).toBe(true);
    expect(transaction(asked.output).get("python3-six")).toBe("archive");
  }, 600_000);

  it("reports dnf's reason for a requirement that nothing provides", async () => {
    const house = path.join(scratch.dir, "orphan-house");
    fs.mkdirSync(house);
    writeWheel(house, { name: "rf_orphan", version: "1.0", requires: ["rf-nowhere>=1", "six"] });
    const result = await batchToRepository("orphan", house);
    expect(result.code).toBe(1);
    const report = result.report();
    const [entry] = report.entries;
    expect(entry?.install).toEqual([
      {
        package: "python3-rf-orphan",
        version: "0:1.0-1.fc45",
        installable: false,
        reason: expect.stringMatching(
          /^- nothing provides python3\.15dist\(rf-nowhere\) >= 1 needed by python3-rf-orphan-1\.0-1\.fc45\.noarch$/m,
        ) as unknown,
      },
    ]);
    expect(result.stderr).toMatch(/install: 0 of 1 package\(s\) installable/);
    expect(result.stderr).toMatch(/python3-rf-orphan 0:1\.0-1\.fc45 does not install:/);
  }, 600_000);

  it("says it cannot check a target without archive repodata", async () => {
    const check = await checkRpmInstall(
      { directory: archive, packages: [], configuration: "" },
      fedora,
      [],
    );
    expect(check).toEqual({
      checked: false,
      source:
        "cannot check: no archive repodata for fedora (name it under [archive.targets.fedora] sources)",
      results: [],
    });
  });
});
