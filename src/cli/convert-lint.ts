import { join } from "node:path";
import type { Config } from "../config/types.js";
import type { ConvertedPackage } from "../convert/index.js";
import { printable } from "../errors.js";
import { familyOf } from "../families/index.js";
import type { Finding } from "../lint/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { Output } from "./output.js";

/** What `convert` lints: the written packaging always, the built packages after `--build`. */
export interface ConvertLintOptions {
  /** Also run rpmlint / lintian on the built packages (`--native-lint`). */
  native: boolean;
  config: Config;
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
  const { lintBuiltPackages, lintPlannedPackaging } = await import("../lint/packaging.js");
  const severity = options.config.lintSeverity;
  const findings: Finding[] = [
    ...(lintPlannedPackaging(converted.planned, converted.directory, severity) ?? []),
    ...((await lintBuiltPackages(converted.build?.binaryPackages ?? [], profile, {
      severity,
      native: options.native,
    })) ?? []),
  ];
  const packaging = familyOf(profile).packagingRoot(converted.files);
  if (!quiet) {
    const count = (severity: Finding["severity"]) =>
      findings.filter((f) => f.severity === severity).length;
    output.out(
      `  lint: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes (details: wheel2pkg lint ${packaging === null ? converted.directory : join(converted.directory, packaging.path)} --target ${profile.id})\n`,
    );
    for (const f of findings.filter((finding) => finding.severity === "error")) {
      output.out(`    error: ${f.ruleId}: ${printable(f.message)}\n`);
    }
  }
  return findings;
}
