import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixtureWheel } from "../helpers/convert.js";
import { lintFixtures } from "./fixture-input.js";
import { sarifProblems } from "./sarif-shape.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const brokenSpec = join(lintFixtures, "broken", "spec", "broken.spec");
const brokenDebian = join(lintFixtures, "broken", "debian");
const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-lint-cli-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The rule ids of a `lint --json` run. */
async function lintIds(...args: string[]): Promise<{ code: number; ids: string[] }> {
  const { code, stdout } = await runCli(["lint", ...args, "--json"]);
  const report = JSON.parse(stdout) as { findings: { ruleId: string }[] };
  return { code, ids: [...new Set(report.findings.map((f) => f.ruleId))].sort() };
}

describe("wheel2pkg lint", () => {
  it("reports the expected ids for a hand-written broken spec", async () => {
    expect(await lintIds(brokenSpec, "--target", "fedora")).toEqual({
      code: 1,
      ids: [
        "bytecode-not-packaged",
        "dist-info-missing",
        "files-glob-too-broad",
        "forbidden-spec-tag",
        "license-not-marked",
        "license-not-spdx",
        "noarch-with-arch-files",
        "owns-system-directory",
        "python3-devel-not-buildrequired",
        "requires-by-package-name",
        "rpm-binary-name",
        "rpm-source-name",
        "summary-ends-with-dot",
        "unversioned-python-macro",
      ],
    });
  });

  it("reports the expected ids for a broken debian/ directory", async () => {
    expect(await lintIds(brokenDebian, "--target", "debian-12")).toEqual({
      code: 1,
      ids: [
        "copyright-format",
        "copyright-license-paragraph",
        "python3-depends-missing",
        "rules-not-executable",
        "rules-requires-root-missing",
        "section-not-python",
        "synopsis-ends-with-dot",
        "synopsis-starts-with-article",
      ],
    });
  });

  it("honours inline disables", async () => {
    const spec = join(lintFixtures, "broken", "spec", "disabled.spec");
    expect(await lintIds(spec, "--target", "fedora")).toEqual({ code: 0, ids: [] });
  });

  it("re-scores and disables rules from [lint.severity] in the config", async () => {
    const config = join(scratch, "wheel2pkg.toml");
    writeFileSync(
      config,
      '[lint.severity]\n"license-not-spdx" = "off"\n"rpm-binary-name" = "info"\n"dist-info-missing" = "info"\n' +
        '"noarch-with-arch-files" = "warning"\n"owns-system-directory" = "warning"\n' +
        '"python3-devel-not-buildrequired" = "warning"\n"unversioned-python-macro" = "warning"\n' +
        '"license-not-marked" = "warning"\n"bytecode-not-packaged" = "warning"\n' +
        '"forbidden-spec-tag" = "warning"\n',
    );
    const { code, stdout } = await runCli([
      "lint",
      brokenSpec,
      "--target",
      "fedora",
      "--json",
      "--config",
      config,
    ]);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] };
    expect(report.findings.map((f) => f.ruleId)).not.toContain("license-not-spdx");
    expect(report.findings.find((f) => f.ruleId === "rpm-binary-name")?.severity).toBe("info");
    expect(code).toBe(0);
  });

  it("leaves out of unmapped-dependency what only configured development extras need", async () => {
    const wheels = scratchDirectory();
    try {
      // `qa` is no development extra by default; `lint` is; the config makes `qa` one too.
      const wheel = wheels.wheel({
        metadata: [
          "Metadata-Version: 2.1",
          "Name: demo",
          "Version: 1.0",
          "Summary: Demo",
          "Provides-Extra: qa",
          "Provides-Extra: lint",
          'Requires-Dist: surely-unpackaged-qa-tool; extra == "qa"',
          'Requires-Dist: surely-unpackaged-linter; extra == "lint"',
          "",
        ].join("\n"),
      });
      const unmapped = async (...extra: string[]) => {
        const { stdout } = await runCli([
          "lint",
          wheel,
          "--target",
          "debian-12",
          "--json",
          ...extra,
        ]);
        const report = JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] };
        return report.findings
          .filter((f) => f.ruleId === "unmapped-dependency")
          .map((f) => f.message);
      };
      const before = await unmapped();
      expect(before).toHaveLength(1);
      expect(before[0]).toMatch(/^surely-unpackaged-qa-tool/);
      const config = join(scratch, "dev-extras.toml");
      writeFileSync(config, '[mapping]\ndev-extras = ["qa", "lint"]\n');
      expect(await unmapped("--config", config)).toEqual([]);
      // Every extra packaged: both requirements count.
      writeFileSync(config, "[mapping]\ndev-extras = []\n");
      expect(await unmapped("--config", config)).toHaveLength(2);
    } finally {
      wheels.remove();
    }
  });

  it.each([
    [["--fail-on", "error"], 0],
    [["--fail-on", "warning"], 1],
    [[], 0],
  ])("exit code for warnings only with %j is %i", async (extra, expected) => {
    const spec = join(lintFixtures, "summary-ends-with-dot", "fail", "python-demo.spec");
    const { code, stdout } = await runCli(["lint", spec, "--target", "fedora", ...extra]);
    expect(stdout).toMatch(/^warning \(2\)$/m);
    expect(stdout).not.toMatch(/^error \(/m);
    expect(code).toBe(expected);
  });

  it("prints SARIF 2.1.0 with the file and line of each finding", async () => {
    const { code, stdout } = await runCli([
      "lint",
      brokenSpec,
      "--target",
      "fedora",
      "--format",
      "sarif",
    ]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { region?: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarifProblems(log)).toEqual([]);
    const license = log.runs[0]?.results.find((r) => r.ruleId === "license-not-spdx");
    expect(license?.locations[0]?.physicalLocation.region?.startLine).toBe(8);
  });

  it("refuses an input of the other family and an unknown file (exit 2)", async () => {
    expect((await runCli(["lint", brokenSpec, "--target", "debian-12"])).code).toBe(2);
    expect(
      (
        await runCli([
          "lint",
          join(lintFixtures, "broken", "debian", "changelog"),
          "--target",
          "debian-12",
        ])
      ).code,
    ).toBe(2);
  });

  it("lints a wheel for either family", async () => {
    const wheel = fixtureWheel(
      "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    );
    expect(await lintIds(wheel, "--target", "fedora")).toEqual({
      code: 1,
      ids: ["prebuilt-binary", "python-tag-mismatch"],
    });
    expect(await lintIds(wheel, "--target", "debian-12")).toEqual({ code: 0, ids: [] });
  });
});
