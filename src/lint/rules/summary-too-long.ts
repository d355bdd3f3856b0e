import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { maxSummaryLength } from "../../targets/common/description.js";
import { locate } from "./locate.js";

/**
 * Fedora: a Summary is a short line. rpmlint's summary-too-long fires past 79 characters, and
 * the Summary wheel2pkg writes is shortened to the same limit.
 */
export const summaryTooLong: Rule = {
  id: "summary-too-long",
  severity: "warning",
  summary: `the Summary is at most ${maxSummaryLength} characters`,
  guideline: guidelines.fedoraSummary,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input) {
    return summaries(input)
      .filter((s) => s.value.length > maxSummaryLength)
      .map((s) => locate(s, `${s.pkg}: the Summary has ${s.value.length} characters`));
  },
};
