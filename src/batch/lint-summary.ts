/**
 * The lint summary of a batch entry: the policy rules of `wheel2pkg lint` run over the packaging
 * a batch writes (from the planned files, so the summary is known before the package is written
 * and is kept in its stamp) and over the binary packages it builds, counted by severity and rule.
 */
import { join } from "node:path";
import type { Config } from "../config/index.js";
import type { PlannedPackage } from "../convert/plan.js";
import { familyOf } from "../families/index.js";
import { lintPath, parseDebianDir, parseSpec, runRules } from "../lint/index.js";
import type { Finding, LintInput } from "../lint/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { LintSummary } from "./types.js";

/** A summary of no findings. */
export function emptySummary(): LintSummary {
  return { error: 0, warning: 0, info: 0, rules: {} };
}

/** The summary of a list of findings. */
export function summarise(findings: readonly Finding[]): LintSummary {
  const summary = emptySummary();
  for (const finding of findings) {
    summary[finding.severity] += 1;
    summary.rules[finding.ruleId] = (summary.rules[finding.ruleId] ?? 0) + 1;
  }
  return addSummaries(emptySummary(), [summary]);
}

/** `into` plus every summary of `more` (counts and rule counts added; rules sorted). */
export function addSummaries(
  into: LintSummary,
  more: readonly (LintSummary | null)[],
): LintSummary {
  const rules = new Map(Object.entries(into.rules));
  const sum = { ...into };
  for (const s of more) {
    if (s === null) continue;
    sum.error += s.error;
    sum.warning += s.warning;
    sum.info += s.info;
    for (const [id, n] of Object.entries(s.rules)) rules.set(id, (rules.get(id) ?? 0) + n);
  }
  sum.rules = Object.fromEntries([...rules].sort(([a], [b]) => a.localeCompare(b)));
  return sum;
}

/** The spec or debian/ directory of a planned package, parsed as lint reads it from disk. */
function packagingInput(planned: PlannedPackage, directory: string): LintInput | null {
  const root = familyOf(planned.profile).packagingRoot(planned.files.map((f) => f.path));
  if (root === null) return null;
  if (root.kind === "spec") {
    const spec = planned.files.find((f) => f.path === root.path);
    if (spec === undefined) return null;
    return { kind: "spec", path: join(directory, spec.path), spec: parseSpec(spec.content) };
  }
  const prefix = `${root.path}/`;
  const files = planned.files
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ path: f.path.slice(prefix.length), content: f.content, mode: f.mode }));
  return { kind: "debian-dir", path: join(directory, root.path), debian: parseDebianDir(files) };
}

/** Lints the packaging a planned package will write into `directory`. */
export function lintPackaging(
  planned: PlannedPackage,
  directory: string,
  profile: TargetProfile,
  config: Config,
): LintSummary | null {
  const input = packagingInput(planned, directory);
  if (input === null) return null;
  return summarise(runRules(input, profile, { severity: config.lintSeverity }));
}

/** Lints built binary packages (`.rpm`, `.deb`; source packages are skipped); null for none. */
export async function lintBuilt(
  artifacts: readonly string[],
  profile: TargetProfile,
  config: Config,
): Promise<LintSummary | null> {
  const binaries = artifacts.filter(
    (a) => (a.endsWith(".rpm") && !a.endsWith(".src.rpm")) || a.endsWith(".deb"),
  );
  if (binaries.length === 0) return null;
  const findings: Finding[] = [];
  for (const binary of binaries) {
    const report = await lintPath(binary, { profile, severity: config.lintSeverity });
    findings.push(...report.findings);
  }
  return summarise(findings);
}
