import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { specifierCase } from "../helpers/pep440-arbitraries.js";
import {
  clauses,
  normalizedSpecifiersText,
  packagingContains,
  packagingPython,
  specifiersContain,
  specifiersText,
} from "../helpers/pep440-oracle.js";

const python = packagingPython();

describe("the PEP 440 oracle of the mapping tests", () => {
  // Answers of packaging 26.2 `Specifier(s).contains(v, prereleases=True)`, where
  // @renovatebot/pep440's satisfies() differs or PEP 440 is subtle.
  it.each([
    ["1.0", ">1.0rc1", true],
    ["1.0.post2", ">1.0.post1", true],
    ["1.0.post1", ">1.0", false],
    ["1.0.post1.dev1", ">1.0", false],
    ["1.0.post1.dev1", ">1.0.post0", true],
    ["1.0+abc", ">1.0", false],
    ["1.0rc1+abc", ">1.0b1", true],
    ["1.0b1", "<1.0rc1", true],
    ["1.0rc1", "<1.0", false],
    ["1.0rc1", "<1.0.post1", true],
    ["1.0.post1.dev2", "<1.0.post1", false],
    ["1.0rc1", ">=1.0", false],
    ["1.1rc1", ">=1.0", true],
    ["1.0+abc", "<=1.0", true],
    ["1.0+abc", "==1.0", true],
    ["1.0+abc", "!=1.0", false],
    ["1.0+abc.0", "==1.0+abc", false],
    ["1.0.0", "==1.0", true],
    ["1", "==1.0.0.*", true],
    ["1.0rc1", "==1.0.*", true],
    ["2.0rc1", "~=1.5", false],
    ["1!2.5", "~=1!2.2", true],
    ["1.0.0", "===1.0", false],
    ["1.0", "===1.0", true],
  ])("%s in %s: %s", (version, spec, expected) => {
    expect(specifiersContain(version, clauses(spec))).toBe(expected);
  });

  it.skipIf(python === null)("agrees with Python's packaging on 20,000 random cases", () => {
    const cases = fc.sample(specifierCase, { numRuns: 20_000 });
    const questions = cases.map(
      ({ candidate, specifiers }) =>
        [candidate, normalizedSpecifiersText(specifiers)] as [string, string],
    );
    const answers = packagingContains(python ?? "python3", questions);
    const disagreements = cases
      .map((c, i) => ({
        ...c,
        packaging: answers[i],
        ours: specifiersContain(c.candidate, c.specifiers),
      }))
      .filter((c) => c.packaging !== c.ours)
      .map(
        (c) =>
          `${c.candidate} in ${specifiersText(c.specifiers)}: packaging ${String(c.packaging)}`,
      );
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});
