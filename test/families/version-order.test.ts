/**
 * The version orders the archive index compares with, against the real tools: dpkg's (through
 * Dpkg::Version, checked by `dpkg --compare-versions` in its own tests) and rpm's (rpm.vercmp),
 * over archive-style spellings (epochs, `+dfsg`, `~rc`, binNMUs, `^` snapshots) and over every
 * pair of neighbours among the real bookworm versions when apt's lists are here.
 */
import { describe, expect, it } from "vitest";
import { compareDebianVersions } from "../../src/families/deb/version-order.js";
import { compareRpmVersions, rpmvercmp } from "../../src/families/rpm/version-order.js";
import { loadArchive } from "../../src/families/archive-store.js";
import { hostAptLists } from "../../src/families/deb/archive.js";
import { emptyConfig } from "../../src/config/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { dpkgAvailable, DpkgVersions } from "../helpers/dpkg-compare.js";
import { rpmAvailable, RpmVersions } from "../helpers/rpm-compare.js";
import { inCI } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const spellings = [
  "1.0",
  "1.0-1",
  "1.0.0-1",
  "1.00-1",
  "1:1.0-1",
  "0:1.0-1",
  "2:0.9-1",
  "1.0~rc1-1",
  "1.0~~-1",
  "1.0+dfsg-1",
  "1.0+ds1-2",
  "1.0+repack-1",
  "1.0-1+b1",
  "1.0-1+deb12u1",
  "1.0-1~bpo12+1",
  "1.0a-1",
  "1.0.a-1",
  "1.0-1.1",
  "1.0-10",
  "1.0-9",
  "2.14.0+dfsg-1",
  "2.14-1",
  "2.14+post0~",
  "1:1.24.2-1+deb12u1",
  "1.24.2",
  "10.0",
  "9.99",
  "1.0^20240101",
  "1.0^",
  "1.0~",
  "1.0_1",
  "1.0-1.fc41",
  "1.0-1.el9",
  "1.0-0.rc1.fc41",
  "a",
  "a1",
  "1a",
  "1.01",
  "1.001",
  "0.9.9.9",
];

const pairs = spellings.flatMap((a) => spellings.map((b) => [a, b] as [string, string]));

/** Neighbouring versions of the real archive, when this host has bookworm's lists. */
async function archivePairs(): Promise<[string, string][]> {
  const profile = getProfile("debian-12");
  if ((await hostAptLists(profile)) === null) return [];
  const scratch = scratchDirectory();
  try {
    const { index } = await loadArchive(profile, emptyConfig, { cacheDirectory: scratch.dir });
    const versions = [...new Set(index.snapshot.packages.map((p) => p.version))].sort();
    return versions.slice(1).map((v, i) => [versions[i] ?? v, v]);
  } finally {
    scratch.remove();
  }
}

describe.skipIf(!inCI && !dpkgAvailable())("dpkg's order", () => {
  it("is dpkg's over archive-style spellings", () => {
    const dpkg = new DpkgVersions();
    const valid = pairs.filter(
      ([a, b]) =>
        /^\d/.test(a.replace(/^\d+:/, "")) &&
        /^\d/.test(b.replace(/^\d+:/, "")) &&
        !a.includes("_") &&
        !b.includes("_") &&
        !a.includes("^") &&
        !b.includes("^"),
    );
    expect(valid.map(([a, b]) => compareDebianVersions(a, b))).toEqual(dpkg.compareMany(valid));
  });

  it("is dpkg's over the real archive's versions", async () => {
    const real = await archivePairs();
    if (inCI) expect(real.length).toBeGreaterThan(10000);
    const dpkg = new DpkgVersions();
    const answers = dpkg.compareMany(real);
    const wrong = real.filter(([a, b], i) => compareDebianVersions(a, b) !== answers[i]);
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe.skipIf(!inCI && !rpmAvailable())("rpm's order", () => {
  it("is rpm.vercmp's over the same spellings where both or neither have a release", () => {
    // rpm.vercmp ranks a missing release lowest; a relation without one ignores it (below).
    const released = (evr: string) => evr.replace(/^\d+:/, "").includes("-");
    const same = pairs.filter(([a, b]) => released(a) === released(b));
    const rpm = new RpmVersions();
    expect(same.map(([a, b]) => compareRpmVersions(a, b))).toEqual(rpm.compareMany(same));
  });

  it("compares a release only when both sides have one, as a relation does", () => {
    expect(compareRpmVersions("1.0-3.fc41", "1.0")).toBe(0);
    expect(compareRpmVersions("1:1.0-3", "1.0")).toBe(1);
    expect(rpmvercmp("1.0~rc1", "1.0")).toBe(-1);
    expect(rpmvercmp("1.0^1", "1.0")).toBe(1);
    expect(rpmvercmp("1.0^1", "1.0.1")).toBe(-1);
  });
});
