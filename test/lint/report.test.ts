import { describe, expect, it } from "vitest";
import { formatText, hasFailingFindings, sarifLog } from "../../src/lint/report.js";
import type { Finding, LintReport } from "../../src/lint/index.js";
import { sarifProblems } from "./sarif-shape.js";

const findings: Finding[] = [
  {
    tool: "wheel2pkg",
    ruleId: "summary-too-long",
    severity: "warning",
    message: "long",
    file: "a b.spec",
    line: 4,
  },
  {
    tool: "wheel2pkg",
    ruleId: "license-not-spdx",
    severity: "error",
    message: "bad",
    file: "a b.spec",
    line: 5,
  },
  {
    tool: "rpmlint",
    ruleId: "no-documentation",
    severity: "warning",
    message: "python3-x.noarch",
    file: "x.rpm",
  },
  {
    tool: "wheel2pkg",
    ruleId: "synopsis-ends-with-dot",
    severity: "info",
    message: "dot",
    file: "debian/control",
    line: 9,
  },
];
const report: LintReport = { path: "a b.spec", kind: "spec", target: "fedora", findings };

describe("SARIF output", () => {
  const log = sarifLog([report]) as {
    runs: {
      tool: { driver: { name: string; rules: { id: string }[] } };
      results: { ruleId: string; level: string }[];
    }[];
  };

  it("has the shape SARIF 2.1.0 requires", () => {
    expect(sarifProblems(log)).toEqual([]);
  });

  it("has one run per tool, every wheel2pkg rule described, levels mapped", () => {
    expect(log.runs.map((r) => r.tool.driver.name)).toEqual(["wheel2pkg", "rpmlint"]);
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toContain("prebuilt-binary");
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ["summary-too-long", "warning"],
      ["license-not-spdx", "error"],
      ["synopsis-ends-with-dot", "note"],
    ]);
  });

  it("is rejected by the shape check when a required property is missing", () => {
    const broken = structuredClone(log) as unknown as {
      runs: { results: Record<string, unknown>[] }[];
    };
    const result = broken.runs[0]?.results[0];
    if (result === undefined) throw new Error("no result");
    result.level = "fatal";
    delete result.message;
    expect(sarifProblems(broken)).toEqual([
      "$.runs[0].results[0].message.text: required string",
      "$.runs[0].results[0].level: must be none, note, warning or error",
    ]);
    expect(sarifProblems({ ...log, version: "2.0.0" })).toEqual(['$.version: must be "2.1.0"']);
  });
});

describe("text output", () => {
  it("groups findings by severity, errors first, with the guideline", () => {
    const lines = formatText(report).split("\n");
    expect(lines.filter((l) => /^(error|warning|info) \(/.test(l))).toEqual([
      "error (1)",
      "warning (2)",
      "info (1)",
    ]);
    expect(lines[1]).toMatch(/^ {2}a b\.spec:5: license-not-spdx: /);
    expect(lines[2]).toContain("https://docs.fedoraproject.org/en-US/legal/license-field/");
  });
});

describe("hasFailingFindings", () => {
  it.each([
    ["error", ["warning"], false],
    ["error", ["error"], true],
    ["warning", ["warning"], true],
    ["warning", ["info"], false],
  ] as const)("fail-on %s with %j → %s", (failOn, severities, expected) => {
    const list = severities.map((severity): Finding => ({
      tool: "wheel2pkg",
      ruleId: "x",
      severity,
      message: "",
      file: "f",
    }));
    expect(hasFailingFindings(list, failOn)).toBe(expected);
  });
});
