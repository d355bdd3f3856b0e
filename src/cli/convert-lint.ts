import { join } from "node:path";
import type { Config } from "../config/types.js";
import type { ConvertedPackage } from "../convert/index.js";
import { printable } from "../errors.js";
import { familyOf, targetConfig } from "../families/index.js";
import type { Finding } from "../lint/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { Output } from "./output.js";

/** What `convert` lints: the written packaging always, the built packages after `--build`. */
export interface ConvertLintOptions {
  /** Also run rpmlint / lintian on the built packages (`--native-lint`). */
  native: boolean;
  config: Config;
}

/** The paths of a converted package that lint reads: its spec or debian/, then what was built. */
function lintTargets(
  converted: ConvertedPackage,
  profile: TargetProfile,
): { path: string; native: boolean }[] {
  const packaging = familyOf(profile).packagingRoot(converted.files);
  const paths: { path: string; native: boolean }[] = [];
  if (packaging !== null)
    paths.push({ path: join(converted.directory, packaging.path), native: false });
  for (const built of converted.build?.binaryPackages ?? [])
    paths.push({ path: built, native: true });
  return paths;
}

/**
 * Runs the policy rules on what `convert` wrote (and built), and prints one summary line per
 * package; errors are listed. Returns every finding, for `--json`.
 */
export async function lintConverted(
  output: Output,
  converted: ConvertedPackage,
  profile: TargetProfile,
  options: ConvertLintOptions,
  quiet: boolean,
): Promise<Finding[]> {
  const { lintPath } = await import("../lint/index.js");
  const names = targetConfig(options.config, profile).names;
  const findings: Finding[] = [];
  const targets = lintTargets(converted, profile);
  for (const { path, native } of targets) {
    const report = await lintPath(path, {
      profile,
      severity: options.config.lintSeverity,
      names,
      native: native && options.native,
    });
    findings.push(...report.findings);
  }
  if (!quiet) {
    const count = (severity: Finding["severity"]) =>
      findings.filter((f) => f.severity === severity).length;
    output.out(
      `  lint: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes (details: wheel2pkg lint ${targets[0]?.path ?? converted.directory} --target ${profile.id})\n`,
    );
    for (const f of findings.filter((finding) => finding.severity === "error")) {
      output.out(`    error: ${f.ruleId}: ${printable(f.message)}\n`);
    }
  }
  return findings;
}
