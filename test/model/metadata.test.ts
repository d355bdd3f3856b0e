import { describe, expect, it } from "vitest";
import { MetadataError } from "../../src/errors.js";
import { parseMetadata, requirementToString, specifiersToString } from "../../src/model/index.js";
import type { RawMetadata } from "../../src/wheel/index.js";

const SOURCE = "demo-1.0-py3-none-any.whl: demo-1.0.dist-info/METADATA";

/** RawMetadata from [field, value] pairs, keyed by lower-cased name as the reader does. */
function raw(fields: [string, string][], body = ""): RawMetadata {
  const map = new Map<string, string[]>();
  for (const [key, value] of fields) {
    const k = key.toLowerCase();
    map.set(k, [...(map.get(k) ?? []), value]);
  }
  return { fields: map, body };
}

const BASE: [string, string][] = [
  ["Metadata-Version", "2.4"],
  ["Name", "Demo_Pkg"],
  ["Version", "1.0"],
];

function problemsOf(fields: [string, string][]): { field: string; message: string }[] {
  try {
    parseMetadata(raw(fields), SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(MetadataError);
    const metadataError = error as MetadataError;
    expect(metadataError.location.file).toBe(SOURCE);
    return [...metadataError.problems];
  }
  throw new Error("expected a MetadataError");
}

describe("parseMetadata: reading", () => {
  it("reads every field into typed values", () => {
    const { metadata, diagnostics } = parseMetadata(
      raw(
        [
          ...BASE,
          ["Summary", "A demo"],
          ["Description-Content-Type", "text/markdown"],
          ["Keywords", "one, two,three"],
          ["Home-page", "https://example.org"],
          ["Download-URL", "https://example.org/dl"],
          ["Project-URL", "Source, https://example.org/src"],
          ["Project-URL", "Bug Tracker,https://example.org/issues"],
          ["Author", "A. Author"],
          ["Author-email", "a@example.org"],
          ["Maintainer", "M. Aintainer"],
          ["Maintainer-email", "m@example.org"],
          ["License", "MIT License text"],
          ["License-Expression", "MIT OR Apache-2.0"],
          ["License-File", "LICENSE"],
          ["License-File", "NOTICE"],
          ["Classifier", "Programming Language :: Python :: 3"],
          ["Classifier", "License :: OSI Approved :: MIT License"],
          ["Requires-Dist", "requests (>=2.0)"],
          ["Requires-Dist", "pytest; extra == 'Test_Suite'"],
          ["Requires-Python", ">=3.9"],
          ["Requires-External", "libfoo (>=1.0)"],
          ["Provides-Extra", "Test_Suite"],
          ["Provides-Dist", "demo_compat"],
          ["Obsoletes-Dist", "old-demo"],
          ["Dynamic", "Requires-Dist"],
          ["Platform", "Linux"],
          ["Supported-Platform", "RedHat 9"],
        ],
        "Long description\n\nbody\n",
      ),
      SOURCE,
    );
    expect(diagnostics).toEqual([]);
    expect(metadata).toMatchObject({
      metadataVersion: "2.4",
      name: "Demo_Pkg",
      normalizedName: "demo-pkg",
      version: "1.0",
      summary: "A demo",
      description: "Long description\n\nbody\n",
      descriptionContentType: "text/markdown",
      keywords: ["one", "two", "three"],
      homePage: "https://example.org",
      downloadUrl: "https://example.org/dl",
      projectUrls: [
        { label: "Source", url: "https://example.org/src" },
        { label: "Bug Tracker", url: "https://example.org/issues" },
      ],
      author: "A. Author",
      authorEmail: "a@example.org",
      maintainer: "M. Aintainer",
      maintainerEmail: "m@example.org",
      license: "MIT License text",
      licenseExpression: "MIT OR Apache-2.0",
      licenseFiles: ["LICENSE", "NOTICE"],
      classifiers: [
        "Programming Language :: Python :: 3",
        "License :: OSI Approved :: MIT License",
      ],
      requiresExternal: ["libfoo (>=1.0)"],
      providesExtra: ["test-suite"],
      providesDist: ["demo_compat"],
      obsoletesDist: ["old-demo"],
      dynamic: ["Requires-Dist"],
      platform: ["Linux"],
      supportedPlatform: ["RedHat 9"],
    });
    expect(metadata.requiresDist.map(requirementToString)).toEqual([
      "requests>=2.0",
      'pytest; extra == "test-suite"',
    ]);
    expect(specifiersToString(metadata.requiresPython ?? [])).toBe(">=3.9");
  });

  it("gives null and empty lists for absent fields", () => {
    const { metadata } = parseMetadata(raw(BASE), SOURCE);
    expect(metadata.summary).toBeNull();
    expect(metadata.description).toBeNull();
    expect(metadata.requiresPython).toBeNull();
    expect(metadata.requiresDist).toEqual([]);
    expect(metadata.keywords).toEqual([]);
  });

  it("prefers the body over the Description field", () => {
    const both = parseMetadata(raw([...BASE, ["Description", "field"]], "body"), SOURCE);
    expect(both.metadata.description).toBe("body");
    const field = parseMetadata(raw([...BASE, ["Description", "Title\n=====\n\ntext"]]), SOURCE);
    expect(field.metadata.description).toBe("Title\n=====\n\ntext");
  });

  it.each([
    ["one two  three", ["one", "two", "three"]],
    ["one, two words", ["one", "two words"]],
  ])("splits Keywords %j", (value, expected) => {
    expect(parseMetadata(raw([...BASE, ["Keywords", value]]), SOURCE).metadata.keywords).toEqual(
      expected,
    );
  });
});

describe("parseMetadata: diagnostics", () => {
  it.each([
    [[["Metadata-Version", "2.5"]], "metadata-version-newer", "warning"],
    [[["Summary", "two\nlines"]], "metadata-summary-multiline", "warning"],
    [[["Project-URL", "https://example.org"]], "metadata-project-url-malformed", "warning"],
    [
      [
        ["Home-page", "a"],
        ["Home-page", "b"],
      ],
      "metadata-field-repeated",
      "warning",
    ],
    [[["X-Custom", "1"]], "metadata-unknown-field", "info"],
  ] as [[string, string][], string, string][])("%j → %s", (extra, code, severity) => {
    const fields = BASE.filter(([k]) => !extra.some(([e]) => e === k));
    const { diagnostics } = parseMetadata(raw([...fields, ...extra]), SOURCE);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, severity]]);
  });

  it("joins a multi-line Summary, and refuses it in strict mode", () => {
    const fields: [string, string][] = [...BASE, ["Summary", "two\n  lines"]];
    expect(parseMetadata(raw(fields), SOURCE).metadata.summary).toBe("two lines");
    expect(() => parseMetadata(raw(fields), SOURCE, { strict: true })).toThrow(MetadataError);
  });

  it("notes fields newer than the declared Metadata-Version", () => {
    const fields: [string, string][] = [
      ["Metadata-Version", "2.1"],
      ["Name", "demo"],
      ["Version", "1.0"],
      ["License-Expression", "MIT"],
    ];
    const { diagnostics } = parseMetadata(raw(fields), SOURCE);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "metadata-field-too-new", field: "License-Expression" }),
    ]);
  });

  // Finding: `Provides-Extra: %(touch marker)` reached `%package -n python3-demo+%(touch …)`.
  it.each(["2.1", "2.4"])(
    "drops invalid extra names with a warning naming them (Metadata-Version %s)",
    (version) => {
      const fields: [string, string][] = [
        ["Metadata-Version", version],
        ["Name", "demo"],
        ["Version", "1.0"],
        ["Provides-Extra", "bad extra"],
        ["Provides-Extra", "%(touch marker)"],
        ["Provides-Extra", "a b;c"],
        ["Provides-Extra", "Good_One"],
      ];
      const { metadata, diagnostics } = parseMetadata(raw(fields), SOURCE);
      expect(metadata.providesExtra).toEqual(["good-one"]);
      expect(diagnostics.map((d) => d.code)).toEqual([
        "metadata-extra-invalid",
        "metadata-extra-invalid",
        "metadata-extra-invalid",
      ]);
      expect(diagnostics.map((d) => d.message).join("\n")).toContain('"%(touch marker)"');
    },
  );

  it("removes control characters from every field and the body, with a note", () => {
    const fields: [string, string][] = [
      ["Metadata-Version", "2.1"],
      ["Name", "demo"],
      ["Version", "1.0"],
      ["Summary", "A \u001b[31mred\u0007 tool\u009b"],
      ["Author", "Bell\u0000 Ringer"],
    ];
    const input = raw(fields);
    const { metadata, diagnostics } = parseMetadata(
      { fields: input.fields, body: "Body\u001b]0;title\u0007 text\r\nline\ttab" },
      SOURCE,
    );
    expect(metadata.summary).toBe("A [31mred tool");
    expect(metadata.author).toBe("Bell Ringer");
    expect(metadata.description).toBe("Body]0;title text\r\nline\ttab");
    const note = diagnostics.find((d) => d.code === "metadata-control-characters");
    expect(note?.message).toBe("control characters removed from author, description, summary");
  });
});

describe("parseMetadata: validation collects every problem", () => {
  it("reports all problems of a file together, each with its field", () => {
    const problems = problemsOf([
      ["Metadata-Version", "3.0"],
      ["Version", "not a version"],
      ["Requires-Dist", "good>=1"],
      ["Requires-Dist", "bad >="],
      ["Requires-Dist", "worse[x"],
      ["Requires-Python", ">=3.8.*"],
      ["Dynamic", "Version"],
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      "Metadata-Version",
      "Name",
      "Version",
      "Dynamic",
      "Requires-Dist",
      "Requires-Dist",
      "Requires-Python",
    ]);
    expect(problems[0]?.message).toMatch(/unsupported version 3\.0/);
    expect(problems[1]?.message).toMatch(/missing/);
    expect(problems[4]?.message).toContain('"bad >="');
    expect(problems[5]?.message).toContain('"worse[x"');
  });

  it.each([
    [
      [
        ["Name", "demo"],
        ["Version", "1.0"],
      ],
      "Metadata-Version",
      /missing/,
    ],
    [
      [
        ["Metadata-Version", "2.1"],
        ["Version", "1.0"],
      ],
      "Name",
      /missing/,
    ],
    [
      [
        ["Metadata-Version", "2.1"],
        ["Name", "demo"],
      ],
      "Version",
      /missing/,
    ],
    [
      [
        ["Metadata-Version", "two"],
        ["Name", "demo"],
        ["Version", "1.0"],
      ],
      "Metadata-Version",
      /invalid value/,
    ],
    [
      [
        ["Metadata-Version", "2.1"],
        ["Name", "-demo-"],
        ["Version", "1.0"],
      ],
      "Name",
      /invalid distribution name/,
    ],
    [
      [
        ["Metadata-Version", "2.1"],
        ["Name", "demo"],
        ["Version", "1.0.x"],
      ],
      "Version",
      /not PEP 440/,
    ],
    [[...BASE, ["Name", "other"]], "Name", /different values/],
  ] as [[string, string][], string, RegExp][])("%j → %s", (fields, field, message) => {
    const problems = problemsOf(fields);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  });

  it.each(["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4"])(
    "accepts Metadata-Version %s",
    (version) => {
      const fields: [string, string][] = [
        ["Metadata-Version", version],
        ["Name", "demo"],
        ["Version", "1"],
      ];
      expect(parseMetadata(raw(fields), SOURCE).metadata.metadataVersion).toBe(version);
    },
  );
});
