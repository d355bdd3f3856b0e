import { describe, expect, it } from "vitest";
import {
  type BatchEntry,
  type BatchReport,
  buildManifest,
  buildManifestText,
} from "../../src/batch/index.js";
import { batchTotals } from "../../src/batch/report.js";

function entry(
  project: string,
  target: string,
  artifacts: string[],
  requires: string[] = [],
): BatchEntry {
  return {
    wheel: `/w/${project}-1.0-py3-none-any.whl`,
    project,
    version: "1.0",
    target,
    status: artifacts.length > 0 ? "built" : "failed",
    directory: null,
    artifacts,
    diagnostics: [],
    requires,
    unresolved: [],
    extras: [],
    pulledBy: null,
    install: null,
    error: null,
    log: null,
    lint: { packaging: null, built: null },
    durations: { read: 0, plan: 0, write: 0, build: 0 },
  };
}

describe("buildManifest", () => {
  it("lists each target's source packages in the set's build order, leaving out failures", () => {
    const entries = [
      entry(
        "app",
        "fedora",
        ["/o/python-app-1.0-1.src.rpm", "/o/python3-app-1.0-1.noarch.rpm"],
        ["lib"],
      ),
      entry("lib", "fedora", ["/o/python-lib-1.0-1.src.rpm"]),
      entry("app", "debian-12", ["/o/python-app_1.0-1.dsc"], ["lib"]),
      entry("lib", "debian-12", []),
    ];
    const report: BatchReport = {
      wheel2pkgVersion: "0",
      targets: ["debian-12", "fedora"],
      outDir: "/o",
      interrupted: false,
      closure: null,
      repositories: null,
      order: ["lib", "app"],
      cycles: [],
      entries,
      unresolved: [],
      unaskedExtras: null,
      totals: batchTotals(entries, 0),
    };
    expect(buildManifest(report)).toEqual([
      {
        position: 2,
        target: "debian-12",
        project: "app",
        version: "1.0",
        source: "/o/python-app_1.0-1.dsc",
        requires: ["lib"],
      },
      {
        position: 1,
        target: "fedora",
        project: "lib",
        version: "1.0",
        source: "/o/python-lib-1.0-1.src.rpm",
        requires: [],
      },
      {
        position: 2,
        target: "fedora",
        project: "app",
        version: "1.0",
        source: "/o/python-app-1.0-1.src.rpm",
        requires: ["lib"],
      },
    ]);
    const text = buildManifestText(report);
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as { project: string }).project),
    ).toEqual(["app", "lib", "app"]);
  });
});
