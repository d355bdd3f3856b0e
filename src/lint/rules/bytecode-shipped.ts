import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Debian byte-compiles at install time: a package ships no `.pyc` files or `__pycache__`. */
export const bytecodeShipped: Rule = {
  id: "bytecode-shipped",
  severity: "error",
  summary: "the package ships no Python bytecode (.pyc, __pycache__)",
  guideline: guidelines.debianBytecode,
  families: ["deb"],
  inputs: ["deb"],
  check(input) {
    if (input.kind !== "deb") return [];
    return input.built.files
      .filter((f) => /\.py[co]$/.test(f.path) || (f.directory && f.path.endsWith("/__pycache__")))
      .map((f) => ({ message: `${input.built.name} ships ${f.path}`, file: f.path }));
  },
};
