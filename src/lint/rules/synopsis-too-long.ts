import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { maxSummaryLength } from "../../targets/common/description.js";
import { locate } from "./locate.js";

/**
 * Debian: the synopsis is "certainly under 80 characters" (Policy 3.4.1), the limit the synopsis
 * wheel2pkg writes is shortened to; lintian's synopsis-too-long fires only past 80.
 */
export const synopsisTooLong: Rule = {
  id: "synopsis-too-long",
  severity: "warning",
  summary: `the Description synopsis is at most ${maxSummaryLength} characters`,
  guideline: guidelines.debianSynopsis,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    return summaries(input)
      .filter((s) => s.value.length > maxSummaryLength)
      .map((s) => locate(s, `${s.pkg}: the synopsis has ${s.value.length} characters`));
  },
};
