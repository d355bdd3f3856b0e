import { guidelines } from "../guidelines.js";
import { inSitePackages, installedPaths } from "../subjects.js";
import type { Rule, RuleFinding } from "../types.js";

/** A package that installs importable modules is named `python3-<name>` on Fedora. */
export const rpmBinaryName: Rule = {
  id: "rpm-binary-name",
  severity: "error",
  summary: "a package installing importable modules is named python3-<name>",
  guideline: guidelines.fedoraNaming,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input, profile) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const { pkg, value, line } of installedPaths(input, profile)) {
      if (seen.has(pkg) || !inSitePackages(value.path, profile)) continue;
      seen.add(pkg);
      if (!pkg.startsWith(profile.naming.binary)) {
        const finding: RuleFinding = {
          message: `${pkg} installs Python modules but is not named ${profile.naming.binary}<name>`,
        };
        if (line !== undefined) finding.line = line;
        findings.push(finding);
      }
    }
    return findings;
  },
};
