import { guidelines } from "../guidelines.js";
import { summaries } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Debian: a synopsis is a noun phrase without a leading article. */
export const synopsisStartsWithArticle: Rule = {
  id: "synopsis-starts-with-article",
  severity: "warning",
  summary: "the Description synopsis does not start with a, an or the",
  guideline: guidelines.debianSynopsis,
  families: ["deb"],
  inputs: ["debian-dir", "deb"],
  check(input) {
    return summaries(input)
      .filter((s) => /^(a|an|the)\s/i.test(s.value))
      .map((s) => locate(s, `${s.pkg}: the synopsis starts with an article`));
  },
};
