import { guidelines } from "../guidelines.js";
import { buildDependencyNames, field, fieldLine } from "../inputs/deb822.js";
import type { Rule, RuleFinding } from "../types.js";

/** The Python runtimes a package may build-depend on: python3, python3-all, python3.X(-dev)… */
const pythonRe = /^python3(\.\d+)?(-all)?(-dev)?$/;

/**
 * Debian: a Python package build-depends on dh-python (which runs dh_python3) and on the
 * Python versions it is built for (python3, python3-all, or their -dev packages).
 */
export const pythonBuildDependsMissing: Rule = {
  id: "python-build-depends-missing",
  severity: "error",
  summary: "Build-Depends has dh-python (or dh-sequence-python3) and python3 or python3-all",
  guideline: guidelines.debianBuildDependencies,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const [source, ...binaries] = input.debian.control ?? [];
    if (source === undefined) return [];
    const names = buildDependencyNames(source);
    // Only Python packages: python3-* binaries, ${python3:Depends}, or a dh-python build.
    const python =
      names.has("dh-python") ||
      names.has("dh-sequence-python3") ||
      binaries.some(
        (p) =>
          (field(p, "Package") ?? "").startsWith("python3-") ||
          (field(p, "Depends") ?? "").includes("${python3:Depends}"),
      );
    if (!python) return [];
    const at = (message: string): RuleFinding => ({
      message,
      file: "control",
      line: fieldLine(source, "Build-Depends"),
    });
    const findings: RuleFinding[] = [];
    if (!names.has("dh-python") && !names.has("dh-sequence-python3")) {
      findings.push(at("Build-Depends lacks dh-python (or dh-sequence-python3)"));
    }
    if (![...names].some((name) => pythonRe.test(name))) {
      findings.push(
        at("Build-Depends names no Python: add python3-all (or python3, python3-all-dev)"),
      );
    }
    return findings;
  },
};
