import { guidelines } from "../guidelines.js";
import { buildDependencyNames, field, fieldLine } from "../inputs/deb822.js";
import type { Rule } from "../types.js";

/**
 * Debian: with debhelper, each binary package's Depends carries `${misc:Depends}`, where the
 * dh_ commands put the dependencies their own additions need.
 */
export const miscDependsMissing: Rule = {
  id: "misc-depends-missing",
  severity: "warning",
  summary: "each binary package's Depends includes ${misc:Depends}",
  guideline: guidelines.miscDepends,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const [source, ...binaries] = input.debian.control ?? [];
    if (source === undefined) return [];
    const debhelper = [...buildDependencyNames(source)].some((name) =>
      /^(debhelper|debhelper-compat|dh-sequence-.+)$/.test(name),
    );
    if (!debhelper) return [];
    return binaries
      .filter((p) => !(field(p, "Depends") ?? "").includes("${misc:Depends}"))
      .map((p) => ({
        message: `${field(p, "Package") ?? "a package"} does not depend on \${misc:Depends}`,
        file: "control",
        line: fieldLine(p, "Depends"),
      }));
  },
};
