import { guidelines } from "../guidelines.js";
import { runtimeRequires } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Fedora: Python dependencies are `python3dist(name)`, not `python3-name` package names. */
export const requiresByPackageName: Rule = {
  id: "requires-by-package-name",
  severity: "warning",
  summary: "Python dependencies are written python3dist(name), not python3-name",
  guideline: guidelines.fedoraDependencies,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input) {
    // Relations between packages of the same source (an extra on its main package) are fine.
    const own = new Set(
      input.kind === "spec"
        ? input.spec.packages.map((p) => p.name)
        : input.kind === "rpm"
          ? [input.built.name.replace(/\+.*$/, "")]
          : [],
    );
    return runtimeRequires(input)
      .filter((r) => {
        const m = /^(python3-[A-Za-z0-9][A-Za-z0-9._+-]*)/.exec(r.value);
        return m !== null && !own.has(m[1] ?? "") && m[1] !== "python3-libs";
      })
      .map((r) => locate(r, `${r.pkg} requires "${r.value}"; use python3dist()`));
  },
};
