import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
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
    const buildDepends = ["Build-Depends", "Build-Depends-Indep", "Build-Depends-Arch"]
      .map((name) => field(source, name) ?? "")
      .join(",");
    if (!/(^|[\s,])(debhelper|debhelper-compat|dh-sequence-[a-z0-9-]+)\b/.test(buildDepends)) {
      return [];
    }
    return binaries
      .filter((p) => !(field(p, "Depends") ?? "").includes("${misc:Depends}"))
      .map((p) => ({
        message: `${field(p, "Package") ?? "a package"} does not depend on \${misc:Depends}`,
        file: "control",
        line: fieldLine(p, "Depends"),
      }));
  },
};
