import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Paths Debian's python3 does not use for packaged modules. */
const wrong = [
  /^\/usr\/lib\/python3\.\d+\/(site|dist)-packages(\/|$)/,
  /^\/usr\/lib\/python3\/site-packages(\/|$)/,
  /^\/usr\/local(\/|$)/,
];

/** Debian installs modules only in /usr/lib/python3/dist-packages, never /usr/local. */
export const modulePathNotDistPackages: Rule = {
  id: "module-path-not-dist-packages",
  severity: "error",
  summary: "modules go to /usr/lib/python3/dist-packages; nothing goes to /usr/local",
  guideline: guidelines.debianModulePath,
  families: ["deb"],
  inputs: ["deb"],
  check(input) {
    if (input.kind !== "deb") return [];
    const findings = [];
    const reported = new Set<string>();
    for (const file of input.built.files) {
      const pattern = wrong.find((p) => p.test(file.path));
      const top = pattern?.exec(file.path)?.[0];
      if (top === undefined || reported.has(top)) continue;
      reported.add(top);
      findings.push({
        message: `${input.built.name} installs into ${top.replace(/\/$/, "")}`,
        file: file.path,
      });
    }
    return findings;
  },
};
