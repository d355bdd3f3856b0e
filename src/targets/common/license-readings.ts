/**
 * What each METADATA source says about a package's license, read without guessing: trove
 * classifiers that name one SPDX license, and a free-text `License` field that is, or plainly
 * names, an SPDX license. A reading never adds a version the text does not state.
 */
import correctSpdx from "spdx-correct";
import { isSpdxExpression } from "../../model/spdx.js";

/**
 * Trove license classifiers that name exactly one SPDX license, version included. Classifiers
 * that name a family without its version (`GNU General Public License (GPL)`, `BSD License`,
 * `Apache Software License`) are not here: they do not say which license applies.
 */
const classifierLicenses: Readonly<Record<string, string>> = {
  "License :: OSI Approved :: MIT License": "MIT",
  "License :: OSI Approved :: MIT No Attribution License (MIT-0)": "MIT-0",
  "License :: OSI Approved :: ISC License (ISCL)": "ISC",
  "License :: OSI Approved :: Mozilla Public License 1.0 (MPL)": "MPL-1.0",
  "License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)": "MPL-1.1",
  "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
  "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
  "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
  "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
  "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
  "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)": "LGPL-2.0-only",
  "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)":
    "LGPL-2.0-or-later",
  "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
  "License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)":
    "LGPL-3.0-or-later",
  "License :: OSI Approved :: GNU Affero General Public License v3": "AGPL-3.0-only",
  "License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)":
    "AGPL-3.0-or-later",
  "License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)": "EPL-1.0",
  "License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)": "EPL-2.0",
  "License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)": "EUPL-1.1",
  "License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)": "EUPL-1.2",
  "License :: OSI Approved :: The Unlicense (Unlicense)": "Unlicense",
  "License :: OSI Approved :: zlib/libpng License": "Zlib",
  "License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)": "HPND",
  "License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)": "BSL-1.0",
  "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
};

/**
 * Established names of one license whose version the name itself fixes, which spdx-correct does
 * not read: the BSD licenses as OSI and the FSF have called them ("Modified" and "New" BSD are
 * the 3-clause license, without the advertising clause; "Simplified" and "FreeBSD" the 2-clause
 * one), and Fedora's former short name of the Apache License 2.0. Keys are lower case with
 * single spaces; "the" and a final "license"/"licence" are left off.
 */
const licenseNames: Readonly<Record<string, string>> = {
  "modified bsd": "BSD-3-Clause",
  "new bsd": "BSD-3-Clause",
  "revised bsd": "BSD-3-Clause",
  "simplified bsd": "BSD-2-Clause",
  freebsd: "BSD-2-Clause",
  "asl 2": "Apache-2.0",
  "asl 2.0": "Apache-2.0",
};

/** A License field's name as {@link licenseNames} keys it. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/ licen[cs]e$/, "");
}

/** What a source says: an SPDX expression, or why it names none, and whether it was read freely. */
export type LicenseReading = { spdx: string; corrected: boolean } | { spdx: null; problem: string };

/** The SPDX licenses the license classifiers name, and those classifiers that name none. */
export function classifierReading(classifiers: readonly string[]): {
  named: string[];
  unnamed: string[];
} {
  const named = new Set<string>();
  const unnamed: string[] = [];
  for (const classifier of classifiers) {
    // "OSI Approved" alone says only that some OSI license applies.
    if (!classifier.startsWith("License ::") || classifier === "License :: OSI Approved") continue;
    const id = classifierLicenses[classifier];
    if (id === undefined) unnamed.push(classifier);
    else named.add(id);
  }
  return { named: [...named].sort(), unnamed };
}

/**
 * Reads a free-text License field: a valid SPDX expression as it is, an established name of one
 * license ({@link licenseNames}) as that license, else the SPDX license spdx-correct recognizes, when every version it names is stated in the text (`GPLv2+`,
 * `Apache License 2.0`), and `-or-later` only when the text says so (`+`, "later").
 */
export function licenseFieldReading(text: string): LicenseReading {
  // A License field holding a whole license text is not an identifier.
  if (text.includes("\n") || text.length > 100) {
    return { spdx: null, problem: "License holds a text, not a license name" };
  }
  if (isSpdxExpression(text)) return { spdx: text, corrected: false };
  const named = licenseNames[nameKey(text)];
  if (named !== undefined) return { spdx: named, corrected: true };
  const corrected = correctSpdx(text, { upgrade: true });
  if (corrected === null) {
    return { spdx: null, problem: `License "${text}" is not an SPDX license` };
  }
  const stated = versions(text);
  if (![...versions(corrected)].every((version) => stated.has(version))) {
    return { spdx: null, problem: `License "${text}" does not say which version` };
  }
  const laterStated = /\+|later|newer|greater/i.test(text);
  const spdx = laterStated ? corrected : corrected.replace(/-or-later\b/g, "-only");
  if (!isSpdxExpression(spdx) || (laterStated && !/-or-later\b|\+/.test(spdx))) {
    return { spdx: null, problem: `License "${text}" does not say which version` };
  }
  return { spdx, corrected: true };
}

/** The version numbers a text states, without trailing `.0` (`GPL-2.0` and `GPLv2` agree). */
function versions(text: string): Set<string> {
  return new Set((text.match(/\d+(?:\.\d+)*/g) ?? []).map((v) => v.replace(/(?:\.0)+$/, "")));
}
