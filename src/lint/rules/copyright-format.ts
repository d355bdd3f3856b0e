import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
import type { Rule, RuleFinding } from "../types.js";

/** The Format URI of DEP-5 (copyright-format 1.0), http or https, with or without the slash. */
const formatUri =
  /^https?:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\/1\.0\/?$/;

/** debian/copyright is machine-readable DEP-5: a Format header and a `Files: *` paragraph. */
export const copyrightFormat: Rule = {
  id: "copyright-format",
  severity: "error",
  summary:
    "debian/copyright follows DEP-5: Format header, Files: * paragraph, Copyright and License in each",
  guideline: guidelines.debianCopyright,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const copyright = input.debian.copyright;
    if (copyright === null) return [{ message: "debian/copyright is missing" }];
    const [header, ...rest] = copyright.paragraphs;
    const at = (message: string, line: number): RuleFinding => ({
      message,
      file: "copyright",
      line,
    });
    const findings: RuleFinding[] = [];
    const format = header === undefined ? undefined : field(header, "Format");
    if (header === undefined || format === undefined || !formatUri.test(format)) {
      findings.push(at("the first paragraph has no DEP-5 Format: URI", header?.line ?? 1));
    }
    const files = rest.filter((p) => field(p, "Files") !== undefined);
    if (!files.some((p) => (field(p, "Files") ?? "").split(/\s+/).includes("*"))) {
      findings.push(at("no Files: * paragraph", header?.line ?? 1));
    }
    for (const paragraph of files) {
      for (const name of ["Copyright", "License"]) {
        if (field(paragraph, name) === undefined) {
          findings.push(
            at(
              `Files: ${field(paragraph, "Files") ?? ""} has no ${name} field`,
              fieldLine(paragraph, "Files"),
            ),
          );
        }
      }
    }
    return findings;
  },
};
