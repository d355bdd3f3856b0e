import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
import type { Rule } from "../types.js";

/** Debian: a Python package's Depends carries `${python3:Depends}`, which dh_python3 fills. */
export const python3DependsMissing: Rule = {
  id: "python3-depends-missing",
  severity: "error",
  summary: "each binary package's Depends includes ${python3:Depends}",
  guideline: guidelines.debianDependencies,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    return (input.debian.control ?? [])
      .slice(1)
      .filter((p) => !(field(p, "Depends") ?? "").includes("${python3:Depends}"))
      .map((p) => ({
        message: `${field(p, "Package") ?? "a package"} does not depend on \${python3:Depends}`,
        file: "control",
        line: fieldLine(p, "Depends"),
      }));
  },
};
