import { guidelines } from "../guidelines.js";
import type { Rule, RuleFinding } from "../types.js";

/** File names that hold license texts (`LICENSE`, `COPYING.txt`, `LICENCE-MIT`, `NOTICE*`). */
const licenseNameRe = /^(licen[cs]es?|copying|copyright|notice)([._*-].*)?$/i;

/** Directories of license texts, such as a dist-info's `licenses/`. */
const licenseDirectoryRe = /^licen[cs]es$/i;

/** Code, not text: a module named `license.py` or a package `license_expression/`. */
const codeRe = /\.(py|pyc|pyi|pyx|pxd|so|pyd|c|h|js|json)$/i;

/** Whether a `%files` path is a license text or a directory of them. */
function isLicensePath(path: string): boolean {
  if (/%\{_bindir\}|\/bin\//.test(path)) return false;
  const directory = path.endsWith("/");
  const name = path.replace(/\/+$/, "").split("/").pop() ?? "";
  if (directory) return licenseDirectoryRe.test(name);
  return licenseNameRe.test(name) && !codeRe.test(name);
}

/** Fedora: license texts in `%files` are marked `%license`, not `%doc` or left plain. */
export const licenseNotMarked: Rule = {
  id: "license-not-marked",
  severity: "error",
  summary: "license files in %files are marked %license",
  guideline: guidelines.fedoraLicenseText,
  families: ["rpm"],
  inputs: ["spec"],
  check(input) {
    if (input.kind !== "spec") return [];
    const findings: RuleFinding[] = [];
    for (const section of input.spec.files) {
      for (const entry of section.entries) {
        if (entry.license || entry.dir) continue;
        // %doc takes several files on one line; a plain entry is one path.
        const paths = entry.doc ? entry.path.split(/\s+/) : [entry.path];
        for (const path of paths) {
          if (!isLicensePath(path)) continue;
          findings.push({
            message: `${section.name} ships the license text ${path} without %license`,
            line: entry.line,
          });
        }
      }
    }
    return findings;
  },
};
