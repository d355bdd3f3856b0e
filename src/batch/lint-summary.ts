/**
 * The lint summary of a batch entry: what the policy rules of `wheel2pkg lint` found in the
 * packaging a batch writes (linted from the planned files when the package is applied, so the
 * summary is known before it is written and is kept in its stamp) and in the binary packages it
 * builds, counted by severity and rule.
 */
import type { Finding } from "../lint/types.js";
import type { LintSummary } from "./types.js";
import { compare } from "../targets/common/files.js";

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
  sum.rules = Object.fromEntries([...rules].sort(([a], [b]) => compare(a, b)));
  return sum;
}
