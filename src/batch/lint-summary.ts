/**
 * The lint summary of a batch entry: the policy rules of `wheel2pkg lint` run over the packaging
 * a batch writes (from the planned files, so the summary is known before the package is written
 * and is kept in its stamp) and over the binary packages it builds, counted by severity and rule.
 */
import type { Config } from "../config/index.js";
import type { PlannedPackage } from "../convert/plan.js";
import { lintBuiltPackages, lintPlannedPackaging } from "../lint/packaging.js";
import type { Finding } from "../lint/types.js";
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

/** Lints the packaging a planned package will write into `directory`. */
export function lintPackaging(
  planned: PlannedPackage,
  directory: string,
  config: Config,
): LintSummary | null {
  const findings = lintPlannedPackaging(planned, directory, config.lintSeverity);
  return findings === null ? null : summarise(findings);
}

/** Lints built binary packages (source packages are skipped); null for none. */
export async function lintBuilt(
  artifacts: readonly string[],
  profile: TargetProfile,
  config: Config,
): Promise<LintSummary | null> {
  const findings = await lintBuiltPackages(artifacts, profile, { severity: config.lintSeverity });
  return findings === null ? null : summarise(findings);
}
