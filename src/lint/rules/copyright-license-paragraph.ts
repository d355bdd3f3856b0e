import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
import type { Rule, RuleFinding } from "../types.js";

/** The short names of a License field's first line: `GPL-2+ or Expat` → GPL-2+, Expat. */
function shortNames(first: string): string[] {
  return first
    .replace(/\bwith\s+\S+\s+exception\b/gi, "")
    .split(/\s+(?:or|and)\s+|,/i)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * DEP-5: a license named in a Files paragraph without its text has a stand-alone License
 * paragraph giving the text.
 */
export const copyrightLicenseParagraph: Rule = {
  id: "copyright-license-paragraph",
  severity: "warning",
  summary: "each license short name used without text has a stand-alone License paragraph",
  guideline: guidelines.debianCopyright,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir" || input.debian.copyright === null) return [];
    const paragraphs = input.debian.copyright.paragraphs.slice(1);
    const standalone = new Set(
      paragraphs
        .filter((p) => field(p, "Files") === undefined)
        .map((p) => (field(p, "License") ?? "").split("\n")[0]?.trim() ?? ""),
    );
    const findings: RuleFinding[] = [];
    for (const paragraph of paragraphs.filter((p) => field(p, "Files") !== undefined)) {
      const license = field(paragraph, "License");
      if (license === undefined || license.includes("\n")) continue;
      for (const name of shortNames(license)) {
        if (standalone.has(name)) continue;
        findings.push({
          message: `License ${name} has no stand-alone License paragraph`,
          file: "copyright",
          line: fieldLine(paragraph, "License"),
        });
      }
    }
    return findings;
  },
};
