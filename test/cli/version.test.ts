import { describe, expect, it } from "vitest";
import { debPackageVersion } from "../../src/mapping/deb-version.js";
import { rpmPackageVersion } from "../../src/mapping/rpm-version.js";
import { profiles } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";

async function versionJson(args: string[]): Promise<{ version: string; distro: string }[]> {
  const result = await runCli(["version", ...args, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { version: string; distro: string }[];
}

describe("wheel2pkg version --json", () => {
  it.each([
    ["fedora", "1.0rc1", "1.0~rc1"],
    ["fedora", "1.0.dev1", "1.0~~dev1"],
    ["fedora", "1.0.post1", "1.0^post1"],
    ["fedora", "2!3.0", "2:3.0"],
    ["fedora", "1.0rc1.post2", "1.0~rc1^post2"],
    ["epel-9", "2.31.0", "2.31.0"],
    ["opensuse", "2.0.0b3", "2.0.0~b3"],
    ["debian-12", "1.0rc1", "1.0~rc1"],
    ["debian-13", "1.0.post1", "1.0+post1"],
    ["ubuntu-24.04", "2.31.0", "2.31.0"],
    ["debian-13", "2!1.2", "2:1.2"],
  ])("%s: %s → %s", async (target, version, distro) => {
    expect(await versionJson([version, "--target", target])).toEqual([{ version, distro }]);
  });

  it("gives every version of the command line, in order, as the library does", async () => {
    const versions = ["0.9", "1.0a1", "1!1.0.dev3", "1.0.post1.dev2"];
    for (const [id, profile] of profiles) {
      const expected = versions.map((version) => {
        if (profile.family === "deb")
          return { version, distro: debPackageVersion(version).version };
        const rpm = rpmPackageVersion(version);
        return { version, distro: `${rpm.epoch === null ? "" : `${rpm.epoch}:`}${rpm.version}` };
      });
      expect(await versionJson([...versions, "--target", id]), id).toEqual(expected);
    }
  });

  it("warns on stderr, not in the JSON, when a local label cannot be kept", async () => {
    const result = await runCli(["version", "1.0+cu118", "--target", "fedora", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ version: "1.0+cu118", distro: "1.0" }]);
    expect(result.stderr).toMatch(/warning: local-version-ignored/);
  });
});

describe("wheel2pkg version (text and errors)", () => {
  it("prints one line per version", async () => {
    const result = await runCli(["version", "1.0rc1", "1.0", "--target", "debian-12"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("1.0rc1 → 1.0~rc1\n1.0 → 1.0\n");
  });

  it.each([
    [["version", "1.0x", "--target", "fedora"], /not a PEP 440 version: "1\.0x"/],
    [["version", "1.0", "banana", "--target", "debian-13", "--json"], /"banana"/],
    [["version", "1.0", "--target", "slackware"], /unknown target "slackware"/],
    [["version", "1.0", "--target", "fedora", "--target", "opensuse"], /one target/],
  ])("exits 2 with a clear message: %j", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
