import { describe, expect, it } from "vitest";
import { MetadataError, UnsupportedWheelError } from "../../src/errors.js";
import { buildPackage } from "../../src/model/index.js";
import type { EntryPoint, WheelContents } from "../../src/wheel/index.js";

function entryPoint(group: string, name: string, value: string): EntryPoint {
  const [module = "", attr = null] = value.split(":");
  return { group, name, value, module, attr, extras: [] };
}

/** A read wheel as the wheel/ stage would hand it over. */
function contents(overrides: {
  filename?: string;
  distInfoDir?: string;
  fields?: [string, string][];
  wheelTags?: string[];
  wheelMajor?: number;
}): WheelContents {
  const filename = overrides.filename ?? "Demo_Pkg-1.0rc1-py3-none-any.whl";
  const [distribution = "", version = "", py = "", abi = "", plat = ""] = filename
    .replace(/\.whl$/, "")
    .split("-");
  const fields = new Map<string, string[]>();
  for (const [k, v] of overrides.fields ?? [
    ["Metadata-Version", "2.1"],
    ["Name", "demo.pkg"],
    ["Version", "1.0-RC.1"],
    ["Requires-Dist", "six>=1.0"],
  ]) {
    fields.set(k.toLowerCase(), [...(fields.get(k.toLowerCase()) ?? []), v]);
  }
  const distInfoDir = overrides.distInfoDir ?? "demo_pkg-1.0rc1.dist-info";
  return {
    path: `/tmp/${filename}`,
    filename: {
      filename,
      distribution,
      version,
      buildTag: null,
      pythonTags: py.split("."),
      abiTags: abi.split("."),
      platformTags: plat.split("."),
    },
    distInfoDir,
    dataDir: distInfoDir.replace(/\.dist-info$/, ".data"),
    wheel: {
      wheelVersion: { major: overrides.wheelMajor ?? 1, minor: 0 },
      generator: "test",
      rootIsPurelib: true,
      tags: overrides.wheelTags ?? ["py3-none-any"],
      build: null,
    },
    metadata: { fields, body: "" },
    record: [{ path: "demo/__init__.py", hash: { algorithm: "sha256", digest: "x" }, size: 0 }],
    entryPoints: [
      entryPoint("console_scripts", "demo", "demo.cli:main"),
      entryPoint("gui_scripts", "demo-gui", "demo.gui:main"),
      entryPoint("demo.plugins", "extra", "demo.plugins"),
    ],
    members: [
      {
        path: "demo/__init__.py",
        scheme: "purelib",
        installPath: "demo/__init__.py",
        size: 0,
        executable: false,
        distInfo: false,
      },
    ],
    licenseFiles: [`${distInfoDir}/licenses/LICENSE`],
    licenseBodies: new Map(),
    verified: true,
    size: 1234,
    sha256: "ab".repeat(32),
    metadataTime: new Date("2024-01-02T03:04:05Z"),
    diagnostics: [],
  };
}

describe("buildPackage: entry points", () => {
  // Finding: entry-point extras with arbitrary characters passed conversion.
  it("drops invalid entry-point extras with a warning", () => {
    const wheel = contents({});
    const cli = {
      ...entryPoint("console_scripts", "demo", "demo.cli:main"),
      extras: ["cli", "a b;c", "$(x)"],
    };
    const { pkg, diagnostics } = buildPackage({ ...wheel, entryPoints: [cli] });
    expect(pkg.consoleScripts[0]?.extras).toEqual(["cli"]);
    const warning = diagnostics.find((d) => d.code === "entry-point-extra-invalid");
    expect(warning?.message).toContain('"a b;c", "$(x)"');
  });

  it.each(["../../etc/cron.d/x", "sub/dir", "back\\slash", "..", ".", "bell\u0007"])(
    "refuses the script name %j, which is no file name",
    (name) => {
      const wheel = contents({});
      const script = entryPoint("console_scripts", name, "demo.cli:main");
      expect(() => buildPackage({ ...wheel, entryPoints: [script] })).toThrow(/is not a file name/);
    },
  );

  it("keeps odd but single-file script names, and names of other groups", () => {
    const wheel = contents({});
    const entries = [
      entryPoint("console_scripts", "my tool's", "demo.cli:main"),
      entryPoint("demo.plugins", "a/b", "demo.plugins"),
    ];
    expect(buildPackage({ ...wheel, entryPoints: entries }).pkg.entryPoints).toHaveLength(2);
  });
});

describe("buildPackage", () => {
  it("builds the validated model", () => {
    const { pkg, diagnostics } = buildPackage(contents({}));
    expect(diagnostics).toEqual([]);
    expect(pkg.name).toBe("demo.pkg");
    expect(pkg.normalizedName).toBe("demo-pkg");
    expect(pkg.version).toBe("1.0rc1");
    expect(pkg.metadata.version).toBe("1.0-RC.1");
    expect(pkg.parsedVersion.pre).toEqual({ label: "rc", number: 1 });
    expect(pkg.tags.pure).toBe(true);
    expect(pkg.metadata.requiresDist[0]?.normalizedName).toBe("six");
    expect(pkg.consoleScripts.map((e) => e.name)).toEqual(["demo"]);
    expect(pkg.guiScripts.map((e) => e.name)).toEqual(["demo-gui"]);
    expect(pkg.entryPoints).toHaveLength(3);
    expect(pkg.licenseFiles).toEqual(["demo_pkg-1.0rc1.dist-info/licenses/LICENSE"]);
    expect(pkg.members).toHaveLength(1);
    expect(pkg.metadataTime.toISOString()).toBe("2024-01-02T03:04:05.000Z");
  });

  it("keeps the reader's diagnostics ahead of its own", () => {
    const input = contents({ wheelTags: ["py2-none-any"] });
    input.diagnostics.push({ code: "wheel-version-newer", severity: "warning", message: "1.9" });
    const { diagnostics } = buildPackage(input);
    expect(diagnostics.map((d) => d.code)).toEqual(["wheel-version-newer", "wheel-tags-mismatch"]);
  });

  it("is immutable and leaves its input alone", () => {
    const input = contents({});
    const { pkg } = buildPackage(input);
    expect(Object.isFrozen(pkg)).toBe(true);
    expect(Object.isFrozen(pkg.metadata.requiresDist)).toBe(true);
    expect(Object.isFrozen(pkg.members[0])).toBe(true);
    expect(Object.isFrozen(input.members)).toBe(false);
  });

  it("accepts equal versions written differently", () => {
    const { pkg } = buildPackage(
      contents({
        filename: "demo-1.0.0-py3-none-any.whl",
        distInfoDir: "demo-1.0.dist-info",
        fields: [
          ["Metadata-Version", "2.1"],
          ["Name", "demo"],
          ["Version", "1.0"],
        ],
      }),
    );
    expect(pkg.version).toBe("1.0");
  });

  it.each([
    [
      "a name that differs from the file name and dist-info",
      {
        fields: [
          ["Metadata-Version", "2.1"],
          ["Name", "other"],
          ["Version", "1.0rc1"],
        ],
      },
      ["Name", "Name"],
    ],
    [
      "a version that differs from the file name and dist-info",
      {
        fields: [
          ["Metadata-Version", "2.1"],
          ["Name", "demo-pkg"],
          ["Version", "1.0"],
        ],
      },
      ["Version", "Version"],
    ],
    [
      "a dist-info directory for another version",
      { distInfoDir: "demo_pkg-2.0.dist-info" },
      ["Version"],
    ],
    ["a dist-info directory for another name", { distInfoDir: "other-1.0rc1.dist-info" }, ["Name"]],
  ] as [string, Parameters<typeof contents>[0], string[]][])(
    "refuses %s",
    (_what, overrides, fields) => {
      let error: unknown;
      try {
        buildPackage(contents(overrides));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MetadataError);
      expect((error as MetadataError).problems.map((p) => p.field)).toEqual(fields);
    },
  );

  it("passes METADATA problems on", () => {
    const input = contents({
      fields: [
        ["Metadata-Version", "2.1"],
        ["Name", "demo-pkg"],
      ],
    });
    expect(() => buildPackage(input)).toThrow(MetadataError);
  });

  it("refuses a Wheel-Version it cannot read", () => {
    expect(() => buildPackage(contents({ wheelMajor: 2 }))).toThrow(UnsupportedWheelError);
  });

  it("warns when WHEEL's tags disagree with the file name", () => {
    const { diagnostics } = buildPackage(contents({ wheelTags: ["py2-none-any", "py3-none-any"] }));
    expect(diagnostics.map((d) => d.code)).toEqual(["wheel-tags-mismatch"]);
  });
});
