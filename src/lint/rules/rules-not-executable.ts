import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** debian/rules exists and is executable: dpkg-buildpackage runs it directly. */
export const rulesNotExecutable: Rule = {
  id: "rules-not-executable",
  severity: "error",
  summary: "debian/rules exists and is executable",
  guideline: guidelines.debianRules,
  families: ["deb"],
  inputs: ["debian-dir"],
  check(input) {
    if (input.kind !== "debian-dir") return [];
    const { rules } = input.debian;
    if (rules === null) return [{ message: "debian/rules is missing", file: "rules" }];
    return rules.executable ? [] : [{ message: "debian/rules is not executable", file: "rules" }];
  },
};
