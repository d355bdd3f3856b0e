/**
 * Converted packages against the real bookworm archive on this host, as apt sees them
 * (`apt-get install --simulate` with the built .debs; docs/version-translation.md, "Replacing
 * the archive's package"): a wheel of the release the archive has is a local build above the
 * archive's package, not a downgrade, and keeps its dependents (python3-rich on
 * python3-pygments); a wheel requiring `numpy<2` installs next to bookworm's numpy; a converted
 * numpy sorts above the archive's, and python3-scipy, which needs the ABI names the archive's
 * numpy provides, cannot be installed with it, as `archive-provides-lost` says. Runs where
 * apt's bookworm lists are present, and always under CI.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertWheel, type ConvertResult } from "../../src/apply/index.js";
import { emptyConfig } from "../../src/config/index.js";
import type { ArchiveIndex } from "../../src/families/archive.js";
import { loadArchive } from "../../src/families/archive-store.js";
import { getProfile } from "../../src/profiles/index.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { fixedPackaging } from "../helpers/convert.js";
import { hostPackagesLists } from "../helpers/debian-archive.js";
import { run } from "../helpers/install.js";
import { inCI, skipWithout } from "../helpers/tools.js";

const profile = getProfile("debian-12");
const bookworm = hostPackagesLists().some((list) => list.includes("_dists_bookworm_"));
const corpusNumpy =
  "/tmp/corpus/numpy-2.4.6-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl";
const directory = mkdtempSync(join(tmpdir(), "wheel2pkg-replace-"));
let archive: ArchiveIndex;

beforeAll(async () => {
  if (!bookworm && !inCI) return;
  const loaded = await loadArchive(profile, emptyConfig, {
    cacheDirectory: join(directory, "cache"),
  });
  archive = loaded.index;
}, 300_000);
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Converts and builds a wheel for debian-12 with the host's bookworm index. */
async function build(wheel: string): Promise<{ result: ConvertResult; deb: string }> {
  const result = await convertWheel(wheel, {
    profiles: [profile],
    outDir: mkdtempSync(join(directory, "out-")),
    build: true,
    packaging: fixedPackaging,
    archives: new Map([[profile.id, archive]]),
  });
  const deb = result.packages[0]?.build?.binaryPackages[0];
  if (deb === undefined) throw new Error(`nothing built from ${wheel}`);
  return { result, deb };
}

/** What apt would do installing these .debs and archive packages here; ok false when it refuses. */
function simulate(args: readonly string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: run("apt-get", ["install", "--simulate", ...args]) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Whether dpkg orders `a` above `b`. */
function above(a: string, b: string): boolean {
  try {
    run("dpkg", ["--compare-versions", a, "gt", b]);
    return true;
  } catch {
    return false;
  }
}

const codes = (result: ConvertResult) => result.diagnostics.map((d) => d.code);

describe.skipIf(skipWithout("apt-get", "dpkg-buildpackage", "dh_python3") || (!bookworm && !inCI))(
  "converted packages against bookworm",
  () => {
    it("a wheel of the archive's Pygments release is a local build above it, keeping python3-rich", async () => {
      const wheels = mkdtempSync(join(directory, "wheels-"));
      // Pygments 2.14.0 as published: one requirement for old Pythons, one extra.
      const wheel = writeWheel(wheels, {
        name: "pygments",
        version: "2.14.0",
        requires: [
          'importlib-metadata ; python_version < "3.8"',
          'importlib-metadata ; extra == "plugins"',
        ],
        extras: ["plugins"],
      });
      const archived = archive.package("python3-pygments")?.version ?? "";
      expect(archived).toBe("2.14.0+dfsg-1");
      const { result, deb } = await build(wheel);
      expect(result.packages[0]?.version).toBe("2.14.0+dfsg-1LOCAL.1");
      expect(codes(result)).toContain("archive-same-release");
      expect(above(run("dpkg-deb", ["-f", deb, "Version"]).trim(), archived)).toBe(true);
      const apt = simulate([deb, "python3-rich"]);
      expect(apt.ok, apt.output).toBe(true);
      expect(apt.output).not.toMatch(/DOWNGRADED|^Remv /m);
      expect(apt.output).toMatch(/^Inst python3-pygments .*\(2\.14\.0\+dfsg-1LOCAL\.1 /m);
      expect(apt.output).toMatch(/^Inst python3-rich /m);
    }, 600_000);

    it("a wheel requiring numpy<2 installs next to bookworm's numpy", async () => {
      const wheels = mkdtempSync(join(directory, "wheels-"));
      const wheel = writeWheel(wheels, {
        name: "needs_old_numpy",
        version: "1.0",
        requires: ["numpy<2"],
      });
      const { result, deb } = await build(wheel);
      expect(run("dpkg-deb", ["-f", deb, "Depends"])).toContain("python3-numpy (<< 1:2~~)");
      expect(codes(result)).not.toContain("dependency-version-unavailable");
      const apt = simulate([deb]);
      expect(apt.ok, apt.output).toBe(true);
      expect(apt.output).toMatch(/^Inst python3-numpy \(1:1\.24\.2-1\+deb12u1 /m);
    }, 600_000);

    it.skipIf(!inCI && !existsSync(corpusNumpy))(
      "a converted numpy sorts above the archive's, and says python3-scipy cannot stay",
      async () => {
        const { result, deb } = await build(corpusNumpy);
        const archived = archive.package("python3-numpy")?.version ?? "";
        expect(result.packages[0]?.version).toBe("1:2.4.6-1");
        expect(above("1:2.4.6-1", archived)).toBe(true);
        expect(codes(result)).toContain("archive-provides-lost");
        expect(codes(result)).not.toContain("archive-version-newer");
        // Alone, it installs in the archive's numpy's place.
        const alone = simulate([deb]);
        expect(alone.ok, alone.output).toBe(true);
        expect(alone.output).toMatch(/^Inst python3-numpy \(1:2\.4\.6-1 /m);
        // python3-scipy needs python3-numpy-abi9 and numpy << 1:1.25.0: apt refuses, as warned.
        const scipy = simulate([deb, "python3-scipy"]);
        expect(scipy.ok, scipy.output).toBe(false);
        expect(scipy.output).toMatch(
          /python3-scipy : Depends: python3-numpy-abi9|python3-numpy \(< 1:1\.25/,
        );
      },
      900_000,
    );
  },
);
