import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixtureWheel } from "../helpers/convert.js";
import { skipWithout } from "../helpers/tools.js";

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage", "rpmlint", "lintian"))(
  "convert lints what it makes",
  () => {
    it("summarizes policy findings per package; the fixtures have no errors", async () => {
      const out = join(mkdtempSync(join(tmpdir(), "wheel2pkg-convert-lint-")), "out");
      const wheel = fixtureWheel("hello_cli-1.2.0-py3-none-any.whl");
      const result = await runCli([
        "convert",
        wheel,
        "--target",
        "fedora,debian-12",
        "--out",
        out,
        "--build",
        "--native-lint",
        "--json",
      ]);
      expect(result.code, result.stderr).toBe(0);
      const [converted] = JSON.parse(result.stdout) as {
        lint: Record<string, { tool: string; ruleId: string; severity: string }[]>;
      }[];
      for (const target of ["fedora", "debian-12"]) {
        const findings = converted?.lint[target] ?? [];
        expect(
          findings.filter((f) => f.severity === "error"),
          target,
        ).toEqual([]);
        // The native linters ran on the built package: their warnings are in the same report.
        expect(
          findings.some((f) => f.tool === (target === "fedora" ? "rpmlint" : "lintian")),
          target,
        ).toBe(true);
      }
    });

    it("can be turned off", async () => {
      const out = join(mkdtempSync(join(tmpdir(), "wheel2pkg-convert-nolint-")), "out");
      const result = await runCli([
        "convert",
        fixtureWheel("oldmeta-0.9-py3-none-any.whl"),
        "--target",
        "debian-12",
        "--out",
        out,
        "--no-lint",
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/lint:/);
    });
  },
);
