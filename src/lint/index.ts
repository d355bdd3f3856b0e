/**
 * Policy lint, the last stage: detects what a path is (wheel, spec, debian/ directory, built
 * package), checks it against the target's rules and, on request, runs the distro's own linter.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { families, familyOf } from "../families/index.js";
import type { NativeLintRun } from "../native/packages.js";
import type { LintSeverity } from "../config/index.js";
import { UserError } from "../errors.js";
import type { ExtrasChoice } from "../mapping/extras.js";
import type { NameRules } from "../mapping/name-rules.js";
import type { TargetProfile } from "../profiles/types.js";
import type { WheelLimits } from "../wheel/index.js";
import { runRules } from "./engine.js";
import { parseDebianDir, readDebianDir } from "./inputs/debian.js";
import { parseSpec } from "./inputs/spec.js";
import { readWheelSubject } from "./inputs/wheel.js";
import type { Finding, LintInput } from "./types.js";

export { runRules, applicableRules, effectiveSeverity } from "./engine.js";
export { rules } from "./rules/index.js";
export { parseSpec } from "./inputs/spec.js";
export { parseDebianDir, type DebianDirFile } from "./inputs/debian.js";
export type * from "./types.js";

/** What `lint` was given, as detected from the path. */
export type LintTargetKind = LintInput["kind"] | "native-only";

/** Options of lintPath. */
export interface LintOptions {
  profile: TargetProfile;
  /** The user's `[lint] severity` table (rule ids and native tags). */
  severity?: ReadonlyMap<string, LintSeverity>;
  /** The user's name rules for the target, for the wheel-level mapping check. */
  names?: NameRules;
  /** The configuration's choice of extras for the target, for the same check. */
  extras?: ExtrasChoice;
  /** Also run rpmlint / lintian. */
  native?: boolean;
  /** The configuration's `[limits]` on what a wheel may declare. */
  limits?: Readonly<Partial<WheelLimits>>;
}

/** The result of linting one path. */
export interface LintReport {
  path: string;
  kind: LintTargetKind;
  target: string;
  findings: Finding[];
}

/** The debian/ directory a directory path means: itself, or its `debian/` child. */
async function debianDirectory(path: string): Promise<string | null> {
  for (const candidate of basename(path) === "debian" ? [path] : [join(path, "debian"), path]) {
    const control = await stat(join(candidate, "control")).catch(() => null);
    if (control?.isFile() === true) return candidate;
  }
  return null;
}

/** Reads and parses the input a path names; `.dsc`, `.changes`, `.src.rpm` are native-only. */
async function readInput(path: string, options: LintOptions): Promise<LintInput | "native-only"> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new UserError("no such file or directory", { file: path });
  if (!info.isDirectory() && path.endsWith(".whl")) {
    return {
      kind: "wheel",
      path,
      wheel: await readWheelSubject(path, options.names, options.limits, options.extras),
    };
  }
  const directory = info.isDirectory() ? await debianDirectory(path) : null;
  if (info.isDirectory() && directory === null)
    throw new UserError("a directory must be a debian/ directory", { file: path });
  const family = familyOf(options.profile);
  const file = family.lintFile(path, info.isDirectory());
  if (file === null) {
    for (const other of Object.values(families)) {
      const theirs = other.lintFile(path, info.isDirectory());
      if (theirs === null) continue;
      throw new UserError(
        `${theirs.what} is linted for a target of the ${other.id} family, not ${options.profile.id}`,
        { file: path, field: "--target" },
      );
    }
    throw new UserError(
      "cannot tell what to lint: give a .whl, .spec, debian/ directory, .rpm, .deb, .dsc or .changes",
      { file: path },
    );
  }
  switch (file.kind) {
    case "native-only":
      return "native-only";
    case "spec":
      return { kind: "spec", path, spec: parseSpec(await readFile(path, "utf8")) };
    case "debian-dir": {
      const debian = directory ?? path;
      return {
        kind: "debian-dir",
        path: debian,
        debian: parseDebianDir(await readDebianDir(debian)),
      };
    }
    case "built":
      return { kind: family.id, path, built: await family.queryPackage(path) };
  }
}

/** Native findings, re-scored by the user's severity table (keyed by the tool's tag); a missing tool is an error finding. */
export function nativeFindings(
  run: NativeLintRun,
  path: string,
  severity?: ReadonlyMap<string, LintSeverity>,
): Finding[] {
  if (!run.available) {
    return [
      {
        tool: run.tool,
        ruleId: "native-linter-missing",
        severity: "error",
        message: `${run.tool} is not installed, so its checks did not run`,
        file: path,
      },
    ];
  }
  return run.tags.flatMap((tag): Finding[] => {
    const level = severity?.get(tag.tag) ?? tag.severity;
    if (level === "off") return [];
    const message = tag.message === "" ? tag.file : `${tag.file}: ${tag.message}`;
    const finding: Finding = {
      tool: tag.tool,
      ruleId: tag.tag,
      severity: level,
      message,
      file: path,
    };
    if (tag.line !== undefined) finding.line = tag.line;
    return [finding];
  });
}

/** Lints one path for one target. */
export async function lintPath(path: string, options: LintOptions): Promise<LintReport> {
  const input = await readInput(path, options);
  const kind: LintTargetKind = input === "native-only" ? "native-only" : input.kind;
  if (input === "native-only" && options.native !== true) {
    throw new UserError("this file is checked only by the native linter: add --native", {
      file: path,
    });
  }
  const findings = input === "native-only" ? [] : runRules(input, options.profile, options);
  if (options.native === true) {
    if (kind === "wheel" || kind === "debian-dir") {
      throw new UserError(
        `--native lints built packages, specs, .dsc and .changes, not a ${kind}`,
        {
          file: path,
        },
      );
    }
    const run = await familyOf(options.profile).nativeLint([path]);
    findings.push(...nativeFindings(run, path, options.severity));
  }
  return { path, kind, target: options.profile.id, findings };
}
