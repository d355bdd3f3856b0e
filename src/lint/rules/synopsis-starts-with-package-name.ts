import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Debian: the synopsis says what the package is; it does not repeat the package's name. */
export const synopsisStartsWithPackageName: Rule = {
  id: "synopsis-starts-with-package-name",
  severity: "error",
  summary: "the Description synopsis does not start with the package name",
  guideline: guidelines.debianSynopsis,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    return summaries(input)
      .filter((s) => s.pkg !== "" && s.value.toLowerCase().split(/\s/)[0] === s.pkg.toLowerCase())
      .map((s) => locate(s, `${s.pkg}: the synopsis starts with the package name`));
  },
};
