/** Lint reports as people and dashboards read them: text by severity, JSON, SARIF 2.1.0. */
import type { Severity } from "../diagnostics.js";
import { printable } from "../errors.js";
import { wheel2pkgVersion } from "../version.js";
import type { LintReport } from "./index.js";
import { rules } from "./rules/index.js";
import type { Finding, Rule } from "./types.js";

const order: readonly Severity[] = ["error", "warning", "info"];
const byId = new Map<string, Rule>(rules.map((rule) => [rule.id, rule]));

/** Whether findings at or above `failOn` exist: the CLI's exit code 1. */
export function hasFailingFindings(
  findings: readonly Finding[],
  failOn: "error" | "warning",
): boolean {
  const limit = order.indexOf(failOn);
  return findings.some((f) => order.indexOf(f.severity) <= limit);
}

/** Where a finding is, `file:line` or `file`. */
function where(finding: Finding): string {
  return finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
}

/** Human text: findings grouped by severity, each with the guideline it enforces. */
export function formatText(report: LintReport): string {
  const lines: string[] = [];
  for (const severity of order) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${severity} (${group.length})`);
    for (const finding of group) {
      const source = finding.tool === "wheel2pkg" ? "" : `${finding.tool} `;
      // The location and the message quote the wheel's text.
      lines.push(printable(`  ${where(finding)}: ${source}${finding.ruleId}: ${finding.message}`));
      const rule = finding.tool === "wheel2pkg" ? byId.get(finding.ruleId) : undefined;
      if (rule !== undefined) lines.push(`      ${rule.guideline.title} <${rule.guideline.url}>`);
    }
  }
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  lines.push(
    `${printable(report.path)} (${report.kind}, ${report.target}): ${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes`,
  );
  return `${lines.join("\n")}\n`;
}

/** The JSON report: the LintReport with each wheel2pkg finding's guideline link. */
export function jsonReport(report: LintReport): unknown {
  return {
    ...report,
    findings: report.findings.map((f) => {
      const rule = f.tool === "wheel2pkg" ? byId.get(f.ruleId) : undefined;
      return rule === undefined ? f : { ...f, guideline: rule.guideline };
    }),
  };
}

/** SARIF result levels. */
const sarifLevel: Readonly<Record<Severity, "error" | "warning" | "note">> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/** Where a native tool's tag is explained. */
function nativeHelp(tool: string, tag: string): string | undefined {
  if (tool === "lintian")
    return `https://udd.debian.org/lintian-tag.cgi?tag=${encodeURIComponent(tag)}`;
  return undefined;
}

/** A SARIF run for one tool's findings. */
function sarifRun(tool: string, findings: readonly Finding[]): unknown {
  const ids = [...new Set(findings.map((f) => f.ruleId))];
  if (tool === "wheel2pkg")
    ids.unshift(...rules.map((r) => r.id).filter((id) => !ids.includes(id)));
  const descriptors = ids.map((id) => {
    const rule = tool === "wheel2pkg" ? byId.get(id) : undefined;
    const help = rule?.guideline.url ?? nativeHelp(tool, id);
    return {
      id,
      shortDescription: { text: rule?.summary ?? `${tool} tag ${id}` },
      ...(help === undefined ? {} : { helpUri: help }),
      ...(rule === undefined ? {} : { defaultConfiguration: { level: sarifLevel[rule.severity] } }),
    };
  });
  return {
    tool: {
      driver: {
        name: tool,
        ...(tool === "wheel2pkg" ? { version: wheel2pkgVersion } : {}),
        rules: descriptors,
      },
    },
    results: findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ids.indexOf(f.ruleId),
      level: sarifLevel[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file.split("\\").join("/")) },
            ...(f.line === undefined ? {} : { region: { startLine: f.line } }),
          },
        },
      ],
    })),
  };
}

/** A SARIF 2.1.0 log: one run for wheel2pkg's rules, one per native linter that reported. */
export function sarifLog(reports: readonly LintReport[]): unknown {
  const findings = reports.flatMap((r) => r.findings);
  const tools = [
    "wheel2pkg",
    ...new Set(findings.map((f) => f.tool).filter((t) => t !== "wheel2pkg")),
  ];
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: tools.map((tool) =>
      sarifRun(
        tool,
        findings.filter((f) => f.tool === tool),
      ),
    ),
  };
}
