import { guidelines } from "../guidelines.js";
import { field, fieldLine } from "../inputs/deb822.js";
import type { Rule } from "../types.js";

/** A valid value: `no`, `binary-targets`, or keywords that each contain a slash. */
function validValue(value: string): boolean {
  if (value === "no" || value === "binary-targets") return true;
  const keywords = value.split(/\s+/);
  return keywords.length > 0 && keywords.every((keyword) => /^[^/\s]+\/\S+$/.test(keyword));
}

/**
 * Debian: the source paragraph says whether debian/rules needs (fake)root. Without the field
 * dpkg-buildpackage of bookworm assumes `binary-targets` and runs the build under fakeroot.
 */
export const rulesRequiresRootMissing: Rule = {
  id: "rules-requires-root-missing",
  severity: "warning",
  summary: "debian/control declares Rules-Requires-Root (no, for a dh build)",
  guideline: guidelines.debianRulesRequiresRoot,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const source = input.debian.control?.[0];
    if (source === undefined) return [];
    const value = field(source, "Rules-Requires-Root");
    if (value === undefined) {
      return [
        {
          message: "the source paragraph has no Rules-Requires-Root field",
          file: "control",
          line: source.line,
        },
      ];
    }
    if (validValue(value)) return [];
    return [
      {
        message: `Rules-Requires-Root "${value}" is not no, binary-targets or a list of keywords`,
        file: "control",
        line: fieldLine(source, "Rules-Requires-Root"),
      },
    ];
  },
};
