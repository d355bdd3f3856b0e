import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";
import { maxSummaryLength } from "./summary-too-long.js";

/** Debian: the synopsis line is shorter than 80 characters. */
export const synopsisTooLong: Rule = {
  id: "synopsis-too-long",
  severity: "warning",
  summary: `the Description synopsis is under ${maxSummaryLength} characters`,
  guideline: guidelines.debianSynopsis,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    return summaries(input)
      .filter((s) => s.value.length >= maxSummaryLength)
      .map((s) => locate(s, `${s.pkg}: the synopsis has ${s.value.length} characters`));
  },
};
