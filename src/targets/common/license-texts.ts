/**
 * Recognizes a license file by its text: the file's words are compared with the SPDX texts of a
 * few common licenses (data/spdx/license-texts.json, made by scripts/update-license-texts.mjs)
 * and with the notices those texts tell projects to use instead of the whole text (Apache-2.0's),
 * by the share of word triples they have in common, ignoring copyright lines, placeholders,
 * case and punctuation. Deterministic, offline, and strict: a file matches only when it is
 * nearly the whole text of one license and clearly not of another.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";

/** A license text as the data file gives it. */
interface KnownText {
  /** The SPDX id, or for GPL-family texts the name without `-only` / `-or-later`. */
  id: string;
  /** False when the text states a version but not whether later versions apply. */
  whole: boolean;
  /** The license's notice ("Licensed under …"), which names it as surely as its whole text. */
  notice?: boolean;
  text: string;
}

/** What a license file's text says. */
export type TextMatch = { id: string; whole: boolean } | null;

/**
 * How far a file may stray from a license and still be it, in word triples: few of the file's
 * own (a reworded clause) and few of the license's missing. Real BSD-3-Clause files reword a
 * clause or two ("the copyright holders, nor those of its contributors"): colorama, backcall and
 * mpmath have 12 to 15 triples of their own and miss 12 to 14 of the license's 201. An MIT text
 * with the Apache license appended has 144 of its own against Apache-2.0, and scipy's BSD file
 * with bundled licenses 903 against GPL-3.0: neither is one license.
 */
const allowedOwn = (licenseSize: number) => Math.max(20, 0.02 * licenseSize);
const allowedMissing = (licenseSize: number) => Math.max(20, 0.05 * licenseSize);
/** How much less alike (Dice) the next-best license must be. */
const margin = 0.03;

/** A known license with its word triples. */
type KnownTriples = { id: string; whole: boolean; triples: Set<string> }[];

let known: KnownTriples | undefined;

/** The known licenses, read once. */
function knownTexts(): KnownTriples {
  known ??= (
    JSON.parse(readFileSync(join(packageRoot, "data", "spdx", "license-texts.json"), "utf8")) as {
      texts: KnownText[];
    }
  ).texts.map(({ id, whole, text }) => ({ id, whole, triples: triples(text) }));
  return known;
}

/** The ids of the licenses whose texts are known (GPL-family ones without -only/-or-later). */
export function knownLicenseIds(): ReadonlySet<string> {
  return new Set(knownTexts().map((license) => license.id));
}

/** The license a file's text is, or null when it is no single known license. */
export function matchLicenseText(text: string): TextMatch {
  return matchTriples(triples(text));
}

/** Words with which a text grants or limits something: a paragraph without them states no terms. */
export const TERMS =
  /\b(?:permi(?:ssion|tted|ts?)|redistribut\w*|warrant\w*|liab\w*|grant\w*|free of charge|public domain|provided that)\b/i;

/**
 * The license one section of a license file is (see license-sections.ts), where the section may
 * also say, in paragraphs of its own, what the license covers ("The above license applies to
 * all contributions after 2017-12-01"): paragraphs that state no terms and are not the
 * license's own words are set aside, and returned, when the rest is nearly the whole license.
 */
export function matchLicenseSection(text: string): { match: TextMatch; commentary: string[] } {
  const [best] = ranked(triples(text));
  if (best === undefined) return { match: null, commentary: [] };
  const paragraphs = text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== "");
  const commentary = paragraphs.filter(
    (p) => !TERMS.test(p) && shareIn(triples(p), best.license.triples) < 0.5,
  );
  const match =
    matchLicenseText(text) ??
    matchLicenseText(paragraphs.filter((p) => !commentary.includes(p)).join("\n\n"));
  return { match, commentary: match === null ? [] : commentary };
}

/** The known licenses by how alike (Dice) they are to a text's triples, most alike first. */
function ranked(own: ReadonlySet<string>): { license: KnownTriples[number]; score: number }[] {
  return knownTexts()
    .map((license) => ({ license, score: dice(own, license.triples) }))
    .sort((a, b) => b.score - a.score);
}

/** The known license that a text's triples nearly all are, clearly ahead of any other. */
function matchTriples(own: ReadonlySet<string>): TextMatch {
  const scored = ranked(own);
  const [best] = scored;
  if (best === undefined) return null;
  let common = 0;
  for (const triple of own) if (best.license.triples.has(triple)) common += 1;
  const size = best.license.triples.size;
  if (own.size - common > allowedOwn(size) || size - common > allowedMissing(size)) return null;
  // A license's notice is part of its text: only another license is a rival.
  const next = scored.find(({ license }) => license.id !== best.license.id);
  if (next !== undefined && best.score - next.score < margin) return null;
  return { id: best.license.id, whole: best.license.whole };
}

/** The share of a set that another holds (0 for an empty set). */
function shareIn(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  let common = 0;
  for (const item of part) if (whole.has(item)) common += 1;
  return part.size === 0 ? 0 : common / part.size;
}

/** The word triples of a text, without copyright lines and `<placeholders>`. */
function triples(text: string): Set<string> {
  const words = text
    .split("\n")
    .filter((line) => !/^\s*copyright\b/i.test(line))
    .join(" ")
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++)
    result.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return result;
}

/** The Sørensen–Dice coefficient of two sets: 1 for equal sets, 0 for disjoint ones. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const item of a) if (b.has(item)) common += 1;
  return a.size + b.size === 0 ? 0 : (2 * common) / (a.size + b.size);
}
