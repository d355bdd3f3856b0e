import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** A BuildRequires relation on the Python 3 development package (any version spelling). */
const develRe = /^python(3(\.\d+)?|%\{python3_pkgversion\})-devel$/;

/**
 * Fedora: every spec that uses Python or installs Python modules build-requires python3-devel,
 * which brings the macros and the dependency generators.
 */
export const python3DevelNotBuildrequired: Rule = {
  id: "python3-devel-not-buildrequired",
  severity: "error",
  summary: "the spec has BuildRequires: python3-devel",
  guideline: guidelines.fedoraBuildRequires,
  families: ["rpm"],
  inputs: ["spec"],
  check(input) {
    if (input.kind !== "spec") return [];
    const relations = input.spec.packages
      .flatMap((pkg) => pkg.tags)
      .filter((tag) => tag.tag === "buildrequires")
      .flatMap((tag) => tag.value.split(/[\s,]+/));
    if (relations.some((relation) => develRe.test(relation))) return [];
    const main = input.spec.packages[0];
    return [
      {
        message: "the spec does not build-require python3-devel",
        ...(main === undefined ? {} : { line: main.line }),
      },
    ];
  },
};
