import { guidelines } from "../guidelines.js";
import { inSitePackages, installedPaths } from "../subjects.js";
import type { Rule } from "../types.js";

/** Fedora: a package of importable modules ships its `.dist-info` metadata (python3dist provides). */
export const distInfoMissing: Rule = {
  id: "dist-info-missing",
  severity: "error",
  summary: "a package installing Python modules ships the .dist-info directory",
  guideline: guidelines.fedoraFilesToInclude,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input, profile) {
    const paths = installedPaths(input, profile).filter((p) =>
      inSitePackages(p.value.path, profile),
    );
    if (paths.length === 0) return [];
    if (paths.some((p) => /\.dist-info(\/|$)/.test(p.value.path))) return [];
    const first = paths[0];
    return [
      {
        message: `${first?.pkg ?? "the package"} installs Python modules without their .dist-info metadata`,
        ...(first?.line === undefined ? {} : { line: first.line }),
      },
    ];
  },
};
