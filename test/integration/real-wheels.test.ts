import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging } from "../helpers/convert.js";
import { importFrom, installDebs, installRpms } from "../helpers/install.js";
import { lintianErrors, rpmlintErrors } from "../helpers/native-lint.js";
import { inCI, skipWithout } from "../helpers/tools.js";

/** Real upstream wheels that Debian ships (python3-pip-whl, python3-setuptools-whl, python3-wheel-whl). */
const wheelDir = "/usr/share/python-wheels";
const wheels = existsSync(wheelDir)
  ? readdirSync(wheelDir)
      .filter((n) => n.endsWith(".whl"))
      .sort()
  : [];
const importName: Record<string, string> = { pip: "pip", setuptools: "setuptools", wheel: "wheel" };

describe.skipIf(
  skipWithout("rpmbuild", "dpkg-buildpackage", "lintian", "rpmlint") ||
    (!inCI && wheels.length === 0),
)("real wheels build, lint clean and import", () => {
  it("finds Debian's wheels", () => {
    expect(wheels.length).toBeGreaterThanOrEqual(3);
  });

  it.each(wheels)("%s", async (wheel) => {
    const out = mkdtempSync(join(tmpdir(), "wheel2pkg-real-"));
    const result = await convertWheel(join(wheelDir, wheel), {
      profiles: [getProfile("debian-12"), getProfile("fedora")],
      outDir: out,
      build: true,
      packaging: fixedPackaging,
    });
    const module = importName[wheel.split("-")[0] ?? ""] ?? "";
    for (const converted of result.packages) {
      const built = converted.build;
      expect(built?.binaryPackages.length).toBeGreaterThan(0);
      if (converted.family === "deb") {
        // dpkg-buildpackage's .changes (source and binaries), else the direct builder's .debs.
        const changes = readdirSync(converted.directory).filter((n) => n.endsWith(".changes"));
        const lint = lintianErrors(
          changes.length > 0
            ? changes.map((n) => join(converted.directory, n))
            : (built?.binaryPackages ?? []),
        );
        expect(lint.errors, lint.output).toEqual([]);
        const root = installDebs(built?.binaryPackages ?? []);
        expect(importFrom(join(root, "usr/lib/python3/dist-packages"), [module])).toContain(module);
      } else {
        const lint = rpmlintErrors([
          ...(built?.sourcePackages ?? []),
          ...(built?.binaryPackages ?? []),
        ]);
        expect(lint.errors, lint.output).toEqual([]);
        const root = installRpms(built?.binaryPackages ?? []);
        const python = getProfile(converted.target).python.version;
        expect(importFrom(join(root, `usr/lib/python${python}/site-packages`), [module])).toContain(
          module,
        );
      }
    }
  });
});
