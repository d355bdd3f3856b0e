import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { InspectReport } from "../../src/cli/inspect.js";
import { runCli } from "../helpers/cli.js";
import { fixtureWheel, root } from "../helpers/convert.js";

const targets = ["debian-12", "fedora"];

async function inspect(wheel: string): Promise<InspectReport> {
  const result = await runCli(["inspect", wheel, "--json", "--target", targets.join(",")]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as InspectReport;
}

/** Every requirement maps for every target, and a requirement that adds nothing says why. */
function expectNoSilentDrops(report: InspectReport): void {
  for (const requirement of report.requirements) {
    for (const target of targets) {
      const mappings = requirement.targets[target] ?? [];
      expect(mappings.length, `${requirement.requirement} on ${target}`).toBeGreaterThan(0);
      for (const mapping of mappings) {
        if (mapping.dependencies.length === 0) {
          expect(
            mapping.diagnostics.length,
            `${requirement.requirement} on ${target}`,
          ).toBeGreaterThan(0);
        }
      }
    }
  }
}

const fixtures = readdirSync(join(root, "fixtures", "wheels")).filter((n) => n.endsWith(".whl"));
const corpusDir = process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus";
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir).filter((n) => n.endsWith(".whl"))
  : [];

describe("inspect --json --target", () => {
  it("maps each requirement per target: main package, extras, and markers false for the target", async () => {
    const report = await inspect(fixtureWheel("extras_demo-2.0.0rc1-py3-none-any.whl"));
    const byText = new Map(report.requirements.map((r) => [r.requirement, r.targets]));
    expect(byText.get("attrs~=23.1")?.["debian-12"]).toMatchObject([
      { extra: null, dependencies: ["python3-attr (>= 23.1)", "python3-attr (<< 24~~)"] },
    ]);
    expect(byText.get('rich>=12; extra == "cli"')?.fedora).toMatchObject([
      { extra: "cli", dependencies: ["python3dist(rich) >= 12"] },
    ]);
    const tests = byText.get('pytest>=7; extra == "test"')?.fedora;
    expect(tests).toMatchObject([{ extra: null, dependencies: [] }]);
    expect(tests?.[0]?.diagnostics.map((d) => d.code)).toEqual(["extra-dev-only"]);
    const windows = byText.get('pywin32>=300; sys_platform == "win32"')?.["debian-12"];
    expect(windows).toMatchObject([{ extra: null, dependencies: [] }]);
    expect(windows?.[0]?.diagnostics.map((d) => d.code)).toEqual(["marker-false"]);
    expectNoSilentDrops(report);
  });

  it.each(fixtures)("drops nothing silently: %s", async (wheel) => {
    expectNoSilentDrops(await inspect(fixtureWheel(wheel)));
  });

  it.skipIf(corpus.length === 0).each(corpus)(
    "drops nothing silently: corpus %s",
    async (wheel) => {
      expectNoSilentDrops(await inspect(join(corpusDir, wheel)));
    },
  );
});
