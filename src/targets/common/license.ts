import type { ConfiguredLicense } from "../../config/types.js";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { isSpdxExpression } from "../../model/spdx.js";
import { classifierReading, licenseFieldReading } from "./license-readings.js";
import { readLicenseSections, type FileReading } from "./license-sections.js";
import { matchLicenseText } from "./license-texts.js";

/** The license of a package as an SPDX expression, and where it came from. */
export interface LicenseInfo {
  /**
   * A valid SPDX expression, or `LicenseRef-Unknown` (source `none`) when the inputs do not
   * settle one: planning then refuses the wheel with the `unsettled` error instead.
   */
  spdx: string;
  source: "config" | "License-Expression" | "classifier" | "License" | "license-file" | "none";
}

/** What METADATA says about the license. */
export interface LicenseFields {
  name: string;
  licenseExpression: string | null;
  license: string | null;
  classifiers: readonly string[];
}

/**
 * Finds the package's license as SPDX, never assuming a version the inputs do not state:
 * `[packages.<name>] license` in wheel2pkg.toml, then License-Expression (PEP 639), then the
 * license classifiers when together they name exactly one SPDX license, then a License field
 * that is or plainly names one, then the license files when each holds the text of the same
 * license (one without `-only`/`-or-later` variants), or of the same licenses part by part
 * (license-sections.ts). When the inputs say something but settle nothing, `unsettled` is a
 * `license-ambiguous` error that says why and how to set it; when they say nothing, a
 * `license-unknown` one. No package says its license is unknown: planning refuses the wheel.
 */
export function resolveLicense(
  fields: LicenseFields,
  configured?: ConfiguredLicense,
  licenseTexts: ReadonlyMap<string, string> = new Map(),
): { license: LicenseInfo; diagnostics: Diagnostic[]; unsettled: Diagnostic | null } {
  const diagnostics: Diagnostic[] = [];
  if (configured !== undefined) {
    diagnostics.push(
      diagnostic(
        "license-configured",
        "info",
        `license ${configured.spdx} set by ${configured.origin}`,
        "License",
      ),
    );
    return { license: { spdx: configured.spdx, source: "config" }, diagnostics, unsettled: null };
  }
  // Why each source that said something settled nothing.
  const problems: string[] = [];
  const expression = fields.licenseExpression?.trim();
  if (expression) {
    if (isSpdxExpression(expression)) {
      return {
        license: { spdx: expression, source: "License-Expression" },
        diagnostics,
        unsettled: null,
      };
    }
    const problem = `License-Expression "${expression}" is not a valid SPDX expression`;
    problems.push(problem);
    diagnostics.push(
      diagnostic("license-expression-invalid", "warning", problem, "License-Expression"),
    );
  }
  const { named, unnamed } = classifierReading(fields.classifiers);
  if (named.length === 1 && unnamed.length === 0) {
    return {
      license: { spdx: named[0] as string, source: "classifier" },
      diagnostics,
      unsettled: null,
    };
  }
  if (named.length > 1) {
    problems.push(
      `the classifiers name ${named.join(", ")} without saying whether all apply (AND) or any (OR)`,
    );
  }
  problems.push(
    ...unnamed.map((classifier) => `the classifier "${classifier}" names no single SPDX license`),
  );
  const text = fields.license?.trim();
  // setuptools wrote "UNKNOWN" when the project gave no license.
  if (text && text !== "UNKNOWN") {
    const reading = licenseFieldReading(text);
    if (reading.spdx !== null) {
      if (reading.corrected) {
        diagnostics.push(
          diagnostic(
            "license-guessed",
            "info",
            `License "${text}" read as SPDX "${reading.spdx}"`,
            "License",
          ),
        );
      }
      return { license: { spdx: reading.spdx, source: "License" }, diagnostics, unsettled: null };
    }
    problems.push(reading.problem);
  }
  // The files settle the license when each is read, and all state the same licenses.
  const readings: { path: string; reading: FileReading }[] = [];
  const unread: string[] = [];
  for (const [path, text] of licenseTexts) {
    const reading = readLicense(text);
    if (reading === null) unread.push(path);
    else readings.push({ path, reading });
  }
  const stated = readings.flatMap(({ path, reading }) =>
    "licenses" in reading ? [{ path, expression: reading.licenses.join(" AND ") }] : [],
  );
  const expressions = new Set(stated.map(({ expression }) => expression));
  const [agreed] = expressions;
  if (stated.length === licenseTexts.size && expressions.size === 1 && agreed) {
    const files = stated.map(({ path }) => path).join(", ");
    diagnostics.push(
      diagnostic(
        "license-from-text",
        "info",
        `${files} read as SPDX "${agreed}" by its text`,
        "License-File",
      ),
    );
    return {
      license: { spdx: agreed, source: "license-file" },
      diagnostics,
      unsettled: null,
    };
  }
  // Once any file is read, the files said something: why it settles nothing.
  if (readings.length > 0) {
    for (const { path, reading } of readings) {
      if ("problem" in reading) problems.push(`${path} ${reading.problem}`);
    }
    if (expressions.size > 1) {
      const each = stated.map((s) => `${s.path} as ${s.expression}`).join(", ");
      problems.push(
        `the license files read as different licenses (${each}), and nothing says whether all apply or one is chosen`,
      );
    }
    for (const path of unread) problems.push(`${path} holds no license text wheel2pkg recognizes`);
  }
  const setIt = `set it in wheel2pkg.toml: [packages.${tomlKey(fields.name)}] license = "<SPDX expression>"`;
  const unsettled =
    problems.length > 0
      ? diagnostic("license-ambiguous", "error", `${problems.join("; ")}; ${setIt}`, "License")
      : diagnostic(
          "license-unknown",
          "error",
          `no license in License-Expression, classifiers, License or the license files; ${setIt}`,
          "License",
        );
  return { license: { spdx: "LicenseRef-Unknown", source: "none" }, diagnostics, unsettled };
}

/** A project name as a TOML key: bare when it can be, else quoted (`"zope.interface"`). */
function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
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

/**
 * DEP-5's own keywords for exceptions, where copyright-format 1.0 names the SPDX exception
 * ("GPL-2+ with Font exception"); any other exception keeps its SPDX id as its keyword.
 */
const debianExceptionKeywords: Readonly<Record<string, string>> = {
  "Font-exception-2.0": "Font",
};

/**
 * Translates an SPDX expression to DEP-5 syntax: Debian short names, `and`/`or`, and an
 * exception as copyright-format 1.0 writes it, `with <keyword> exception` (lintian:
 * bad-exception-format-in-dep5-copyright): `GPL-3.0-or-later WITH GCC-exception-3.1` is
 * `GPL-3+ with GCC-exception-3.1 exception`.
 */
export function toDebianLicense(spdx: string): string {
  const tokens = spdx.split(/(\s+|\(|\))/);
  let exception = false;
  return tokens
    .map((token) => {
      if (token === "AND") return "and";
      if (token === "OR") return "or";
      if (token === "WITH") {
        exception = true;
        return "with";
      }
      if (exception && token.trim() !== "") {
        exception = false;
        return `${debianExceptionKeywords[token] ?? token} exception`;
      }
      return debianShortNames[token] ?? token;
    })
    .join("");
}

/**
 * What one license file states: the license whose whole text it is, else the licenses of its
 * parts when it is made of several (license-sections.ts); null when it is no license wheel2pkg
 * recognizes.
 */
function readLicense(text: string): FileReading | null {
  const match = matchLicenseText(text);
  if (match === null) return readLicenseSections(text);
  return match.whole
    ? { licenses: [match.id] }
    : { problem: `holds the text of ${match.id}, which does not say whether later versions apply` };
}
