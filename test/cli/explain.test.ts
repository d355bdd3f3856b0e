import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { NameDecision } from "../../src/mapping/index.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-explain-"));
const configFile = join(dir, "rules.toml");
writeFileSync(
  configFile,
  [
    "[mapping]",
    'ignore = ["pytest"]',
    "[mapping.targets.debian-12.overrides]",
    'PyYAML = "python3-yaml-ng"',
  ].join("\n"),
);
const badConfig = join(dir, "bad.toml");
writeFileSync(badConfig, '[mapping]\nextras = "always"\n');

describe("wheel2pkg explain", () => {
  it("shows the deciding layer and rule, and what every other layer says", async () => {
    const { code, stdout } = await runCli(["explain", "PyYAML>=5", "--target", "debian-12"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("PyYAML on debian-12 → python3-yaml");
    expect(lines[1]).toMatch(
      /^decided by distro-data: dh-python cpython3_fallback: "PyYAML python3-yaml" \(dh-python \d/,
    );
    expect(lines.slice(3).map((line) => line.split(/\s{2,}/).filter(Boolean))).toEqual([
      ["package-override", "—"],
      ["user-override", "—"],
      ["user-rename", "—"],
      ["user-ignore", "—"],
      ["profile-exception", "—"],
      ["default", "python3-pyyaml", "default rule python3-<name>"],
      [],
    ]);
  });

  it("prints the decision as JSON", async () => {
    const { code, stdout } = await runCli(["explain", "PyYAML", "--target", "debian-12", "--json"]);
    expect(code).toBe(0);
    const decision = JSON.parse(stdout) as NameDecision;
    expect(decision).toMatchObject({
      project: "PyYAML",
      name: "python3-yaml",
      layer: "distro-data",
      guess: false,
    });
    expect(decision.candidates.map((c) => [c.layer, c.name])).toEqual([
      ["distro-data", "python3-yaml"],
      ["default", "python3-pyyaml"],
    ]);
  });

  it("applies --config, naming the key that decided", async () => {
    const { stdout } = await runCli([
      "explain",
      "pyyaml",
      "--target",
      "debian-12",
      "--config",
      configFile,
    ]);
    expect(stdout).toContain("pyyaml on debian-12 → python3-yaml-ng\n");
    expect(stdout).toContain(
      `decided by user-override: ${configFile}:4:1: mapping.targets.debian-12.overrides.PyYAML = "python3-yaml-ng"\n`,
    );
    expect(stdout).toMatch(/\n {2}distro-data +python3-yaml +dh-python cpython3_fallback/);
  });

  it("shows a dropped requirement", async () => {
    const { stdout } = await runCli([
      "explain",
      "pytest",
      "--target",
      "fedora",
      "--config",
      configFile,
    ]);
    expect(stdout.split("\n").slice(0, 2)).toEqual([
      "pytest on fedora → (dropped)",
      `decided by user-ignore: ${configFile}:2:11: mapping.ignore[0]`,
    ]);
    expect(stdout).toMatch(/\n {2}python3dist +python3dist\(pytest\) /);
  });

  it("marks the default rule as a guess", async () => {
    const { stdout } = await runCli(["explain", "xyzzy-frob", "--target", "debian-12"]);
    expect(stdout.split("\n")[0]).toBe(
      "xyzzy-frob on debian-12 → python3-xyzzy-frob (a guess: no rule or data knows this project)",
    );
  });

  it.each([
    [["explain", "x", "--target", "nope"], /unknown target "nope"/],
    [["explain", "not a name!", "--target", "fedora"], /invalid requirement/],
    [
      ["explain", "x", "--target", "fedora", "--config", badConfig],
      /bad\.toml:2:1: mapping\.extras: expected one of/,
    ],
    [
      ["explain", "x", "--target", "fedora", "--config", join(dir, "missing.toml")],
      /cannot read the configuration/,
    ],
  ])("refuses %j with exit code 2", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
