/**
 * Policy lint, the last stage: detects what a path is (wheel, spec, debian/ directory, built
 * package), checks it against the target's rules and, on request, runs the distro's own linter.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import {
  queryDeb,
  queryRpm,
  runLintian,
  runRpmlint,
  type NativeLintRun,
} from "../build/native-lint.js";
import type { LintSeverity } from "../config/index.js";
import { UserError } from "../errors.js";
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
  const family = options.profile.family;
  const need = (wanted: "rpm" | "deb", what: string) => {
    if (family !== wanted) {
      throw new UserError(`${what} is linted for an ${wanted} target, not ${options.profile.id}`, {
        file: path,
        field: "--target",
      });
    }
  };
  if (info.isDirectory()) {
    const directory = await debianDirectory(path);
    if (directory === null)
      throw new UserError("a directory must be a debian/ directory", { file: path });
    need("deb", "a debian/ directory");
    return {
      kind: "debian-dir",
      path: directory,
      debian: parseDebianDir(await readDebianDir(directory)),
    };
  }
  if (path.endsWith(".whl")) {
    return {
      kind: "wheel",
      path,
      wheel: await readWheelSubject(path, options.names, options.limits),
    };
  }
  if (path.endsWith(".spec")) {
    need("rpm", "a spec file");
    return { kind: "spec", path, spec: parseSpec(await readFile(path, "utf8")) };
  }
  if (path.endsWith(".src.rpm")) {
    need("rpm", "a .src.rpm");
    return "native-only";
  }
  if (path.endsWith(".rpm")) {
    need("rpm", "an .rpm");
    return { kind: "rpm", path, built: await queryRpm(path) };
  }
  if (path.endsWith(".deb")) {
    need("deb", "a .deb");
    return { kind: "deb", path, built: await queryDeb(path) };
  }
  if (path.endsWith(".dsc") || path.endsWith(".changes")) {
    need("deb", "a Debian source or upload");
    return "native-only";
  }
  throw new UserError(
    "cannot tell what to lint: give a .whl, .spec, debian/ directory, .rpm, .deb, .dsc or .changes",
    { file: path },
  );
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
    const run =
      options.profile.family === "rpm" ? await runRpmlint([path]) : await runLintian([path]);
    findings.push(...nativeFindings(run, path, options.severity));
  }
  return { path, kind, target: options.profile.id, findings };
}
