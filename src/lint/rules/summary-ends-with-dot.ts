import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Fedora: a Summary is not a sentence; it has no trailing period. */
export const summaryEndsWithDot: Rule = {
  id: "summary-ends-with-dot",
  severity: "warning",
  summary: "the Summary does not end with a period",
  guideline: guidelines.fedoraSummary,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input) {
    return summaries(input)
      .filter((s) => /[^.]\.$/.test(s.value.trim()))
      .map((s) => locate(s, `${s.pkg}: the Summary ends with a period`));
  },
};
