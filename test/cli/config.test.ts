import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixtureWheel } from "../helpers/convert.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "wheel2pkg-config-")), "wheel2pkg.toml");
  writeFileSync(file, text);
  return file;
}

async function previewFiles(args: string[]): Promise<Map<string, string>> {
  const result = await runCli(["preview", ...args, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  const document = JSON.parse(result.stdout) as { files: { path: string; content: string }[] };
  return new Map(
    document.files.map((f) => [f.path.replace(/^[^/]+\/debian\//, "debian/"), f.content]),
  );
}

describe("wheel2pkg.toml drives preview and convert", () => {
  const wheel = fixtureWheel("extras_demo-2.0.0rc1-py3-none-any.whl");
  const config = configFile(`
release = "3"
changelog = ["Packaged for the team's archive."]

[maintainer]
name = "Team Packager"
email = "team@example.org"

[mapping]
ignore = ["uvloop"]
extras = "recommends"

[mapping.targets.debian-12]
overrides = { requests = "python3-requests-custom" }

[packages.packaging]
name = "python3-packaging-pinned"
`);

  it("applies identity, release, changelog, name rules and the extras policy", async () => {
    const files = await previewFiles([wheel, "--target", "debian-12", "--config", config]);
    const control = files.get("debian/control") ?? "";
    expect(control).toMatch(/^Maintainer: Team Packager <team@example\.org>$/m);
    expect(control).toContain("python3-requests-custom (>= 2.25)");
    expect(control).toContain("python3-packaging-pinned (>= 24~~)");
    expect(control).not.toContain("uvloop");
    expect(control).toMatch(/^Recommends:\n python3-rich \(>= 12\)$/m);
    const changelog = files.get("debian/changelog") ?? "";
    expect(changelog).toMatch(/^python-extras-demo \(2\.0\.0~rc1-3\) bookworm; urgency=medium$/m);
    expect(changelog).toContain("  * Packaged for the team's archive.");
  });

  it("lets command-line options win over the file", async () => {
    const files = await previewFiles([
      wheel,
      "--target",
      "debian-12",
      "--config",
      config,
      "--debian-extras",
      "suggests",
    ]);
    expect(files.get("debian/control")).toMatch(/^Suggests:\n/m);
  });

  it("rejects an unknown key with its line and column", async () => {
    const bad = configFile(`[mapping]\nignores = ["x"]\n`);
    const result = await runCli(["preview", wheel, "--target", "debian-12", "--config", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/wheel2pkg\.toml:2:1: mapping\.ignores/);
  });
});

describe("name rules on openSUSE", () => {
  it("reach the singlespec relations (python-<name>)", async () => {
    const config = configFile(
      `[mapping.targets.opensuse]\noverrides = { psycopg2-binary = "psycopg2" }\n`,
    );
    const result = await runCli([
      "map",
      "psycopg2-binary>=2.8",
      "PyYAML",
      "--target",
      "opensuse",
      "--config",
      config,
      "--json",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const entries = JSON.parse(result.stdout) as { dependencies: string[] }[];
    expect(entries.map((e) => e.dependencies)).toEqual([
      ["python-psycopg2 >= 2.8"],
      ["python-PyYAML"],
    ]);
    const explained = await runCli([
      "explain",
      "psycopg2-binary",
      "--target",
      "opensuse",
      "--config",
      config,
    ]);
    expect(explained.stdout).toMatch(/→ python-psycopg2/);
    expect(explained.stdout).toMatch(/singlespec\s+python-psycopg2-binary/);
  });
});

describe("[limits] reach every command that reads a wheel", () => {
  const scratch = scratchDirectory();
  afterAll(() => {
    scratch.remove();
  });
  // A member of zeros deflates ~1000:1: admitted by default, refused under a ratio of 500.
  const wheel = scratch.wheel({ files: { "demo/zeros.bin": Buffer.alloc(1024 * 1024) } });
  const lowered = configFile("[limits]\ncompression-ratio = 500\n");
  const commands: [string, string[]][] = [
    ["inspect", ["inspect", wheel]],
    ["preview", ["preview", wheel, "--target", "debian-12"]],
    ["lint", ["lint", wheel, "--target", "debian-12"]],
  ];

  it.each(commands)("%s reads the wheel under the default limits", async (_, args) => {
    const result = await runCli(args);
    expect(result.stderr).not.toMatch(/zip bomb/);
    expect(result.code).toBeLessThan(2);
  });

  it.each(commands)(
    "%s refuses it under the config's limit, naming it and the key",
    async (_, args) => {
      const result = await runCli([...args, "--config", lowered]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${wheel}: demo/zeros.bin: zip bomb`);
      expect(result.stderr).toMatch(/raise compression-ratio in the \[limits\] table/);
    },
  );
});
