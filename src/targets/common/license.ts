import type { ConfiguredLicense } from "../../config/types.js";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { isSpdxExpression } from "../../model/spdx.js";
import { classifierReading, licenseFieldReading } from "./license-readings.js";
import { matchLicenseText } from "./license-texts.js";

/** The license of a package as an SPDX expression, and where it came from. */
export interface LicenseInfo {
  /** A valid SPDX expression, or `LicenseRef-Unknown` when the inputs do not settle one. */
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
 * license (one without `-only`/`-or-later` variants). When the inputs say something but settle nothing, the license
 * is `LicenseRef-Unknown` with a `license-ambiguous` error that says how to set it.
 */
export function resolveLicense(
  fields: LicenseFields,
  configured?: ConfiguredLicense,
  licenseTexts: ReadonlyMap<string, string> = new Map(),
): { license: LicenseInfo; diagnostics: Diagnostic[] } {
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
    return { license: { spdx: configured.spdx, source: "config" }, diagnostics };
  }
  // Why each source that said something settled nothing.
  const problems: string[] = [];
  const expression = fields.licenseExpression?.trim();
  if (expression) {
    if (isSpdxExpression(expression)) {
      return { license: { spdx: expression, source: "License-Expression" }, diagnostics };
    }
    const problem = `License-Expression "${expression}" is not a valid SPDX expression`;
    problems.push(problem);
    diagnostics.push(
      diagnostic("license-expression-invalid", "warning", problem, "License-Expression"),
    );
  }
  const { named, unnamed } = classifierReading(fields.classifiers);
  if (named.length === 1 && unnamed.length === 0) {
    return { license: { spdx: named[0] as string, source: "classifier" }, diagnostics };
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
      return { license: { spdx: reading.spdx, source: "License" }, diagnostics };
    }
    problems.push(reading.problem);
  }
  const matches = [...licenseTexts.values()].map(matchLicenseText);
  const [first] = matches;
  if (first && matches.every((match) => match?.id === first.id)) {
    const files = [...licenseTexts.keys()].join(", ");
    if (first.whole) {
      diagnostics.push(
        diagnostic(
          "license-from-text",
          "info",
          `${files} read as SPDX "${first.id}" by its text`,
          "License-File",
        ),
      );
      return { license: { spdx: first.id, source: "license-file" }, diagnostics };
    }
    problems.push(
      `${files} holds the text of ${first.id}, which does not say whether later versions apply`,
    );
  }
  const setIt = `the packages say LicenseRef-Unknown (Debian: unknown) until it is set in wheel2pkg.toml: [packages.${tomlKey(fields.name)}] license = "<SPDX expression>"`;
  diagnostics.push(
    problems.length > 0
      ? diagnostic("license-ambiguous", "error", `${problems.join("; ")}; ${setIt}`, "License")
      : diagnostic(
          "license-unknown",
          "warning",
          `no license in License-Expression, classifiers, License or the license files; ${setIt}`,
          "License",
        ),
  );
  return { license: { spdx: "LicenseRef-Unknown", source: "none" }, diagnostics };
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
