/**
 * The vocabulary of policy lint: rules as metadata plus a check, the inputs they read, and the
 * findings they report (ours and the native linters', in one format).
 */
import type { Severity } from "../diagnostics.js";
import type { TargetFamily, TargetProfile } from "../profiles/types.js";
import type { BuiltPackage } from "../native/packages.js";
import type { DebianDir } from "./inputs/debian.js";
import type { SpecFile } from "./inputs/spec.js";
import type { WheelSubject } from "./inputs/wheel.js";

/** What a rule can read: a wheel, a spec, a debian/ directory, or a built package. */
export type InputKind = "wheel" | "spec" | "debian-dir" | "rpm" | "deb";

/** The section of a distro guideline that a rule enforces. */
export interface Guideline {
  title: string;
  url: string;
}

/** One input, parsed, with the path it came from (as given by the user). */
export type LintInput =
  | { kind: "wheel"; path: string; wheel: WheelSubject }
  | { kind: "spec"; path: string; spec: SpecFile }
  | { kind: "debian-dir"; path: string; debian: DebianDir }
  | { kind: "rpm"; path: string; built: BuiltPackage }
  | { kind: "deb"; path: string; built: BuiltPackage };

/** A problem a rule found, before the engine attaches the rule's id and effective severity. */
export interface RuleFinding {
  message: string;
  /** File the finding is in (relative to the linted path), when not the input itself. */
  file?: string;
  /** 1-based line, where known. */
  line?: number;
}

/** A policy rule: stable metadata plus a check over one parsed input. */
export interface Rule {
  /** Stable kebab-case id, used in config, inline overrides and reports. */
  id: string;
  severity: Severity;
  /** One line saying what the rule wants. */
  summary: string;
  guideline: Guideline;
  families: readonly TargetFamily[];
  inputs: readonly InputKind[];
  check(input: LintInput, profile: TargetProfile): RuleFinding[];
}

/** Who reported a finding: one of our rules, or a native linter. */
export type FindingTool = "wheel2pkg" | "rpmlint" | "lintian";

/** One reported problem, in the report format shared with the native linters. */
export interface Finding {
  tool: FindingTool;
  /** Our rule id, or the native linter's tag. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** The file the finding is about: the input path, or a file inside it. */
  file: string;
  line?: number;
}
