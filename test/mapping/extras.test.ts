import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.js";
import { mapTargets, type MappedTarget } from "../../src/convert/index.js";
import { families } from "../../src/families/index.js";
import {
  defaultDevExtras,
  isDevExtra,
  mapPackage,
  type MappedRequirement,
  type MappedRequirements,
  noNameRules,
  offeredExtras,
  placeExtras,
  withholdExtras,
} from "../../src/mapping/index.js";
import { parseRequirement, type WheelPackage } from "../../src/model/index.js";
import { getProfile } from "../../src/profiles/index.js";
import type { EntryPoint } from "../../src/wheel/index.js";

/** The parts of a package that extras placement and mapping read. */
function wheel(
  name: string,
  requires: string[],
  extras: string[],
  scripts: Partial<EntryPoint>[] = [],
  commandImports: { command: string; required: string[] }[] = [],
): WheelPackage {
  const entries = scripts.map((s) => ({
    group: "console_scripts",
    name: "cmd",
    value: "m:f",
    module: "m",
    attr: "f",
    extras: [],
    ...s,
  }));
  return {
    normalizedName: name,
    metadata: { requiresDist: requires.map(parseRequirement), providesExtra: extras },
    tags: { machine: null },
    consoleScripts: entries.filter((e) => e.group === "console_scripts"),
    guiScripts: entries.filter((e) => e.group === "gui_scripts"),
    commandImports: commandImports.map((c) => ({ ...c, modules: [] })),
  } as unknown as WheelPackage;
}

const debian = getProfile("debian-12");
const fedora = getProfile("fedora");
const codes = (mapped: MappedRequirements) => mapped.diagnostics.map((d) => d.code);
const depends = (mapped: MappedRequirements) => mapped.main.flatMap((r) => r.dependencies);
const byExtra = (mapped: MappedRequirements) =>
  Object.fromEntries(
    [...mapped.extras].map(([e, list]) => [e, list.flatMap((r) => r.dependencies)]),
  );

describe("isDevExtra", () => {
  it.each([
    ["tests", true],
    ["test", true],
    ["Testing", true],
    ["tests-no-zope", true],
    ["test_extras", true],
    ["docs", true],
    ["doc", true],
    ["documentation", true],
    ["dev", true],
    ["dev-deps", true],
    ["develop", true],
    ["lint", true],
    ["typing", true],
    ["types", true],
    ["mypy", true],
    ["cov", true],
    ["coverage", true],
    ["cli", false],
    ["socks", false],
    ["testdata", false],
    ["benchmark-tests", false],
    ["developer-tools", false],
    ["all", false],
  ])("%s → %s", (extra, expected) => {
    expect(isDevExtra(extra, defaultDevExtras)).toBe(expected);
  });

  it("takes the configured words instead", () => {
    expect(isDevExtra("docs", ["tests"])).toBe(false);
    expect(isDevExtra("bench", ["bench"])).toBe(true);
    expect(isDevExtra("tests", [])).toBe(false);
  });
});

const httpxRequires = [
  "httpcore==1.*",
  "brotli; extra == 'brotli'",
  "click==8.*; extra == 'cli'",
  "pygments==2.*; extra == 'cli'",
  "rich<14,>=10; extra == 'cli'",
  "pyyaml; extra == 'yaml'",
  "h2<5,>=3; extra == 'http2'",
  "httpcore[http2]; extra == 'http2'",
];
const httpxExtras = ["brotli", "cli", "http2", "yaml"];

describe("placeExtras", () => {
  it.each([
    [
      "an extra whose requirements a command imports is folded",
      wheel(
        "httpx",
        httpxRequires,
        httpxExtras,
        [{ name: "httpx" }],
        [{ command: "httpx", required: ["click", "httpcore", "json", "pygments", "rich"] }],
      ),
      {},
      { folded: ["cli"], devOnly: [], optional: ["brotli", "http2", "yaml"] },
    ],
    [
      "a requirement is imported by its import name",
      wheel(
        "tool",
        httpxRequires,
        httpxExtras,
        [{ name: "tool" }],
        [{ command: "tool", required: ["yaml"] }],
      ),
      {},
      { folded: ["yaml"], devOnly: [], optional: ["brotli", "cli", "http2"] },
    ],
    [
      "an import of what the main package requires folds no extra",
      wheel(
        "tool",
        httpxRequires,
        httpxExtras,
        [{ name: "tool" }],
        [{ command: "tool", required: ["httpcore"] }],
      ),
      {},
      { folded: [], devOnly: [], optional: ["brotli", "cli", "http2", "yaml"] },
    ],
    [
      "folding by imports can be turned off",
      wheel(
        "httpx",
        httpxRequires,
        httpxExtras,
        [{ name: "httpx" }],
        [{ command: "httpx", required: ["click"] }],
      ),
      { importedExtras: false },
      { folded: [], devOnly: [], optional: ["brotli", "cli", "http2", "yaml"] },
    ],
    [
      "an entry point's extra is folded",
      wheel("httpx", [], ["brotli", "cli", "http2"], [{ name: "httpx", extras: ["cli"] }]),
      {},
      { folded: ["cli"], devOnly: [], optional: ["brotli", "http2"] },
    ],
    [
      "a gui_scripts entry point's extra too",
      wheel("app", [], ["gui"], [{ group: "gui_scripts", name: "app-gui", extras: ["GUI"] }]),
      {},
      { folded: ["gui"], devOnly: [], optional: [] },
    ],
    [
      "development extras are left out",
      wheel("attrs", [], ["benchmark", "cov", "dev", "docs", "tests", "tests-mypy"], []),
      {},
      {
        folded: [],
        devOnly: ["cov", "dev", "docs", "tests", "tests-mypy"],
        optional: ["benchmark"],
      },
    ],
    [
      "asking for a development extra packages it",
      wheel("attrs", [], ["docs", "tests"], []),
      { withExtras: ["tests"] },
      { folded: ["tests"], devOnly: ["docs"], optional: [] },
    ],
    [
      "an entry point that needs a development extra folds it",
      wheel("tool", [], ["lint"], [{ name: "tool-lint", extras: ["lint"] }]),
      {},
      { folded: ["lint"], devOnly: [], optional: [] },
    ],
    [
      "dev-extras = [] packages every extra",
      wheel("attrs", [], ["docs", "tests"], []),
      { devExtras: [] },
      { folded: [], devOnly: [], optional: ["docs", "tests"] },
    ],
  ])("%s", (_, pkg, choice, expected) => {
    const { placement } = placeExtras(pkg, choice);
    expect({
      folded: [...placement.folded.keys()],
      devOnly: placement.devOnly,
      optional: placement.optional,
    }).toEqual(expected);
  });

  it("says which command needs a folded extra, and warns of an undeclared one", () => {
    const pkg = wheel(
      "httpx",
      [],
      ["cli"],
      [
        { name: "httpx", extras: ["cli"] },
        { name: "other", extras: ["gui"] },
      ],
    );
    const { diagnostics } = placeExtras(pkg, {});
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["entry-point-extra-undeclared", "warning"],
      ["extras-folded", "info"],
    ]);
    expect(diagnostics[1]?.message).toContain("[cli] (the command httpx needs it)");
  });
});

// attrs 24: its extras require attrs itself, and most are for development.
const attrs = wheel(
  "attrs",
  [
    'cloudpickle; platform_python_implementation == "CPython" and extra == "benchmark"',
    'attrs[tests]; extra == "cov"',
    'coverage[toml]>=5.3; extra == "cov"',
    'attrs[tests]; extra == "dev"',
    'pre-commit; extra == "dev"',
    'furo; extra == "docs"',
    'towncrier; extra == "docs"',
    'attrs[tests-mypy]; extra == "tests"',
    'hypothesis; extra == "tests"',
    'mypy>=1.11.1; extra == "tests-mypy"',
    'attrs[tests]; extra == "benchmark"',
  ],
  ["benchmark", "cov", "dev", "docs", "tests", "tests-mypy"],
);

// httpx: /usr/bin/httpx needs the [cli] extra.
const httpx = wheel(
  "httpx",
  [
    "anyio",
    "certifi",
    'brotli; platform_python_implementation == "CPython" and extra == "brotli"',
    'click==8.*; extra == "cli"',
    'pygments==2.*; extra == "cli"',
    'rich<14,>=10; extra == "cli"',
    'h2<5,>=3; extra == "http2"',
  ],
  ["brotli", "cli", "http2"],
  [{ name: "httpx", value: "httpx:main", module: "httpx", attr: "main", extras: ["cli"] }],
);

describe("mapPackage places extras", () => {
  it("never makes the package depend on or suggest itself, and expands what it names", () => {
    const mapped = mapPackage(attrs, debian, noNameRules(families.deb.mapping));
    // [benchmark] is kept; its attrs[tests] brings tests' and tests-mypy's requirements along.
    expect(byExtra(mapped)).toEqual({
      benchmark: ["python3-cloudpickle", "python3-hypothesis", "python3-mypy (>= 1.11.1)"],
    });
    const all = [...depends(mapped), ...Object.values(byExtra(mapped)).flat()];
    expect(all.filter((r) => r.startsWith("python3-attr"))).toEqual([]);
    const self = mapped.main.filter((r) => r.project === "attrs");
    expect(self.map((r) => r.diagnostics.map((d) => d.code))).toEqual(
      Array.from({ length: 4 }, () => ["self-requirement"]),
    );
    expect(codes(mapped)).toContain("extras-dev-only");
  });

  it("leaves development extras out of Fedora's metapackages too", () => {
    const mapped = mapPackage(attrs, fedora, noNameRules(families.rpm.mapping));
    expect([...mapped.extras.keys()]).toEqual(["benchmark"]);
    expect(mapped.placement?.devOnly).toEqual(["cov", "dev", "docs", "tests", "tests-mypy"]);
  });

  it("folds the extras of the package's own commands into the main package", () => {
    const mapped = mapPackage(httpx, debian, noNameRules(families.deb.mapping));
    const names = (relations: string[]) => [...new Set(relations.map((r) => r.split(" ")[0]))];
    expect(names(depends(mapped))).toEqual([
      "python3-anyio",
      "python3-certifi",
      "python3-click",
      "python3-pygments",
      "python3-rich",
    ]);
    expect(Object.keys(byExtra(mapped))).toEqual(["brotli", "http2"]);
    expect(codes(mapped)).toContain("extras-folded");
  });

  it("folds a self-requirement of the main package: its extras join Depends", () => {
    const pkg = wheel("app", ["app[cli]", 'rich; extra == "cli"'], ["cli"]);
    const mapped = mapPackage(pkg, debian, noNameRules(families.deb.mapping));
    expect(depends(mapped)).toEqual(["python3-rich"]);
    expect(mapped.extras.size).toBe(0);
  });
});

describe("mapTargets and [packages.<name>] command-extras", () => {
  // httpx, whose command imports click, pygments and rich: the requirements of its `cli` extra.
  const pkg = {
    ...wheel(
      "httpx",
      httpxRequires,
      httpxExtras,
      [{ name: "httpx" }],
      [{ command: "httpx", required: ["click", "httpcore", "pygments", "rich"] }],
    ),
    metadata: {
      name: "httpx",
      normalizedName: "httpx",
      requiresDist: httpxRequires.map(parseRequirement),
      providesExtra: httpxExtras,
    },
  } as unknown as WheelPackage;
  const names = (relations: string[]) => relations.map((r) => r.split(" ")[0]);
  const folded = (mapped: MappedRequirements) => [...(mapped.placement?.folded ?? [])];
  const mapOn = (toml: string) => {
    const config = parseConfig(toml, "/p/wheel2pkg.toml", "wheel2pkg.toml");
    const [target] = mapTargets(pkg, [debian], config) as MappedTarget[];
    if (target === undefined || "error" in target) throw new Error("not mapped");
    return target.mapped;
  };

  it("folds the extra the command imports by default", () => {
    const mapped = mapOn("");
    expect(names(depends(mapped))).toContain("python3-click");
    expect(folded(mapped)).toEqual([["cli", "the command httpx imports click, pygments, rich"]]);
    expect(mapped.extras.has("cli")).toBe(false);
  });

  it("keeps it optional with command-extras = false, the key spelled any PEP 503 way", () => {
    const mapped = mapOn("[packages.HTTPX]\ncommand-extras = false\n");
    expect(names(depends(mapped))).not.toContain("python3-click");
    expect(folded(mapped)).toEqual([]);
    expect(names(byExtra(mapped).cli ?? [])).toContain("python3-click");
  });

  it("still folds what with-extras asks for", () => {
    const mapped = mapOn(
      '[mapping]\nwith-extras = ["cli"]\n[packages.httpx]\ncommand-extras = false\n',
    );
    expect(folded(mapped)).toEqual([["cli", "asked for"]]);
  });
});

describe("withholdExtras", () => {
  const app = wheel(
    "app",
    ['rich; extra == "cli"', 'gone>=2; extra == "gui"', 'pytest; extra == "tests"'],
    ["cli", "gui", "tests"],
  );
  const mapped = mapPackage(app, fedora, noNameRules(families.rpm.mapping));
  const unmet = (m: MappedRequirement) => (m.project === "rich" ? null : `${m.project} is missing`);

  it("takes off the optional extras with an unmet requirement, each with a warning", () => {
    const withheld = withholdExtras(mapped, fedora, unmet);
    expect(withheld.placement?.optional).toEqual(["cli"]);
    expect([...(withheld.placement?.unavailable ?? [])]).toEqual([
      ["gui", [{ requirement: 'gone>=2; extra == "gui"', missing: "gone is missing" }]],
    ]);
    // Development-only extras are not packaged anyway: nothing is said of them.
    expect(withheld.diagnostics.filter((d) => d.code === "extra-unavailable")).toMatchObject([
      { severity: "warning", field: "Provides-Extra" },
    ]);
    expect(offeredExtras(withheld).map(([extra]) => extra)).toEqual(["cli"]);
    // The requirements stay with the mapping, for the reports that list what extras need.
    expect([...withheld.extras.keys()].sort()).toEqual(["cli", "gui"]);
  });

  it("leaves a mapping whose extras are all met as it is", () => {
    expect(withholdExtras(mapped, fedora, () => null)).toBe(mapped);
    expect(offeredExtras(mapped).map(([extra]) => extra)).toEqual(["cli", "gui"]);
  });
});
