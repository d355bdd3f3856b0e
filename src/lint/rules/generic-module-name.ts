import { guidelines } from "../guidelines.js";
import { topLevelModules } from "../inputs/wheel.js";
import type { Rule } from "../types.js";

/** Top-level names that many projects ship by mistake and so collide in dist-packages. */
export const genericModuleNames: ReadonlySet<string> = new Set([
  "benchmarks",
  "build",
  "doc",
  "docs",
  "example",
  "examples",
  "lib",
  "scripts",
  "src",
  "test",
  "testing",
  "tests",
  "tools",
  "util",
  "utils",
]);

/** A package installs no top-level module with an overly generic name (tests, docs, …). */
export const genericModuleName: Rule = {
  id: "generic-module-name",
  severity: "error",
  summary: "no top-level module with an overly generic name (tests, docs, examples, …)",
  guideline: guidelines.genericModuleName,
  families: ["deb"],
  inputs: ["wheel", "deb"],
  check(input) {
    let modules: string[] = [];
    if (input.kind === "wheel") modules = topLevelModules(input.wheel.pkg);
    if (input.kind === "deb") {
      const prefix = "/usr/lib/python3/dist-packages/";
      modules = input.built.files
        .filter((f) => f.path.startsWith(prefix))
        .map((f) => (f.path.slice(prefix.length).split("/")[0] ?? "").replace(/\.py$/, ""));
    }
    return [...new Set(modules)]
      .filter((m) => genericModuleNames.has(m))
      .map((m) => ({ message: `installs the top-level module "${m}"` }));
  },
};
