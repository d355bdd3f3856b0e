import { satisfiesSpecifiers, specifiersToString } from "../../model/index.js";
import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Requires-Python admits the target's Python, or the package installs and then fails. */
export const requiresPythonExcludesTarget: Rule = {
  id: "requires-python-excludes-target",
  severity: "error",
  summary: "Requires-Python admits the target's Python version",
  guideline: guidelines.requiresPython,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input, profile) {
    if (input.kind !== "wheel") return [];
    const specifiers = input.wheel.pkg.metadata.requiresPython;
    if (specifiers === null || specifiers.length === 0) return [];
    if (satisfiesSpecifiers(profile.python.fullVersion, specifiers)) return [];
    return [
      {
        message: `Requires-Python ${specifiersToString(specifiers)} excludes Python ${profile.python.fullVersion} of ${profile.name}`,
      },
    ];
  },
};
