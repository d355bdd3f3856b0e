import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  batchFailed,
  type BatchReport,
  batchStatuses,
  buildManifest,
} from "../../src/batch/index.js";
import { summarise } from "../../src/batch/lint-summary.js";
import { loadConfig } from "../../src/config/index.js";
import { lintPath } from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { dpkgBinaryCompare, parseRelation } from "../helpers/dpkg-compare.js";
import { skipWithout } from "../helpers/tools.js";
import { recordHash, wheelBytes } from "../wheel/zip-builder.js";
import { batchOver, entryOf, relationField } from "./harness.js";
import { wheelName, writeWheel, useWheelhouses } from "./wheelhouse.js";

const house = useWheelhouses();

const batch = batchOver;
const entry = entryOf;

function debianDepends(out: string, project: string, version: string): string[] {
  const control = fs.readFileSync(
    path.join(
      out,
      "debian-12",
      `python-${project}`,
      `python-${project}-${version}`,
      "debian",
      "control",
    ),
    "utf8",
  );
  return relationField(control, "Depends");
}

function fedoraSpec(out: string, project: string): string {
  return fs.readFileSync(
    path.join(out, "fedora", `python-${project}`, `python-${project}.spec`),
    "utf8",
  );
}

function fedoraRequires(out: string, project: string): string[] {
  const spec = fedoraSpec(out, project);
  return [...spec.matchAll(/^Requires:\s+(.*)$/gm)].map((m) => (m[1] ?? "").trim());
}

/** Every file and directory under `dir`, relative. */
function tree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

function totalsAddUp(report: BatchReport): void {
  const sum = batchStatuses.reduce((n, s) => n + report.totals[s], 0);
  expect(sum).toBe(report.totals.entries);
  expect(report.totals.entries).toBe(report.entries.length);
  expect(report.entries.length).toBe(report.totals.wheels * report.targets.length);
}

describe("runBatch", () => {
  it("points requirements on the set's own projects at the packages the batch produces", async () => {
    const h = house([
      { name: "app", version: "1.0", requires: ["libzz>=1.0", "PyYAML>=5.1", "ghost-project>=2"] },
      { name: "libzz", version: "1.2" },
      { name: "pyyaml", version: "6.0.1" },
    ]);
    const report = await batch(h.house, h.out);
    expect(report.totals.converted).toBe(6);
    // dh-python's data names PyYAML python3-yaml: the set's own package takes that name, so it
    // satisfies its dependents and replaces the archive's python3-yaml.
    const depends = debianDepends(h.out, "app", "1.0");
    const libzz = depends.find((d) => d.startsWith("python3-libzz "));
    const yaml = depends.find((d) => d.startsWith("python3-yaml "));
    expect(libzz).toMatch(/^python3-libzz \(>= 1\.0\)$/);
    expect(yaml).toMatch(/^python3-yaml \(>= 5\.1\)$/);
    expect(depends.some((d) => d.startsWith("python3-pyyaml"))).toBe(false);
    // Each relation names the binary package the batch built, in a version it satisfies.
    const produced = (base: string, version: string) => {
      const control = fs.readFileSync(
        path.join(
          h.out,
          "debian-12",
          `python-${base}`,
          `python-${base}-${version}`,
          "debian",
          "control",
        ),
        "utf8",
      );
      return /^Package: (\S+)$/m.exec(control.split("\n\n")[1] ?? "")?.[1];
    };
    expect(produced("libzz", "1.2")).toBe("python3-libzz");
    expect(produced("yaml", "6.0.1")).toBe("python3-yaml");
    if (!skipWithout("dpkg")) {
      const pairs: [string, string][] = [
        ["1.2-1", parseRelation(libzz ?? "").version ?? ""],
        ["6.0.1-1", parseRelation(yaml ?? "").version ?? ""],
      ];
      expect(dpkgBinaryCompare(pairs).every((c) => c >= 0)).toBe(true);
    }
    // Fedora's dependency generator writes python3dist() requirements from METADATA, the set's
    // own projects included: the spec neither repeats nor filters them.
    expect(fedoraRequires(h.out, "app").filter((r) => r.includes("python3dist"))).toEqual([]);
    expect(fedoraSpec(h.out, "app")).not.toMatch(/__requires_exclude/);
    // The set's edges, and the requirement nothing provides, per target.
    expect(entry(report, "app", "debian-12").requires).toEqual(["libzz", "pyyaml"]);
    expect(entry(report, "app", "debian-12").unresolved).toEqual([
      expect.objectContaining({ project: "ghost-project", reason: "unknown-to-distro-data" }),
    ]);
    expect(entry(report, "app", "fedora").unresolved).toEqual([]);
    expect(report.unresolved).toEqual([
      {
        project: "ghost-project",
        reasons: ["unknown-to-distro-data"],
        targets: ["debian-12"],
        requiredBy: ["app"],
      },
    ]);
    expect(report.order.indexOf("libzz")).toBeLessThan(report.order.indexOf("app"));
    expect(report.order.indexOf("pyyaml")).toBeLessThan(report.order.indexOf("app"));
    totalsAddUp(report);
  });

  it("names the set's package however a requirement spells the project", async () => {
    // dh-python's keys keep dots: `Zz.Lib` is not `zz-lib` to its data, but PEP 503 says it is.
    const h = house([
      { name: "app", version: "1.0", requires: ["Zz.Lib>=1", "zz_lib<2", "ZZ-LIB!=1.1"] },
      { name: "zz_lib", version: "1.2" },
    ]);
    const report = await batch(h.house, h.out);
    expect(
      debianDepends(h.out, "app", "1.0")
        .filter((d) => d.includes("zz"))
        .sort(),
    ).toEqual([
      "python3-zz-lib (<< 2~~)",
      "python3-zz-lib (>= 1)",
      "python3-zz-lib (>= 1.1.0.1~~) | python3-zz-lib (<< 1.1)",
    ]);
    expect(fedoraRequires(h.out, "app").filter((r) => r.includes("zz"))).toEqual([]);
    expect(entry(report, "app", "debian-12").unresolved).toEqual([]);
  });

  it("lists a requirement the set's version does not satisfy as unresolved", async () => {
    const h = house([
      { name: "app", version: "1.0", requires: ["libzz>=2"] },
      { name: "libzz", version: "1.2" },
    ]);
    const report = await batch(h.house, h.out, { profiles: [getProfile("fedora")] });
    expect(entry(report, "app", "fedora").unresolved).toEqual([
      expect.objectContaining({ project: "libzz", reason: "set-version-mismatch" }),
    ]);
  });

  it("orders a cycle deterministically and reports it", async () => {
    const h = house([
      { name: "chicken", version: "1.0", requires: ["egg"] },
      { name: "egg", version: "1.0", requires: ["chicken"] },
      { name: "farm", version: "1.0", requires: ["egg"] },
    ]);
    const report = await batch(h.house, h.out, { profiles: [getProfile("debian-12")] });
    expect(report.cycles).toEqual([["chicken", "egg"]]);
    expect(report.order).toEqual(["chicken", "egg", "farm"]);
    expect(report.totals.converted).toBe(3);
  });

  it("isolates a corrupt wheel: every other wheel converts, the corrupt one is refused", async () => {
    const h = house([
      { name: "good", version: "1.0" },
      { name: "fine", version: "2.0", requires: ["good"] },
    ]);
    fs.writeFileSync(path.join(h.house, "broken-1.0-py3-none-any.whl"), "this is not a zip file");
    // A valid zip whose RECORD lies: refused by the first pass, which checks every hash.
    fs.writeFileSync(
      path.join(h.house, wheelName({ name: "liar", version: "1.0" })),
      wheelBytes({
        name: "liar",
        record: (rows) =>
          rows.map(([p, , size]) => [
            p ?? "",
            p?.endsWith(".py") ? recordHash("lie") : "",
            size ?? "",
          ]),
      }),
    );
    const report = await batch(h.house, h.out);
    const broken = report.entries.filter((e) => e.wheel.endsWith("broken-1.0-py3-none-any.whl"));
    expect(broken.map((e) => e.status)).toEqual(["refused", "refused"]);
    expect(broken[0]?.error).toMatch(/broken-1\.0-py3-none-any\.whl/);
    const liar = report.entries.filter((e) =>
      e.wheel.endsWith(wheelName({ name: "liar", version: "1.0" })),
    );
    expect(liar.map((e) => e.status)).toEqual(["refused", "refused"]);
    expect(liar[0]?.error).toMatch(/RECORD|hash/i);
    expect(report.totals.converted).toBe(4);
    expect(report.totals.refused).toBe(4);
    expect(batchFailed(report)).toBe(true);
    expect(fs.existsSync(path.join(h.out, "debian-12", "python-liar"))).toBe(false);
    totalsAddUp(report);
  });

  it("skips what is unchanged, and redoes what a changed wheel or config affects", async () => {
    const h = house([
      { name: "alpha", version: "1.0" },
      { name: "beta", version: "1.0", requires: ["alpha"] },
    ]);
    const first = await batch(h.house, h.out);
    expect(first.totals.converted).toBe(4);
    const second = await batch(h.house, h.out);
    expect(second.totals["skipped-unchanged"]).toBe(4);
    expect(second.entries.every((e) => e.directory !== null && fs.existsSync(e.directory))).toBe(
      true,
    );
    totalsAddUp(second);

    // New bytes for alpha only: alpha is redone, beta is not.
    writeWheel(h.house, { name: "alpha", version: "1.0" }, "EXTRA = 2\n");
    const third = await batch(h.house, h.out);
    expect(third.entries.filter((e) => e.status === "converted").map((e) => e.project)).toEqual([
      "alpha",
      "alpha",
    ]);

    // Another config redoes everything; so does --force.
    const configFile = path.join(h.root, "wheel2pkg.toml");
    fs.writeFileSync(configFile, 'release = "2"\n');
    const config = await loadConfig(configFile);
    const fourth = await batch(h.house, h.out, { config });
    expect(fourth.totals.converted).toBe(4);
    expect(
      fs.readFileSync(path.join(h.out, "fedora", "python-beta", "python-beta.spec"), "utf8"),
    ).toMatch(/^Release:\s+2%\{\?dist\}/m);
    expect((await batch(h.house, h.out, { config })).totals["skipped-unchanged"]).toBe(4);
    expect((await batch(h.house, h.out, { config, force: true })).totals.converted).toBe(4);

    // A project joining the set redoes the wheels that require it (their relations may change:
    // a version the set's package satisfies).
    writeWheel(h.house, { name: "beta", version: "1.0", requires: ["alpha", "PyYAML"] });
    await batch(h.house, h.out, { config });
    expect(debianDepends(h.out, "beta", "1.0")).toContain("python3-yaml");
    writeWheel(h.house, { name: "pyyaml", version: "6.0" });
    const fifth = await batch(h.house, h.out, { config });
    const redone = fifth.entries.filter((e) => e.status === "converted").map((e) => e.project);
    expect([...new Set(redone)].sort()).toEqual(["beta", "pyyaml"]);
    expect(debianDepends(h.out, "beta", "1.0")).toContain("python3-yaml");
  });

  it("remembers a refusal, and does not plan the refused wheel again", async () => {
    const h = house([{ name: "good", version: "1.0" }]);
    // Built for CPython 3.11: Fedora's Python refuses it, Debian 12's accepts it.
    const fixture = path.resolve(
      "fixtures/wheels/fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    );
    fs.copyFileSync(fixture, path.join(h.house, path.basename(fixture)));
    const first = await batch(h.house, h.out);
    expect(entry(first, "fastmath", "fedora").status).toBe("refused");
    expect(entry(first, "fastmath", "debian-12").status).toBe("converted");
    const second = await batch(h.house, h.out);
    const refused = entry(second, "fastmath", "fedora");
    expect(refused.status).toBe("refused");
    expect(refused.error).toBe(entry(first, "fastmath", "fedora").error);
    expect(refused.durations.plan).toBe(0);
    expect(entry(second, "fastmath", "debian-12").status).toBe("skipped-unchanged");
  });

  it("stops on abort without half-written output, and the next run resumes", async () => {
    const wheels = Array.from({ length: 8 }, (_, i) => ({ name: `w${i}`, version: "1.0" }));
    const h = house(wheels);
    const controller = new AbortController();
    const stopped = await batch(h.house, h.out, {
      jobs: 1,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "done" && event.entry.status === "converted") controller.abort();
      },
    });
    expect(stopped.interrupted).toBe(true);
    expect(stopped.totals.interrupted).toBeGreaterThan(0);
    expect(stopped.totals.converted).toBeGreaterThan(0);
    totalsAddUp(stopped);
    // Every package directory is complete (it has its stamp); no staging directory is left.
    for (const target of ["debian-12", "fedora"]) {
      const names = fs.existsSync(path.join(h.out, target))
        ? fs.readdirSync(path.join(h.out, target))
        : [];
      expect(names.filter((n) => n.startsWith("."))).toEqual([]);
      for (const name of names) {
        expect(fs.existsSync(path.join(h.out, target, name, ".wheel2pkg-stamp.json"))).toBe(true);
      }
    }
    const resumed = await batch(h.house, h.out);
    expect(resumed.interrupted).toBe(false);
    expect(resumed.totals["skipped-unchanged"]).toBe(stopped.totals.converted);
    expect(resumed.totals.converted).toBe(16 - stopped.totals.converted);
    totalsAddUp(resumed);
  });

  it("removes staging directories left by a process that died", async () => {
    const h = house([{ name: "alpha", version: "1.0" }]);
    const stale = path.join(h.out, "fedora", ".python-alpha.tmp-999999999-0123abcd");
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, "half.spec"), "half");
    await batch(h.house, h.out);
    expect(fs.existsSync(stale)).toBe(false);
    expect(tree(path.join(h.out, "fedora")).some((n) => n.includes(".tmp-"))).toBe(false);
  });

  it("refuses the second wheel of a project the set already has", async () => {
    const h = house([{ name: "alpha", version: "1.0" }]);
    writeWheel(h.house, { name: "alpha", version: "2.0" });
    const report = await batch(h.house, h.out, { profiles: [getProfile("fedora")] });
    expect(report.entries.map((e) => [e.version, e.status])).toEqual([
      ["1.0", "converted"],
      [null, "refused"],
    ]);
    expect(report.entries[1]?.error).toMatch(/already provides alpha/);
  });
});

describe.skipIf(skipWithout("rpmbuild"))("runBatch with builds", () => {
  it("builds in dependency order, ends a running build on abort, and resumes", async () => {
    const h = house([
      { name: "base", version: "1.0" },
      { name: "middle", version: "1.0", requires: ["base"] },
      { name: "top", version: "1.0", requires: ["middle", "base"] },
    ]);
    const fedora = [getProfile("fedora")];
    const controller = new AbortController();
    const stopped = await batch(h.house, h.out, {
      profiles: fedora,
      build: true,
      signal: controller.signal,
      onEvent: (event) => {
        // Abort while the first build's rpmbuild is running.
        if (event.type === "step" && event.step === "build") {
          setTimeout(() => {
            controller.abort();
          }, 150);
        }
      },
    });
    expect(stopped.entries.map((e) => [e.project, e.status, e.error])).toEqual([
      ["base", "interrupted", "stopped while building"],
      ["middle", "interrupted", null],
      ["top", "interrupted", null],
    ]);
    expect(stopped.interrupted).toBe(true);
    expect(stopped.entries.flatMap((e) => e.artifacts)).toEqual([]);

    const built: string[] = [];
    const resumed = await batch(h.house, h.out, {
      profiles: fedora,
      build: true,
      onEvent: (event) => {
        if (event.type === "done") built.push(event.entry.project ?? "");
      },
    });
    expect(resumed.totals.built).toBe(3);
    // A package's build finishes only after the builds of the set's packages it requires.
    expect(built).toEqual(["base", "middle", "top"]);
    for (const e of resumed.entries) {
      expect(e.artifacts.some((a) => a.endsWith(".noarch.rpm"))).toBe(true);
      expect(e.artifacts.some((a) => a.endsWith(".src.rpm"))).toBe(true);
      // The built .noarch.rpm is linted like `wheel2pkg lint FILE.rpm`.
      const rpm = e.artifacts.find((a) => a.endsWith(".noarch.rpm")) ?? "";
      const expected = summarise((await lintPath(rpm, { profile: getProfile("fedora") })).findings);
      expect(e.lint.built).toEqual(expected);
    }
    const again = await batch(h.house, h.out, { profiles: fedora, build: true });
    expect(again.totals["skipped-unchanged"]).toBe(3);
    expect(again.entries[0]?.artifacts).toEqual(resumed.entries[0]?.artifacts);
    expect(again.entries.map((e) => e.lint)).toEqual(resumed.entries.map((e) => e.lint));
  });
});

describe.skipIf(skipWithout("rpmbuild"))("runBatch --source-only", () => {
  it("makes source packages only; a full build is still done when asked for", async () => {
    const h = house([
      { name: "base", version: "1.0" },
      { name: "top", version: "1.0", requires: ["base"] },
    ]);
    const fedora = [getProfile("fedora")];
    const sources = await batch(h.house, h.out, { profiles: fedora, sourceOnly: true });
    expect(sources.totals.built).toBe(2);
    for (const e of sources.entries) {
      expect(e.artifacts).toHaveLength(1);
      expect(e.artifacts[0]).toMatch(/\.src\.rpm$/);
      expect(e.lint.built).toBeNull();
    }
    const lines = buildManifest(sources);
    expect(lines.map((l) => [l.position, l.project, l.requires])).toEqual([
      [1, "base", []],
      [2, "top", ["base"]],
    ]);
    expect(lines.every((l) => fs.existsSync(l.source))).toBe(true);

    expect(
      (await batch(h.house, h.out, { profiles: fedora, sourceOnly: true })).totals[
        "skipped-unchanged"
      ],
    ).toBe(2);
    const full = await batch(h.house, h.out, { profiles: fedora, build: true });
    expect(full.totals.built).toBe(2);
    expect(full.entries.every((e) => e.artifacts.some((a) => a.endsWith(".noarch.rpm")))).toBe(
      true,
    );
    // A full build also answers a later source-only run.
    expect(
      (await batch(h.house, h.out, { profiles: fedora, sourceOnly: true })).totals[
        "skipped-unchanged"
      ],
    ).toBe(2);
  });
});
