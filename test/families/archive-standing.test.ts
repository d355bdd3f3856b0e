import { describe, expect, it } from "vitest";
import {
  archiveRelease,
  archiveStanding,
  standingDiagnostics,
} from "../../src/families/archive-standing.js";
import { debianVersionOverArchive } from "../../src/families/deb/archive-version.js";
import { compareDebianVersions } from "../../src/families/deb/version-order.js";
import { rpmVersionOverArchive } from "../../src/families/rpm/archive-version.js";
import { compareRpmVersions } from "../../src/families/rpm/version-order.js";
import { getProfile } from "../../src/profiles/index.js";
import type { PlanArchive } from "../../src/targets/types.js";

/** An archive of one package at one version. */
function archiveOf(name: string, version: string): PlanArchive {
  return {
    librariesOf: () => undefined,
    preinstalled: () => false,
    describe: () => "test archive",
    package: (n) => (n === name ? { version, provides: [] } : undefined),
  };
}

describe("the release an archive version carries", () => {
  it.each([
    ["2.14.0+dfsg", "2.14.0"],
    ["1.2+ds1", "1.2"],
    ["3.0~repack2", "3.0"],
    ["4.1+dfsg.1", "4.1"],
    ["1.0~rc1", "1.0rc1"],
    ["1.0+post1", "1.0.post1"],
    ["2.12", "2.12"],
  ])("%s carries %s", (upstream, release) => {
    expect(archiveStanding(release, "x", upstream).kind).toBe("same-release");
  });

  it("reads no release from a snapshot spelling", () => {
    expect(archiveRelease("0.0~git20230101.abc1234")).toBeNull();
  });

  it("warns, rather than claims, when a rebuild of the same release does not sort above", () => {
    const same = archiveStanding("1.16", "1.16.0-1", "1.16.0");
    const said = (sortsAbove: boolean) =>
      standingDiagnostics("python3-six", "1.16-1.1", same, sortsAbove, "test archive").map((d) => [
        d.code,
        d.severity,
      ]);
    expect(said(true)).toEqual([["archive-same-release", "info"]]);
    expect(said(false)).toEqual([["archive-version-newer", "warning"]]);
  });
});

describe("a Debian package replacing the archive's", () => {
  it.each([
    ["python3-pygments", "2.14.0", "2.14.0+dfsg-1", "2.14.0+dfsg-1LOCAL.1"],
    ["python3-paramiko", "2.12.0", "2.12.0-2", "2.12.0-2LOCAL.1"],
    ["python3-paramiko", "2.12", "2.12.0-2", "2.12.0-2LOCAL.1"],
    ["python3-numpy", "1.24.2", "1:1.24.2-1+deb12u1", "1:1.24.2-1+deb12u1LOCAL.1"],
    ["python3-native", "1.2", "1.2", "1.2-0LOCAL.1"],
  ])("%s %s over %s is %s", (name, wheel, archived, expected) => {
    const chosen = debianVersionOverArchive(
      name,
      wheel,
      `${wheel}-1`,
      "1",
      archiveOf(name, archived),
    );
    expect(chosen.version).toBe(expected);
    expect(chosen.diagnostics.map((d) => d.code)).toEqual(["archive-same-release"]);
    expect(compareDebianVersions(chosen.version, archived)).toBe(1);
  });

  it.each(["2.14.0+dfsg-2", "2.14.0+dfsg-1+b1", "2.14.0+dfsg-1+deb12u1", "2.14.0+dfsg-1.1"])(
    "sorts below the archive's next version %s",
    (next) => {
      const chosen = debianVersionOverArchive(
        "python3-pygments",
        "2.14.0",
        "2.14.0-1",
        "1",
        archiveOf("python3-pygments", "2.14.0+dfsg-1"),
      );
      expect(compareDebianVersions(chosen.version, next)).toBe(-1);
    },
  );

  it("warns when the archive has a newer release", () => {
    const chosen = debianVersionOverArchive(
      "python3-paramiko",
      "2.11.0",
      "2.11.0-1",
      "1",
      archiveOf("python3-paramiko", "2.12.0-2"),
    );
    expect(chosen.version).toBe("2.11.0-1");
    expect(chosen.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["archive-version-newer", "warning"],
    ]);
  });

  it("keeps its own version over an older release", () => {
    const chosen = debianVersionOverArchive(
      "python3-numpy",
      "2.4.6",
      "1:2.4.6-1",
      "1",
      archiveOf("python3-numpy", "1:1.24.2-1+deb12u1"),
    );
    expect(chosen).toEqual({ version: "1:2.4.6-1", diagnostics: [] });
  });
});

describe("an RPM package replacing the repository's", () => {
  const fedora = getProfile("fedora");
  const tag = fedora.rpm?.distTag ?? "";

  it.each([
    ["2.14.0", null, "2.14.0-3", "2.14.0", "3.1"],
    // rpm orders 1.16 below 1.16.0: the repository's spelling is kept, trailing zero and all.
    ["1.16", null, "1.16.0-1", "1.16.0", "1.1"],
    ["1.16.0", null, "1.16-2", "1.16", "2.1"],
    // and 1.0^post1 (the spelling wheel2pkg and Fedora's generator give) below 1.0.post1.
    ["1.0.post1", null, "1.0.post1-1", "1.0.post1", "1.1"],
    ["1.0rc1", null, "1.0~rc1-0.2", "1.0~rc1", "0.2.1"],
    ["1.26.4", 1, "1:1.26.4-1", "1.26.4", "1.1"],
  ])(
    "rebuilds %s (Epoch %s) over the repository's %s as %s, Release %s",
    (wheel, epoch, archived, version, release) => {
      const own = { epoch, version: wheel.replace(/\.post/, "^post").replace(/rc/, "~rc") };
      const chosen = rpmVersionOverArchive(
        "python3-pygments",
        wheel,
        own,
        "1",
        fedora,
        archiveOf("python3-pygments", `${archived}${tag}`),
      );
      expect([chosen.version, chosen.release]).toEqual([version, release]);
      expect(chosen.diagnostics.map((d) => d.code)).toEqual(["archive-same-release"]);
      const evr = `${epoch === null ? "" : `${epoch}:`}${version}-${release}${tag}`;
      expect(compareRpmVersions(evr, `${archived}${tag}`)).toBe(1);
      const next = archived.replace(/-(\d+)/, (_, n: string) => `-${Number(n) + 1}`);
      expect(compareRpmVersions(evr, `${next}${tag}`)).toBe(-1);
    },
  );

  it("warns when the repository has a newer release", () => {
    const chosen = rpmVersionOverArchive(
      "python3-pygments",
      "2.14.0",
      { epoch: null, version: "2.14.0" },
      "1",
      fedora,
      archiveOf("python3-pygments", `2.18.0-1${tag}`),
    );
    expect([chosen.version, chosen.release]).toEqual(["2.14.0", "1"]);
    expect(chosen.diagnostics.map((d) => d.code)).toEqual(["archive-version-newer"]);
  });
});
