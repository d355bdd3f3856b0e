import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
import type { Rule } from "../types.js";

/** Debian files Python modules in the `python` section. */
export const sectionNotPython: Rule = {
  id: "section-not-python",
  severity: "warning",
  summary: "the package is in Section python",
  guideline: guidelines.debianSections,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    if (input.kind === "deb") {
      const { section } = input.built;
      return section === "python" ? [] : [{ message: `Section is "${section}", not python` }];
    }
    if (input.kind !== "debian-dir") return [];
    const [source, ...binaries] = input.debian.control ?? [];
    if (source === undefined) return [];
    const inherited = field(source, "Section");
    const findings = [];
    for (const paragraph of binaries) {
      const own = field(paragraph, "Section");
      const section = own ?? inherited;
      if (section === "python") continue;
      findings.push({
        message: `${field(paragraph, "Package") ?? "a package"} is in Section ${section ?? "(none)"}, not python`,
        file: "control",
        line: own === undefined ? fieldLine(source, "Section") : fieldLine(paragraph, "Section"),
      });
    }
    return findings;
  },
};
