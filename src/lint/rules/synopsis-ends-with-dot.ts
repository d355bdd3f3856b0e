import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Debian: a synopsis is not a sentence and has no final full stop. */
export const synopsisEndsWithDot: Rule = {
  id: "synopsis-ends-with-dot",
  severity: "info",
  summary: "the Description synopsis does not end with a full stop",
  guideline: guidelines.debianSynopsis,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    return summaries(input)
      .filter((s) => /[^.]\.$/.test(s.value.trim()))
      .map((s) => locate(s, `${s.pkg}: the synopsis ends with a full stop`));
  },
};
