import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging } from "../helpers/convert.js";
import { run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** Where a payload would leave its mark if any text were executed. */
const marker = join(mkdtempSync(join(tmpdir(), "wheel2pkg-inert-")), "PWNED");
const summary = `100% sure %{lua: os.execute("touch ${marker}")} %(touch ${marker}) $(touch ${marker})`;
const description = [
  "A package whose metadata tries to be code.",
  "",
  "%files",
  "%install",
  `%{expand:%{lua: os.execute("touch ${marker}")}}`,
  "}{ unbalanced braces",
  "Depends: python3-evil",
  ".",
].join("\n");
const wheel = scratch.wheel({
  metadata: `Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: ${summary}\nLicense: MIT\n\n${description}\n`,
});

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage"))(
  "hostile METADATA text stays text",
  () => {
    it("in the RPM: the Summary and description are literal, nothing ran", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-inert-rpm-"));
      const result = await convertWheel(wheel, {
        profiles: [getProfile("fedora")],
        outDir: out,
        build: true,
        packaging: fixedPackaging,
      });
      const rpm = result.packages[0]?.build?.binaryPackages[0] ?? "";
      // A `%` that could start a macro is spaced from it: no expansion can make it code.
      // (The Summary is cut at 80 characters, as every Summary is.)
      const shown = run("rpm", ["-qp", "--qf", "%{SUMMARY}", rpm]);
      expect(shown).toMatch(/^100% sure % \{lua: os\.execute\("touch /);
      expect(summary.replace(/%(?=[{(])/g, "% ").startsWith(shown.replace(/…$/, ""))).toBe(true);
      const text = run("rpm", ["-qp", "--qf", "%{DESCRIPTION}", rpm]);
      for (const line of ["% files", "% install", "% {lua: os.execute", "}{ unbalanced braces"]) {
        expect(text).toContain(line);
      }
      expect(run("rpm", ["-qp", "--requires", rpm])).not.toContain("python3-evil");
      expect(existsSync(marker)).toBe(false);
    });

    it("in the openSUSE build, whose flavor subpackages copy the Summary again", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-inert-suse-"));
      const result = await convertWheel(wheel, {
        profiles: [getProfile("opensuse")],
        outDir: out,
        build: true,
        packaging: fixedPackaging,
      });
      const rpms = result.packages[0]?.build?.binaryPackages ?? [];
      expect(rpms.length).toBeGreaterThan(0);
      for (const rpm of rpms) {
        expect(run("rpm", ["-qp", "--qf", "%{SUMMARY}", rpm])).toMatch(/^100% sure % \{lua:/);
      }
      expect(existsSync(marker)).toBe(false);
    });

    it("in the .deb: one Description field, no injected fields, nothing ran", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-inert-deb-"));
      const result = await convertWheel(wheel, {
        profiles: [getProfile("debian-12")],
        outDir: out,
        build: true,
        packaging: fixedPackaging,
      });
      const deb = result.packages[0]?.build?.binaryPackages[0] ?? "";
      expect(run("dpkg-deb", ["-f", deb, "Depends"])).not.toContain("python3-evil");
      const control = run("dpkg-deb", ["-f", deb]);
      expect(control.match(/^Description:/gm)).toHaveLength(1);
      // The text stays in the description's continuation lines; no line starts a field.
      expect(control).not.toMatch(/^Depends: python3-evil/m);
      expect(control).toMatch(/^ .*unbalanced braces/m);
      expect(readdirSync(result.packages[0]?.directory ?? "")).toContain(
        "python3-demo_1.0-1_all.deb",
      );
      expect(existsSync(marker)).toBe(false);
    });
  },
);
