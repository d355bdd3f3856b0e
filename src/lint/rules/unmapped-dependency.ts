import { familyOf } from "../../families/index.js";
import { mapPackage } from "../../mapping/map.js";
import { noNameRules } from "../../mapping/name-rules.js";
import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/**
 * A dependency whose distro name is only a guess may not exist on the target. Only requirements
 * that are packaged count: those of development extras (`dev-extras`) are not.
 */
export const unmappedDependency: Rule = {
  id: "unmapped-dependency",
  severity: "warning",
  summary: "every dependency maps to a known distro package (not a guessed name)",
  guideline: guidelines.debianDependencies,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input, profile) {
    if (input.kind !== "wheel") return [];
    const { pkg, names, extras } = input.wheel;
    const rules = names ?? noNameRules(familyOf(profile).mapping);
    // The extras the configuration folds in or leaves out, placed as convert places them.
    const mapped = mapPackage(pkg, profile, rules, extras);
    const all = [...mapped.main, ...[...mapped.extras.values()].flat()];
    return all.flatMap((requirement) =>
      requirement.diagnostics
        .filter((d) => d.code === "name-guessed")
        .map((d) => ({ message: `${requirement.requirement}: ${d.message}` })),
    );
  },
};
