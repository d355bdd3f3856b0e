/** What a batch finds its wheels' extras require, checked like the main requirements. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { batchPicture, graphToDot } from "../../src/batch/index.js";
import { loadConfig } from "../../src/config/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { batchOver as batch, entryOf as entry, relationField } from "./harness.js";
import { writeWheel, useWheelhouses } from "./wheelhouse.js";

const house = useWheelhouses();

describe("runBatch: what extras require", () => {
  it("checks what only extras require like the main requirements, and lists it per extra", async () => {
    const h = house([
      {
        name: "app",
        version: "1.0",
        extras: ["all", "fast", "socks"],
        requires: [
          "libzz>=1.0",
          'PySocks>=1.7; extra == "socks"',
          'ghost-extra>=1; extra == "socks"',
          // The main package already requires libzz: nothing more to list for [fast].
          'libzz>=1.0; extra == "fast"',
          'speedy>=3; extra == "fast"',
          // Known to dh-python's data and outside the set: resolved.
          'six; extra == "all"',
        ],
      },
      { name: "libzz", version: "1.2" },
      { name: "pysocks", version: "1.7.1" },
      { name: "speedy", version: "2.0" },
    ]);
    const report = await batch(h.house, h.out);
    const debian = entry(report, "app", "debian-12");
    expect(debian.requires).toEqual(["libzz"]);
    expect(debian.unresolved).toEqual([]);
    expect(debian.extras).toEqual([
      {
        extra: "fast",
        requires: ["speedy"],
        unresolved: [
          {
            requirement: 'speedy>=3; extra == "fast"',
            project: "speedy",
            relations: ["python3-speedy (>= 3)"],
            reason: "set-version-mismatch",
          },
        ],
      },
      {
        extra: "socks",
        requires: ["pysocks"],
        unresolved: [
          expect.objectContaining({ project: "ghost-extra", reason: "unknown-to-distro-data" }),
        ],
      },
    ]);
    expect(entry(report, "app", "fedora").extras).toEqual([
      {
        extra: "fast",
        requires: ["speedy"],
        unresolved: [expect.objectContaining({ reason: "set-version-mismatch" })],
      },
      { extra: "socks", requires: ["pysocks"], unresolved: [] },
    ]);
    // The extras' relations name the set's packages (dh-python's data names PySocks python3-socks,
    // and so is the set's package named).
    const control = fs.readFileSync(
      path.join(h.out, "debian-12", "python-app", "python-app-1.0", "debian", "control"),
      "utf8",
    );
    expect(relationField(control, "Suggests")).toContain("python3-socks (>= 1.7)");
    expect(report.unresolved).toEqual([
      {
        project: "ghost-extra",
        reasons: ["unknown-to-distro-data"],
        targets: ["debian-12"],
        requiredBy: ["app[socks]"],
      },
      {
        project: "speedy",
        reasons: ["set-version-mismatch"],
        targets: ["debian-12", "fedora"],
        requiredBy: ["app[fast]"],
      },
    ]);
    expect(report.totals.unresolved).toBe(2);
    // Extras do not order the builds: they are not needed to build or install the main package.
    expect(report.order).toEqual(["libzz", "app", "pysocks", "speedy"]);

    const dot = graphToDot(batchPicture(report.entries));
    expect(dot).toContain('  "app" -> "libzz";');
    expect(dot).toContain('  "app[socks]" [label="app[socks]", style=dashed];');
    expect(dot).toContain('  "app" -> "app[socks]" [style=dashed, arrowhead=none];');
    expect(dot).toContain('  "app[socks]" -> "pysocks" [style=dashed];');
    expect(dot).toContain('  "app[socks]" -> "unresolved:ghost-extra" [style=dashed, color=red];');
    expect(dot).toContain('  "app[fast]" -> "speedy" [style=dashed];');
    expect(dot).not.toContain('"app[fast]" -> "libzz"');
    expect(dot).not.toContain('"app[all]"');

    // Stamps remember the extras: a rerun reports the same.
    const again = await batch(h.house, h.out);
    expect(again.totals["skipped-unchanged"]).toBe(8);
    expect(entry(again, "app", "debian-12").extras).toEqual(debian.extras);
    expect(again.unresolved).toEqual(report.unresolved);
  });

  it("orders the set by the extras the batch folds, as the packages are planned", async () => {
    const h = house([
      { name: "app", version: "1.0", extras: ["socks"], requires: ['PySocks; extra == "socks"'] },
      { name: "pysocks", version: "1.7.1" },
    ]);
    const report = await batch(h.house, h.out, {
      profiles: [getProfile("debian-12")],
      withExtras: ["socks"],
    });
    const app = entry(report, "app", "debian-12");
    expect(app.requires).toEqual(["pysocks"]);
    expect(app.extras).toEqual([]);
    expect(report.order).toEqual(["pysocks", "app"]);
    const control = fs.readFileSync(
      path.join(h.out, "debian-12", "python-app", "python-app-1.0", "debian", "control"),
      "utf8",
    );
    expect(relationField(control, "Depends")).toContain("python3-socks");
  });

  it("redoes a package when a project only its extras require joins the set", async () => {
    const h = house([
      { name: "app", version: "1.0", extras: ["socks"], requires: ['PySocks; extra == "socks"'] },
    ]);
    const debian12 = { profiles: [getProfile("debian-12")] };
    await batch(h.house, h.out, debian12);
    const control = () =>
      fs.readFileSync(
        path.join(h.out, "debian-12", "python-app", "python-app-1.0", "debian", "control"),
        "utf8",
      );
    expect(relationField(control(), "Suggests")).toEqual(["python3-socks"]);
    writeWheel(h.house, { name: "pysocks", version: "1.7.1" });
    const second = await batch(h.house, h.out, debian12);
    expect(entry(second, "app", "debian-12").status).toBe("converted");
    expect(relationField(control(), "Suggests")).toEqual(["python3-socks"]);
    expect(fs.existsSync(path.join(h.out, "debian-12", "python-socks", "python-socks-1.7.1"))).toBe(
      true,
    );
  });
});

describe("runBatch --check-archive", () => {
  it("measures what the set does not provide against the archive index, extras too", async () => {
    const h = house([
      {
        name: "app",
        version: "1.0",
        extras: ["x"],
        requires: [
          "six",
          "absent-main",
          "pygments>=99",
          // bookworm's cffi is 1.15.1, but the set provides a cffi that satisfies it.
          "cffi>=2.0",
          'absent-extra; extra == "x"',
          'six; extra == "x"',
        ],
      },
      { name: "cffi", version: "2.0.0" },
    ]);
    const configFile = path.join(h.root, "wheel2pkg.toml");
    const packages = path.resolve("fixtures/archive/deb/Packages");
    fs.writeFileSync(
      configFile,
      [
        '[packages.absent-main.targets.debian-12]\nname = "python3-wheel2pkg-absent-main"',
        '[packages.absent-extra.targets.debian-12]\nname = "python3-wheel2pkg-absent-extra"',
        `[archive]\ncache = "archive-cache"`,
        `[archive.targets.debian-12]\nsources = [${JSON.stringify(packages)}]`,
        "",
      ].join("\n"),
    );
    const report = await batch(h.house, h.out, {
      profiles: [getProfile("debian-12")],
      config: await loadConfig(configFile),
      checkArchive: true,
    });
    const app = entry(report, "app", "debian-12");
    expect(app.requires).toEqual(["cffi"]);
    expect(app.unresolved.map((u) => [u.project, u.reason])).toEqual([
      ["absent-main", "not-in-archive"],
      ["pygments", "archive-version-unavailable"],
    ]);
    expect(app.extras).toEqual([
      {
        extra: "x",
        requires: [],
        unresolved: [
          {
            requirement: 'absent-extra; extra == "x"',
            project: "absent-extra",
            relations: ["python3-wheel2pkg-absent-extra"],
            reason: "not-in-archive",
          },
        ],
      },
    ]);
  });
});
