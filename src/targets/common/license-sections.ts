/**
 * Reads a license file made of several license texts: the project's own license followed, after
 * separator lines (`-----`), by the licenses of code it took in (sympy's patches from Diofant
 * and its copy of latex2sympy), by a second license that also applies (python-dateutil's
 * Apache-2.0 notice above its BSD-3-Clause text), or by a list of the components a binary wheel
 * bundles, each with a `License:` line in SPDX (scipy's and numpy's OpenBLAS, libgfortran and
 * libquadmath), then the full texts that list refers to. Every part must be accounted for: a
 * part whose license is not recognized, or a text that does not say which version applies,
 * settles nothing.
 */
import { isSpdxExpression } from "../../model/spdx.js";
import { knownLicenseIds, matchLicenseSection, TERMS } from "./license-texts.js";

/** What a license file states: the licenses that all apply, or why it settles nothing (said of the file). */
export type FileReading = { licenses: string[] } | { problem: string };

/** A line that separates the texts of a license file. */
const SEPARATOR = /^[ \t]*(?:-{3,}|={3,})[ \t]*$/m;
/** A component of a bundled-components list starts at its `Name:` line. */
const COMPONENT = /^Name:[ \t]*(.*)$/m;
/** Words that offer a choice between licenses: the parts would not all apply. */
const CHOICE = /\b(?:either|choose|choice|option|alternatively|dual(?:ly)?)\b/i;

/**
 * The licenses a license file of several parts states, in the order it states them, or why it
 * settles nothing; null when it is not made of several parts (one text is matched as a whole).
 */
export function readLicenseSections(text: string): FileReading | null {
  const normalized = text.replace(/\r\n?/g, "\n");
  const sections = normalized.split(SEPARATOR).filter((section) => section.trim() !== "");
  const components = sections.flatMap((section) => componentsOf(section).components);
  if (sections.length < 2 && components.length === 0) return null;
  const licenses: string[] = [];
  for (const component of components) {
    if (component.license === null) {
      return { problem: `names the bundled component ${component.name} without a license` };
    }
    if (!isSpdxExpression(component.license)) {
      return {
        problem: `gives the bundled component ${component.name} License "${component.license}", not an SPDX expression`,
      };
    }
  }
  const declared = components.map((component) => component.license ?? "");
  for (const section of sections) {
    const lead = componentsOf(section).lead;
    // Only what says what may be done counts: a heading or a list's introduction states nothing.
    if (!TERMS.test(lead)) continue;
    const { match, commentary } = matchLicenseSection(lead);
    const remarks = commentary.map(withoutCopyrightLines).join("\n");
    if (CHOICE.test(remarks)) {
      return { problem: `offers a choice between its licenses ("${firstLine(remarks)}")` };
    }
    if (match?.whole === true) {
      licenses.push(match.id);
      continue;
    }
    // The full texts a components list refers to: the list says which of them apply, and how.
    if (match !== null && declared.some((d) => versionOf(d).includes(match.id))) continue;
    if (match === null && declared.some(hasUncheckedText)) continue;
    return {
      problem:
        match === null
          ? `has a part ("${firstLine(lead)}") that is no license wheel2pkg recognizes`
          : `has a part ("${firstLine(lead)}") holding the text of ${match.id}, which does not say whether later versions apply`,
    };
  }
  // AND binds tighter than OR: a declared choice keeps its parentheses among the others.
  licenses.push(...declared.map((d) => (/\sOR\s/.test(d) ? `(${d})` : d)));
  const unique = [...new Set(licenses)];
  return unique.length === 0 ? { problem: "holds no license text" } : { licenses: unique };
}

/** A section split into its text before any component and the components of its list. */
function componentsOf(section: string): {
  lead: string;
  components: { name: string; license: string | null }[];
} {
  const start = COMPONENT.exec(section);
  if (start === null) return { lead: section, components: [] };
  const blocks = section.slice(start.index).split(/^(?=Name:)/m);
  return {
    lead: section.slice(0, start.index),
    components: blocks.map((block) => ({
      name: COMPONENT.exec(block)?.[1]?.trim() ?? "",
      license: /^License:[ \t]*(\S.*)$/m.exec(block)?.[1]?.trim() ?? null,
    })),
  };
}

/** The licenses of an expression without their `-only`/`-or-later`, as license-texts.ts names texts. */
function versionOf(expression: string): string[] {
  return expression
    .split(/\s+(?:AND|OR|WITH)\s+|[()\s]+/)
    .filter(Boolean)
    .map((id) => id.replace(/-(?:only|or-later)$|\+$/, ""));
}

/**
 * Whether an expression names a license or exception whose text wheel2pkg does not know, so that
 * an unrecognized full text after the list may be it (scipy's GCC Runtime Library Exception).
 */
function hasUncheckedText(expression: string): boolean {
  const known = knownLicenseIds();
  return versionOf(expression).some((id) => !known.has(id));
}

/** A text without its copyright lines, which name holders, not terms. */
function withoutCopyrightLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*copyright\b/i.test(line))
    .join("\n");
}

/** A part's first line, to name it in a message. */
function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 60).trimEnd()} …` : line;
}
