import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** An `Architecture: all` package contains no ELF objects. */
export const archAllWithElf: Rule = {
  id: "arch-all-with-elf",
  severity: "error",
  summary: "an Architecture: all package contains no ELF objects",
  guideline: guidelines.archIndependentElf,
  families: ["deb"],
  inputs: ["deb"],
  check(input) {
    if (input.kind !== "deb" || input.built.architecture !== "all") return [];
    return input.built.files
      .filter((f) => f.elf)
      .map((f) => ({
        message: `Architecture: all package ships the ELF object ${f.path}`,
        file: f.path,
      }));
  },
};
