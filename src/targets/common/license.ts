import parseSpdx from "spdx-expression-parse";
import correctSpdx from "spdx-correct";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";

/** The license of a package as an SPDX expression, and where it came from. */
export interface LicenseInfo {
  /** A valid SPDX expression, or `LicenseRef-Unknown` when none could be found. */
  spdx: string;
  source: "License-Expression" | "License" | "classifier" | "none";
}

/** Trove license classifiers that name exactly one SPDX license. */
const classifierLicenses: Readonly<Record<string, string>> = {
  "License :: OSI Approved :: MIT License": "MIT",
  "License :: OSI Approved :: MIT No Attribution License (MIT-0)": "MIT-0",
  "License :: OSI Approved :: Apache Software License": "Apache-2.0",
  "License :: OSI Approved :: BSD License": "BSD-3-Clause",
  "License :: OSI Approved :: ISC License (ISCL)": "ISC",
  "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
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
  "License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)": "EPL-2.0",
  "License :: OSI Approved :: The Unlicense (Unlicense)": "Unlicense",
  "License :: OSI Approved :: zlib/libpng License": "Zlib",
  "License :: OSI Approved :: Academic Free License (AFL)": "AFL-3.0",
  "License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)": "HPND",
  "License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)": "BSL-1.0",
  "License :: OSI Approved :: Universal Permissive License (UPL)": "UPL-1.0",
  "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
};

/** Whether a string is a valid SPDX license expression. */
export function isSpdxExpression(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the package's license as SPDX: License-Expression (PEP 639) first, then a License field
 * that is or can be corrected to an SPDX id, then trove classifiers (joined with AND, as they
 * all apply). Every guess is reported.
 */
export function resolveLicense(fields: {
  licenseExpression: string | null;
  license: string | null;
  classifiers: readonly string[];
}): { license: LicenseInfo; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const expression = fields.licenseExpression?.trim();
  if (expression) {
    if (isSpdxExpression(expression)) {
      return { license: { spdx: expression, source: "License-Expression" }, diagnostics };
    }
    diagnostics.push(
      diagnostic(
        "license-expression-invalid",
        "warning",
        `License-Expression "${expression}" is not a valid SPDX expression`,
        "License-Expression",
      ),
    );
  }
  const text = fields.license?.trim();
  // A License field holding a whole license text is not an identifier: only look at short ones.
  if (text && !text.includes("\n") && text.length <= 100) {
    if (isSpdxExpression(text)) {
      return { license: { spdx: text, source: "License" }, diagnostics };
    }
    const corrected = correctSpdx(text, { upgrade: true });
    if (corrected !== null) {
      diagnostics.push(
        diagnostic(
          "license-guessed",
          "info",
          `License "${text}" read as SPDX "${corrected}"`,
          "License",
        ),
      );
      return { license: { spdx: corrected, source: "License" }, diagnostics };
    }
  }
  const fromClassifiers = [
    ...new Set(
      fields.classifiers
        .map((classifier) => classifierLicenses[classifier])
        .filter((id): id is string => id !== undefined),
    ),
  ].sort();
  if (fromClassifiers.length > 0) {
    const spdx =
      fromClassifiers.length === 1 ? (fromClassifiers[0] as string) : fromClassifiers.join(" AND ");
    if (fromClassifiers.includes("BSD-3-Clause")) {
      diagnostics.push(
        diagnostic(
          "license-guessed",
          "info",
          `the "BSD License" classifier does not say which BSD license; assumed BSD-3-Clause`,
          "Classifier",
        ),
      );
    }
    return { license: { spdx, source: "classifier" }, diagnostics };
  }
  diagnostics.push(
    diagnostic(
      "license-unknown",
      "warning",
      "no SPDX license found in License-Expression, License or classifiers",
      "License",
    ),
  );
  return { license: { spdx: "LicenseRef-Unknown", source: "none" }, diagnostics };
}

/** DEP-5 short names differ from SPDX for a few licenses (Debian copyright-format 1.0). */
const debianShortNames: Readonly<Record<string, string>> = {
  MIT: "Expat",
  "GPL-2.0-only": "GPL-2",
  "GPL-2.0-or-later": "GPL-2+",
  "GPL-3.0-only": "GPL-3",
  "GPL-3.0-or-later": "GPL-3+",
  "LGPL-2.0-only": "LGPL-2",
  "LGPL-2.0-or-later": "LGPL-2+",
  "LGPL-2.1-only": "LGPL-2.1",
  "LGPL-2.1-or-later": "LGPL-2.1+",
  "LGPL-3.0-only": "LGPL-3",
  "LGPL-3.0-or-later": "LGPL-3+",
  "AGPL-3.0-only": "AGPL-3",
  "AGPL-3.0-or-later": "AGPL-3+",
  "BSD-2-Clause": "BSD-2-clause",
  "BSD-3-Clause": "BSD-3-clause",
  "PSF-2.0": "PSF-2.0",
  "MPL-2.0": "MPL-2.0",
  "Apache-2.0": "Apache-2.0",
  "CC0-1.0": "CC0-1.0",
  "LicenseRef-Unknown": "unknown",
};

/** Translates an SPDX expression to DEP-5 syntax: Debian short names, `and`/`or`, lower case. */
export function toDebianLicense(spdx: string): string {
  return spdx
    .split(/(\s+|\(|\))/)
    .map((token) => {
      if (token === "AND") return "and";
      if (token === "OR") return "or";
      if (token === "WITH") return "with";
      return debianShortNames[token] ?? token;
    })
    .join("");
}
