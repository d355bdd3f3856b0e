/**
 * Which of a wheel's license files are licenses. Wheels list more than licenses as license files
 * (PEP 639 License-File, `.dist-info/licenses/`, names like AUTHORS at the dist-info root): lists
 * of authors, attribution notices. Those are shipped like any other file of the wheel, but they
 * are neither read for the package's license nor copied into debian/copyright or marked as
 * licenses in a spec.
 */
import { matchLicenseText } from "./license-texts.js";

/**
 * Names of files that go with a license without being one: who wrote the code (AUTHORS,
 * CONTRIBUTORS, CREDITS, THANKS, MAINTAINERS), attribution (NOTICE), and project documents.
 */
const NOT_A_LICENSE_NAME =
  /^(?:authors?|contributors?|credits|thanks|maintainers|notice|readme|changelog|changes|history)(?:[._-].*)?$/i;

/** Words that the terms of any license use, one of them at least. */
const LICENSE_WORDS =
  /\b(?:licen[cs]\w*|permi(?:ssion|tted|ts?)|warrant\w*|redistribut\w*|public domain)\b/i;

/**
 * Whether a license file is a license: its text is a known license's, or, when it is not, the
 * file is not named as something else and its text states terms. Without its text (a read that
 * did not fetch it), only the name decides.
 */
export function isLicenseFile(path: string, text?: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (text === undefined) return !NOT_A_LICENSE_NAME.test(name);
  if (matchLicenseText(text) !== null) return true;
  return !NOT_A_LICENSE_NAME.test(name) && LICENSE_WORDS.test(text);
}

/** A wheel's license files split into the licenses and the rest, each list in the given order. */
export function sortLicenseFiles(
  paths: readonly string[],
  texts?: ReadonlyMap<string, string>,
): { licenses: string[]; others: string[] } {
  const licenses: string[] = [];
  const others: string[] = [];
  for (const path of paths) (isLicenseFile(path, texts?.get(path)) ? licenses : others).push(path);
  return { licenses, others };
}
