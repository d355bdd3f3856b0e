/**
 * Converted packages against a Fedora 45 archive, as dnf sees them (docs/version-translation.md,
 * "Replacing the archive's package" and "Epochs"): the RPM counterpart of archive-replace.test.ts.
 * `convert --check-archive` reads the archive's repodata as the target's archive index
 * (`[archive.targets.fedora] sources`), and dnf, in an install root of its own into which it has
 * really installed the archive's packages, says what installing the converted ones does:
 * - a wheel of the release the archive has (six 1.16.0, and 1.16, the same release spelled
 *   without its trailing zero) is an upgrade of the archive's package, not a downgrade, and sorts
 *   below the archive's next Release, as rpm itself orders them;
 * - the archive's Epoch is carried: numpy 1.26.4 with `Epoch: 1`, as Fedora's python3-numpy has
 *   one, is upgraded by a converted numpy of the same or a newer release, and the metapackage of
 *   an extra requires the main package at its full `1:` EVR;
 * - a wheel requiring `numpy<2` installs with the archive's `1:1.26.4`: Fedora's generator writes
 *   `python3.15dist(numpy) < 2~~`, and the archive's python3dist() Provides carry the PEP 440
 *   version with no RPM Epoch (pythondistdeps knows nothing of the package's Epoch), so the
 *   Epoch neither helps nor hinders the python3dist() relations;
 * - a wheel requiring `numpy>=2.0` does not install, as dnf says and as the warning
 *   `dependency-version-unavailable` said before anything was built.
 *
 * What stands in for Fedora's archive: no Fedora mirror is reachable from the hosts that run
 * these tests, so the archive is repodata that createrepo_c writes here over RPMs rpmbuild builds
 * here: the metadata-only python3 of fixtures/archive/fedora-python/python3.spec (python(abi) =
 * 3.15, as Fedora 45's python3 provides) and python3-six 1.16.0-1.fc45 and python3-numpy
 * 1:1.26.4-1.fc45, which wheel2pkg converts from small wheels with Fedora's own macros and
 * dependency generator, numpy given the Epoch Fedora's numpy has.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";
import { fixedPackaging } from "../helpers/convert.js";
import { dnf, standInFedoraArchive } from "../helpers/fedora-archive.js";
import { run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const fedora = getProfile("fedora");
const skip = skipWithout("rpm", "rpmbuild", "createrepo_c", "dnf");

let scratch: ReturnType<typeof scratchDirectory>;
let archive: string;
let config: string;
/** An install root holding the archive's python3, python3-six and python3-numpy. */
let installed: string;

/** The rows of one section of dnf's transaction table (`Upgrading:` …): name → [evr, repo]. */
function section(output: string, heading: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  let inside = false;
  for (const line of output.split("\n")) {
    if (/^\S.*:$/.test(line)) inside = line === `${heading}:`;
    const row = /^ (\S+)\s+noarch\s+(\S+)\s+(\S+)\s+[\d.]+ k\s*$/.exec(line);
    if (inside && row !== null) rows.set(row[1] ?? "", [row[2] ?? "", row[3] ?? ""]);
  }
  return rows;
}

/** rpm's own order of two EVRs (rpm.vercmp in rpm's Lua): -1, 0 or 1. */
function rpmOrder(a: string, b: string): number {
  return Number(run("rpm", ["--eval", `%{lua: print(rpm.vercmp("${a}", "${b}"))}`]).trim());
}

/** A produced package: `[epoch:]version-release` and Requires/Provides, as rpm reads them. */
function query(rpm: string, tag: "evr" | "requires" | "provides"): string[] {
  if (tag === "evr") return [run("rpm", ["-qp", "--qf", "%{EVR}", rpm])];
  return run("rpm", ["-qp", `--${tag}`, rpm])
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("rpmlib("));
}

/**
 * Converts and builds a wheel for fedora against the archive index (`convert --check-archive`),
 * and makes a repository of its binary RPMs: the main RPM, the repository and the diagnostics.
 */
async function convert(wheel: string): Promise<{
  rpm: string;
  repository: string;
  codes: string[];
  diagnostics: { code: string; message: string }[];
  /** The version convert reports, `[epoch:]version-release` without the dist tag. */
  version: string;
}> {
  const out = fs.mkdtempSync(path.join(scratch.dir, "out-"));
  const result = await runCli([
    "convert",
    wheel,
    "--target",
    "fedora",
    "--config",
    config,
    "--check-archive",
    "--out",
    out,
    "--build",
    "--json",
  ]);
  expect(result.code, result.stderr).toBe(0);
  const [converted] = JSON.parse(result.stdout) as {
    diagnostics: { code: string; message: string }[];
    packages: { version: string; build?: { binaryPackages: string[] } }[];
  }[];
  const rpms = (converted?.packages[0]?.build?.binaryPackages ?? []).filter((f) =>
    f.endsWith(".noarch.rpm"),
  );
  // The main package; an extra's metapackage (`python3-numpy+compat`) goes into the repository too.
  const rpm = rpms.find((f) => !path.basename(f).includes("+"));
  if (rpm === undefined) throw new Error(`nothing built from ${wheel}`);
  const repository = path.join(out, "repository");
  fs.mkdirSync(repository);
  for (const file of rpms) fs.copyFileSync(file, path.join(repository, path.basename(file)));
  run("createrepo_c", ["--quiet", "--no-database", repository]);
  const diagnostics = converted?.diagnostics ?? [];
  return {
    rpm,
    repository,
    codes: diagnostics.map((d) => d.code),
    diagnostics,
    version: converted?.packages[0]?.version ?? "",
  };
}

beforeAll(async () => {
  scratch = scratchDirectory();
  if (skip) return;
  const wheels = path.join(scratch.dir, "archive-wheels");
  fs.mkdirSync(wheels);
  // Fedora's python3-numpy has Epoch 1; its python3-six has none.
  const epochOf = (name: string) => (name === "python3-numpy" ? 1 : 0);
  const rpms: string[] = [];
  for (const wheel of [
    { name: "six", version: "1.16.0" },
    { name: "numpy", version: "1.26.4" },
  ]) {
    const result = await convertWheel(writeWheel(wheels, wheel), {
      profiles: [fedora],
      outDir: fs.mkdtempSync(path.join(scratch.dir, "archive-out-")),
      build: true,
      packaging: fixedPackaging,
      epochOf,
    });
    rpms.push(
      ...(result.packages[0]?.build?.binaryPackages ?? []).filter((f) => f.endsWith(".noarch.rpm")),
    );
  }
  ({ archive, config } = standInFedoraArchive(scratch.dir, rpms));
  expect(fs.readdirSync(archive).sort()).toEqual([
    "noarch",
    "python3-numpy-1.26.4-1.fc45.noarch.rpm",
    "python3-six-1.16.0-1.fc45.noarch.rpm",
    "repodata",
  ]);
  // The archive's packages, really installed (rpm's transaction runs in the install root).
  installed = path.join(scratch.dir, "installed");
  const install = dnf(installed, { archive }, ["install", "-y", "python3-six", "python3-numpy"]);
  expect(install.ok, install.output).toBe(true);
}, 300_000);

afterAll(() => {
  scratch.remove();
});

describe.skipIf(skip)("converted packages against a Fedora archive, proven with dnf", () => {
  it("has the archive's packages installed in the root dnf is asked about", () => {
    const list = dnf(installed, {}, ["list", "--installed"]);
    expect(list.ok, list.output).toBe(true);
    expect(list.output).toMatch(/^python3-six\.noarch\s+1\.16\.0-1\.fc45\s+@archive\s*$/m);
    expect(list.output).toMatch(/^python3-numpy\.noarch\s+1:1\.26\.4-1\.fc45\s+@archive\s*$/m);
  });

  it.each([
    ["1.16.0", "as the archive spells it"],
    ["1.16", "without the trailing zero the archive's Version has"],
  ])(
    "a wheel of the archive's six release (%s, %s) upgrades the archive's",
    async (version) => {
      const wheels = fs.mkdtempSync(path.join(scratch.dir, "wheels-"));
      const { rpm, repository, codes } = await convert(
        writeWheel(wheels, { name: "six", version }),
      );
      expect(codes).toContain("archive-same-release");
      expect(codes).not.toContain("archive-version-newer");
      const [evr = ""] = query(rpm, "evr");
      expect(evr).toBe("1.16.0-1.1.fc45");
      expect(rpmOrder(evr, "1.16.0-1.fc45")).toBe(1);
      expect(rpmOrder(evr, "1.16.0-2.fc45")).toBe(-1);
      const upgrade = dnf(installed, { archive, produced: repository }, ["upgrade", "--assumeno"]);
      expect(upgrade.output).toMatch(/^Operation aborted\.$/m);
      expect(Object.fromEntries(section(upgrade.output, "Upgrading"))).toEqual({
        "python3-six": ["1.16.0-1.1.fc45", "produced"],
      });
      expect(upgrade.output).not.toMatch(/^Downgrading:/m);
    },
    120_000,
  );

  it.each([
    ["1.26.4", "1:1.26.4-1.1.fc45", "archive-same-release", "1.26.4"],
    ["2.0.0", "1:2.0.0-1.fc45", null, "2"],
  ])(
    "a numpy %s wheel carries the archive's Epoch 1 and upgrades the archive's",
    async (version, expected, code, provided) => {
      const wheels = fs.mkdtempSync(path.join(scratch.dir, "wheels-"));
      // With an extra: its metapackage requires the main package at its full EVR, Epoch and all.
      const converted = await convert(
        writeWheel(wheels, {
          name: "numpy",
          version,
          extras: ["compat"],
          requires: ['six; extra == "compat"'],
        }),
      );
      const { rpm, repository, codes } = converted;
      // What convert reports is the package's version, Epoch and all.
      expect(`${converted.version}.fc45`).toBe(expected);
      if (code !== null) expect(codes).toContain(code);
      expect(codes).not.toContain("archive-version-newer");
      const [evr = ""] = query(rpm, "evr");
      expect(evr).toBe(expected);
      expect(rpmOrder(evr, "1:1.26.4-1.fc45")).toBe(1);
      // Without the Epoch even numpy 2.0.0 would sort below the archive's 1.26.4.
      expect(rpmOrder(evr.replace(/^1:/, ""), "1:1.26.4-1.fc45")).toBe(-1);
      if (version === "1.26.4") expect(rpmOrder(evr, "1:1.26.4-2.fc45")).toBe(-1);
      // The generator's Provides carry the PEP 440 version and no Epoch.
      expect(query(rpm, "provides")).toContain(`python3dist(numpy) = ${provided}`);
      const upgrade = dnf(installed, { archive, produced: repository }, ["upgrade", "--assumeno"]);
      expect(upgrade.output).toMatch(/^Operation aborted\.$/m);
      expect(Object.fromEntries(section(upgrade.output, "Upgrading"))).toEqual({
        "python3-numpy": [expected, "produced"],
      });
      expect(upgrade.output).not.toMatch(/^Downgrading:/m);
      const extra = rpm.replace("python3-numpy-", "python3-numpy+compat-");
      expect(query(extra, "requires")).toContain(`python3-numpy = ${expected}`);
      const withExtra = dnf(installed, { archive, produced: repository }, [
        "install",
        "--assumeno",
        "python3-numpy+compat",
      ]);
      expect(withExtra.output).toMatch(/^Operation aborted\.$/m);
      expect(Object.fromEntries(section(withExtra.output, "Upgrading"))).toEqual({
        "python3-numpy": [expected, "produced"],
      });
    },
    120_000,
  );

  it("a wheel requiring numpy<2 installs with the archive's epoch'd numpy", async () => {
    const wheels = fs.mkdtempSync(path.join(scratch.dir, "wheels-"));
    const { rpm, repository, codes } = await convert(
      writeWheel(wheels, { name: "old_numpy_user", version: "1.0", requires: ["numpy<2"] }),
    );
    expect(codes).not.toContain("dependency-version-unavailable");
    expect(query(rpm, "requires")).toContain("python3.15dist(numpy) < 2~~");
    const archived = path.join(archive, "python3-numpy-1.26.4-1.fc45.noarch.rpm");
    expect(query(archived, "evr")).toEqual(["1:1.26.4-1.fc45"]);
    expect(query(archived, "provides")).toContain("python3.15dist(numpy) = 1.26.4");
    // Into an empty root: dnf takes python3 and numpy from the archive.
    const fresh = dnf(path.join(scratch.dir, "fresh-old"), { archive, produced: repository }, [
      "install",
      "--assumeno",
      "python3-old-numpy-user",
    ]);
    expect(fresh.output).toMatch(/^Operation aborted\.$/m);
    expect(Object.fromEntries(section(fresh.output, "Installing"))).toEqual({
      "python3-old-numpy-user": ["1.0-1.fc45", "produced"],
    });
    expect(Object.fromEntries(section(fresh.output, "Installing dependencies"))).toEqual({
      python3: ["3.15.2-1.fc45", "archive"],
      "python3-numpy": ["1:1.26.4-1.fc45", "archive"],
    });
    // Next to the installed archive numpy: nothing else is installed, upgraded or removed.
    const next = dnf(installed, { archive, produced: repository }, [
      "install",
      "--assumeno",
      "python3-old-numpy-user",
    ]);
    expect(next.output).toMatch(/^Install\s+1 Package$/m);
    expect(next.output).not.toMatch(/^(Upgrad|Downgrad|Remov)ing/m);
  }, 120_000);

  it("a wheel requiring a numpy the archive lacks is refused by dnf, as the warning said", async () => {
    const wheels = fs.mkdtempSync(path.join(scratch.dir, "wheels-"));
    const { rpm, repository, diagnostics } = await convert(
      writeWheel(wheels, { name: "new_numpy_user", version: "1.0", requires: ["numpy>=2.0"] }),
    );
    const warned = diagnostics.find((d) => d.code === "dependency-version-unavailable");
    expect(warned?.message).toMatch(
      /^fedora: numpy>=2\.0 → python3dist\(numpy\) >= 2: the archive has python3dist\(numpy\) 1\.26\.4 \(provided by python3-numpy 1:1\.26\.4-1\.fc45\)/,
    );
    expect(query(rpm, "requires")).toContain("python3.15dist(numpy) >= 2");
    const refused = dnf(installed, { archive, produced: repository }, [
      "install",
      "--assumeno",
      "python3-new-numpy-user",
    ]);
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(
      /^ {2}- nothing provides python3\.15dist\(numpy\) >= 2 needed by python3-new-numpy-user-1\.0-1\.fc45\.noarch$/m,
    );
  }, 120_000);
});
