import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { buildRpm } from "../../src/families/rpm/build.js";
import { foreignHostConfigDir } from "../../src/families/rpm/foreign-host.js";
import { getProfile } from "../../src/profiles/index.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";
import { skipWithout } from "../helpers/tools.js";

const scratch = mkdtempSync(join(tmpdir(), "w2p-generator-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * A package whose files include a dist-info directory, so that rpm runs Fedora's pythondistdeps
 * on it, with the generator's requires invocation given in the spec itself.
 */
function specWithGenerator(requires: string): string {
  const site = "%{buildroot}%{python3_sitelib}/broken-1.dist-info";
  return [
    `%global __pythondist_requires ${requires}`,
    "Name: python3-broken",
    "Version: 1",
    "Release: 1",
    "Summary: A package whose dependency generator fails",
    "License: MIT",
    "BuildArch: noarch",
    "%description",
    "A package whose dependency generator fails.",
    "%install",
    `mkdir -p ${site}`,
    `printf 'Metadata-Version: 2.1\\nName: broken\\nVersion: 1\\nRequires-Dist: click>=8\\n' > ${site}/METADATA`,
    "%files",
    "%{python3_sitelib}/broken-1.dist-info",
    "",
  ].join("\n");
}

// Fedora's own generators run only where this host is not Fedora: there wheel2pkg guards them.
const foreign = (await foreignHostConfigDir()) !== null;

describe.skipIf(skipWithout("rpmbuild") || !foreign)("a failing dependency generator", () => {
  it("fails the build, though rpm itself carries on, and keeps no package", async () => {
    const dir = mkdtempSync(join(scratch, "spec-"));
    // A broken invocation: pythondistdeps.py exits 2 before writing anything, which rpm 4.18
    // ignores (the packages would lack their python3.Xdist() Requires).
    writeFileSync(
      join(dir, "python3-broken.spec"),
      specWithGenerator("%{_rpmconfigdir}/pythondistdeps.py --requires --no-such-option"),
    );
    const build = buildRpm(dir, "python3-broken.spec", getProfile("fedora"), 1_700_000_000);
    await expect(build).rejects.toThrow(ToolError);
    await expect(build).rejects.toThrow(
      /dependency generator pythondistdeps\.py failed \(.*unrecognized arguments: --no-such-option\)/,
    );
    const log = readFileSync(join(dir, "build.log"), "utf8");
    // rpm went on to write the package: only the guard saw the failure.
    expect(log).toMatch(/^Wrote: .*python3-broken-1-1\.noarch\.rpm$/m);
    expect(readdirSync(dir).filter((name) => name.endsWith(".rpm"))).toEqual([]);
  });

  it("is a build failure (exit 3) naming the generator and its cause", async () => {
    const house = mkdtempSync(join(scratch, "house-"));
    // Fedora's generator refuses version 0 (it would be a packaging error upstream).
    const wheel = writeWheel(house, { name: "zero", version: "0", requires: ["click"] });
    const out = join(house, "out");
    const { code, stderr } = await runCli([
      "convert",
      wheel,
      "--target",
      "fedora",
      "--out",
      out,
      "--build",
      "--no-lint",
    ]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/the dependency generator pythondistdeps\.py failed/);
    expect(stderr).toMatch(/normalizes to zero/);
    const built = readdirSync(join(out, "fedora", "python-zero"));
    expect(built.filter((name) => name.endsWith(".rpm"))).toEqual([]);
  });
});
