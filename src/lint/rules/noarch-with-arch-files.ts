import { guidelines } from "../guidelines.js";
import { specTag } from "../inputs/spec.js";
import { installedPaths } from "../subjects.js";
import type { Rule, RuleFinding } from "../types.js";
import { locate } from "./locate.js";

/** Whether a path belongs to an architecture-specific tree. */
function archSpecific(path: string, platlib: string): boolean {
  return path === "/usr/lib64" || path.startsWith("/usr/lib64/") || path.startsWith(`${platlib}/`);
}

/** A noarch package has no files under lib64 (the arch-specific site-packages) and no ELF. */
export const noarchWithArchFiles: Rule = {
  id: "noarch-with-arch-files",
  severity: "error",
  summary: "a noarch package has no files under /usr/lib64 and no ELF objects",
  guideline: guidelines.fedoraArchitecture,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input, profile) {
    let noarch = false;
    if (input.kind === "spec") {
      const main = input.spec.packages[0];
      noarch = main !== undefined && specTag(main, "buildarch")?.value === "noarch";
    } else if (input.kind === "rpm") {
      noarch = input.built.architecture === "noarch";
    }
    if (!noarch) return [];
    // A %ghost path installs nothing: an extras metapackage of an arch-specific package
    // (%pyproject_extras_subpkg -a) owns the main package's dist-info that way.
    const ghosts = new Set(
      input.kind === "rpm" ? input.built.files.filter((f) => f.ghost).map((f) => f.path) : [],
    );
    const findings: RuleFinding[] = installedPaths(input, profile)
      .filter((p) => !ghosts.has(p.value.path))
      .filter((p) => archSpecific(p.value.path, profile.paths.platlib))
      .map((p) => locate(p, `noarch ${p.pkg} installs ${p.value.path}`));
    if (input.kind === "rpm") {
      for (const file of input.built.files.filter((f) => f.elf)) {
        findings.push({
          message: `noarch ${input.built.name} ships the ELF object ${file.path}`,
          file: file.path,
        });
      }
    }
    return findings;
  },
};
