import { describe, expect, it } from "vitest";
import { diagnostic } from "../../../src/diagnostics.js";
import type { MappedRequirement, MappedRequirements } from "../../../src/mapping/map.js";
import { extraSubpackages } from "../../../src/families/rpm/extras.js";

function mapped(requirement: string, dependencies: string[], error = false): MappedRequirement {
  return {
    requirement,
    project: requirement.split(/[^\w.-]/)[0] ?? "",
    extra: null,
    dependencies,
    breaks: [],
    diagnostics: error ? [diagnostic("rpm-invalid-specifier", "error", `${requirement}: bad`)] : [],
  };
}

function requirements(extras: Record<string, MappedRequirement[]>): MappedRequirements {
  return { main: [], extras: new Map(Object.entries(extras)), diagnostics: [] };
}

describe("extraSubpackages", () => {
  it("makes one metapackage per declared extra with its relations, sorted and each once", () => {
    const { subpackages, diagnostics } = extraSubpackages(
      "python3-foo",
      ["Test_Suite", "cli"],
      requirements({
        Test_Suite: [
          mapped("pytest>=7", ["python3dist(pytest) >= 7"]),
          mapped("hypothesis", ["python3dist(hypothesis)"]),
          mapped("pytest>=7.0", ["python3dist(pytest) >= 7"]),
        ],
        cli: [mapped("rich", ["python3dist(rich)"])],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(subpackages.map((s) => [s.name, s.requires])).toEqual([
      ["python3-foo+cli", ["python3dist(rich)"]],
      ["python3-foo+test-suite", ["python3dist(hypothesis)", "python3dist(pytest) >= 7"]],
    ]);
    expect(subpackages[0]?.summary).toMatch(/^[A-Z]/);
    for (const line of subpackages[0]?.descriptionLines ?? [])
      expect(line.length).toBeLessThanOrEqual(79);
  });

  it("leaves out the relations the target's generator writes itself", () => {
    const { subpackages } = extraSubpackages(
      "python3-foo",
      ["cli"],
      requirements({
        cli: [mapped("rich", ["python3dist(rich)"]), mapped("yaml", ["python3dist(pyyaml)"])],
      }),
      (requirement) => requirement.requirement === "rich",
    );
    expect(subpackages.map((s) => [s.name, s.requires])).toEqual([
      ["python3-foo+cli", ["python3dist(pyyaml)"]],
    ]);
  });

  it("keeps an extra whose requirements are all marker-false or absent, as an empty metapackage", () => {
    const { subpackages } = extraSubpackages(
      "python3-foo",
      ["win", "docs"],
      requirements({ win: [mapped('pywin32; sys_platform == "win32"', [])] }),
    );
    expect(subpackages.map((s) => [s.name, s.requires])).toEqual([
      ["python3-foo+docs", []],
      ["python3-foo+win", []],
    ]);
  });

  it("makes no metapackage for an extra with a requirement that did not map, and says so", () => {
    const { subpackages, diagnostics } = extraSubpackages(
      "python3-foo",
      ["cli", "odd"],
      requirements({
        cli: [mapped("rich", ["python3dist(rich)"])],
        odd: [
          mapped("rich", ["python3dist(rich)"]),
          mapped("bar>=1.0.*", ["python3dist(bar)"], true),
        ],
      }),
    );
    expect(subpackages.map((s) => s.name)).toEqual(["python3-foo+cli"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "extra-not-packaged", severity: "warning" });
    expect(diagnostics[0]?.message).toMatch(/python3-foo\+odd.*bar>=1\.0\.\*/);
  });

  it("makes no metapackage for an extra the target cannot satisfy (its placement says so)", () => {
    const withheld: MappedRequirements = {
      ...requirements({
        cli: [mapped("rich", ["python3dist(rich)"])],
        gui: [mapped("qt-nowhere", ["python3dist(qt-nowhere)"])],
      }),
      placement: {
        folded: new Map(),
        devOnly: [],
        optional: ["cli"],
        unavailable: new Map([
          ["gui", [{ requirement: "qt-nowhere", missing: "archive: no such package" }]],
        ]),
      },
    };
    const { subpackages, diagnostics } = extraSubpackages("python3-foo", ["cli", "gui"], withheld);
    expect(subpackages.map((s) => s.name)).toEqual(["python3-foo+cli"]);
    // The placement's own warning names it; the metapackages add none.
    expect(diagnostics).toEqual([]);
  });
});
