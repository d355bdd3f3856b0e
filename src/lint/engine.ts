/**
 * Runs the rules over one parsed input: picks the rules of the target's family that read this
 * kind of input, and re-scores their severity (rule default → target data → user config →
 * inline disables).
 */
import type { LintSeverity } from "../config/index.js";
import type { TargetProfile } from "../profiles/types.js";
import { rules as allRules } from "./rules/index.js";
import { targetSeverity } from "./target-severity.js";
import type { Finding, LintInput, Rule } from "./types.js";

/** Options of runRules. */
export interface RunRulesOptions {
  /** The user's `[lint] severity` table. */
  severity?: ReadonlyMap<string, LintSeverity>;
  /** The rules to run (default: the registry). */
  rules?: readonly Rule[];
}

/** A rule's severity for a target and user, or `off`. */
export function effectiveSeverity(
  rule: Rule,
  profile: TargetProfile,
  user: ReadonlyMap<string, LintSeverity> = new Map(),
): LintSeverity {
  return user.get(rule.id) ?? targetSeverity[profile.id]?.[rule.id] ?? rule.severity;
}

/** Rule ids the input itself disables inline. */
function inlineDisabled(input: LintInput): ReadonlySet<string> {
  if (input.kind === "spec") return input.spec.disabled;
  if (input.kind === "debian-dir") return input.debian.disabled;
  return new Set();
}

/** The rules that apply to an input for a target. */
export function applicableRules(
  input: LintInput,
  profile: TargetProfile,
  rules: readonly Rule[] = allRules,
): Rule[] {
  return rules.filter((r) => r.families.includes(profile.family) && r.inputs.includes(input.kind));
}

/** Checks one input for one target; findings carry their effective severity. */
export function runRules(
  input: LintInput,
  profile: TargetProfile,
  options: RunRulesOptions = {},
): Finding[] {
  const disabled = inlineDisabled(input);
  const findings: Finding[] = [];
  for (const rule of applicableRules(input, profile, options.rules)) {
    const severity = effectiveSeverity(rule, profile, options.severity);
    if (severity === "off" || disabled.has(rule.id)) continue;
    for (const found of rule.check(input, profile)) {
      // Inside a built package the path is in the message; the location is the package file.
      const inner = found.file !== undefined && input.kind !== "rpm" && input.kind !== "deb";
      const file = inner ? `${input.path}/${found.file ?? ""}` : input.path;
      const finding: Finding = {
        tool: "wheel2pkg",
        ruleId: rule.id,
        severity,
        message: found.message,
        file,
      };
      if (found.line !== undefined) finding.line = found.line;
      findings.push(finding);
    }
  }
  return findings;
}
