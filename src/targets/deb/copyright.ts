import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { toDebianLicense } from "../common/license.js";
import { controlBlock } from "./control-text.js";

/** Licenses whose full text Debian ships in /usr/share/common-licenses (DEP-5 short names). */
const commonLicenses: ReadonlyMap<string, string> = new Map([
  ["Apache-2.0", "Apache-2.0"],
  ["Artistic", "Artistic"],
  ["CC0-1.0", "CC0-1.0"],
  ["GFDL-1.3", "GFDL-1.3"],
  ["GPL-1", "GPL-1"],
  ["GPL-2", "GPL-2"],
  ["GPL-2+", "GPL-2"],
  ["GPL-3", "GPL-3"],
  ["GPL-3+", "GPL-3"],
  ["LGPL-2", "LGPL-2"],
  ["LGPL-2+", "LGPL-2"],
  ["LGPL-2.1", "LGPL-2.1"],
  ["LGPL-2.1+", "LGPL-2.1"],
  ["LGPL-3", "LGPL-3"],
  ["LGPL-3+", "LGPL-3"],
  ["MPL-1.1", "MPL-1.1"],
  ["MPL-2.0", "MPL-2.0"],
]);

/** A stand-alone License paragraph of debian/copyright. */
export interface LicenseParagraph {
  name: string;
  lines: string[];
}

/**
 * The DEP-5 license of the package and its stand-alone License paragraphs: for each license
 * of the expression, the common-licenses pointer where Debian ships the text, else the
 * upstream license files' text (each file once).
 */
export function copyrightLicense(
  spdx: string,
  licenseTexts: ReadonlyMap<string, string>,
): { license: string; paragraphs: LicenseParagraph[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const license = toDebianLicense(spdx);
  const names = [
    ...new Set(
      license
        .split(/\s+(?:and|or|with)\s+|[()]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  // Texts of licenses Debian ships are referred to, not copied (lintian:
  // copyright-file-contains-full-apache-2-license, …-gpl-license).
  const upstreamText = [...licenseTexts.values()]
    .filter((text) => !isCommonLicenseText(text))
    .map((text) => controlBlock(text))
    .filter((lines) => lines.length > 0);
  const paragraphs = names.map((name): LicenseParagraph => {
    const common = commonLicenses.get(name);
    if (common !== undefined) {
      return {
        name,
        lines: [
          ` On Debian systems, the complete text of the ${name} license can be found in`,
          ` "/usr/share/common-licenses/${common}".`,
        ],
      };
    }
    if (upstreamText.length === 0) {
      diagnostics.push(
        diagnostic(
          "license-text-missing",
          "warning",
          `the wheel has no license file, so debian/copyright has no text for ${name}`,
          "License-File",
        ),
      );
      return { name, lines: [` The ${name} license text was not shipped with the wheel.`] };
    }
    return { name, lines: upstreamText.flatMap((lines, i) => (i > 0 ? [" .", ...lines] : lines)) };
  });
  return { license, paragraphs, diagnostics };
}

/** Whether a license file is the full text of a license in /usr/share/common-licenses. */
function isCommonLicenseText(text: string): boolean {
  const head = text.slice(0, 2000);
  return (
    /Apache License\s+Version 2\.0, January 2004/i.test(head) ||
    /GNU (LESSER |LIBRARY )?GENERAL PUBLIC LICENSE\s+Version [123]/i.test(head) ||
    /Mozilla Public License,? (Version|v\.) 2\.0/i.test(head)
  );
}
