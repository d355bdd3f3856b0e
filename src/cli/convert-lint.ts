import { join } from "node:path";
import type { ConvertedPackage } from "../apply/index.js";
import { printable } from "../errors.js";
import { familyOf } from "../families/index.js";
import type { Finding } from "../lint/types.js";
import type { Output } from "./output.js";

/**
 * Prints what lint found in a package `convert` wrote (and built): one summary line, with the
 * command that shows the details, and each error.
 */
export function printLint(output: Output, converted: ConvertedPackage): void {
  const findings = converted.lint ?? [];
  const { profile } = converted.planned;
  const packaging = familyOf(profile).packagingRoot(converted.files);
  const count = (severity: Finding["severity"]) =>
    findings.filter((f) => f.severity === severity).length;
  output.out(
    `  lint: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes (details: wheel2pkg lint ${packaging === null ? converted.directory : join(converted.directory, packaging.path)} --target ${profile.id})\n`,
  );
  for (const f of findings.filter((finding) => finding.severity === "error")) {
    output.out(`    error: ${f.ruleId}: ${printable(f.message)}\n`);
  }
}
