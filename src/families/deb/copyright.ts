import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { toDebianLicense } from "../../targets/common/license.js";
import { deb822, type Deb822Text } from "../../targets/text.js";
import { controlBlock, controlValue } from "./control-text.js";

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
// A type, not an interface: a template context takes only types with known keys.
export type LicenseParagraph = {
  name: Deb822Text;
  lines: Deb822Text[];
};

/**
 * The DEP-5 license of the package and its stand-alone License paragraphs: for each license
 * of the expression, the common-licenses pointer where Debian ships the text, else the
 * upstream license files' text (each file once). A license with an exception
 * (`GPL-3+ with GCC-exception-3.1 exception`) is one name, as lintian reads it: its paragraph
 * points to the license's common text and gives the exception's from the upstream files.
 */
export function copyrightLicense(
  spdx: string,
  licenseTexts: ReadonlyMap<string, string>,
): { license: Deb822Text; paragraphs: LicenseParagraph[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const license = toDebianLicense(spdx);
  const names = [
    ...new Set(
      license
        .split(/\s+(?:and|or)\s+|[()]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  // Texts of licenses Debian ships are referred to, not copied (lintian:
  // copyright-file-contains-full-apache-2-license, …-gpl-license), also inside an upstream file
  // that appends them to its own license (numpy's LICENSE.txt carries the GPL of libgfortran).
  const upstreamText = [...licenseTexts.values()]
    .map((text) => referToCommonLicenses(text))
    .filter((text) => !text.common)
    .map((text) => controlBlock(text.text))
    .filter((lines) => lines.length > 0);
  // The upstream files are given once, under the first license that needs them.
  let textsGivenUnder: Deb822Text | null = null;
  /** The upstream files' text, or where it was given, or that the wheel has none. */
  const upstream = (name: Deb822Text): Deb822Text[] => {
    if (upstreamText.length === 0) {
      diagnostics.push(
        diagnostic(
          "license-text-missing",
          "warning",
          `the wheel has no license file, so debian/copyright has no text for ${name}`,
          "License-File",
        ),
      );
      return [deb822` The ${name} license text was not shipped with the wheel.`];
    }
    if (textsGivenUnder !== null) {
      return [
        deb822` The upstream license files, which include the ${name} terms, are given above`,
        deb822` under License: ${textsGivenUnder}.`,
      ];
    }
    textsGivenUnder = name;
    return upstreamText.flatMap((lines, i) => (i > 0 ? [deb822` .`, ...lines] : lines));
  };
  const paragraphs = names.map((text): LicenseParagraph => {
    const name = controlValue(text);
    const [base = text, exception] = text.split(/\s+with\s+/);
    const common = commonLicenses.get(base);
    if (common === undefined) return { name, lines: upstream(name) };
    const pointer = [
      deb822` On Debian systems, the complete text of the ${controlValue(base)} license can be found in`,
      deb822` "/usr/share/common-licenses/${controlValue(common)}".`,
    ];
    return {
      name,
      lines: exception === undefined ? pointer : [...pointer, deb822` .`, ...upstream(name)],
    };
  });
  return { license: controlValue(license), paragraphs, diagnostics };
}

/**
 * Full license texts that Debian ships in /usr/share/common-licenses, found by their first line
 * and the end of their terms, then the end of their "how to apply" appendix when it follows.
 */
const commonTexts: readonly {
  file: string;
  title: string;
  start: RegExp;
  terms: RegExp;
  appendix?: RegExp;
}[] = [
  {
    file: "GPL-3",
    title: "GNU General Public License version 3",
    start: /^[ \t]*GNU GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version 3, 29 June 2007/m,
    terms: /END OF TERMS AND CONDITIONS/,
    appendix: /why-not-lgpl\.html>?\.?/,
  },
  {
    file: "GPL-2",
    title: "GNU General Public License version 2",
    start: /^[ \t]*GNU GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version 2, June 1991/m,
    terms: /END OF TERMS AND CONDITIONS/,
    appendix: /Public License instead of this License\./,
  },
  {
    file: "LGPL-2.1",
    title: "GNU Lesser General Public License version 2.1",
    start: /^[ \t]*GNU LESSER GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version 2\.1, February 1999/m,
    terms: /END OF TERMS AND CONDITIONS/,
    appendix: /That's all there is to it!/,
  },
  {
    file: "LGPL-2",
    title: "GNU Library General Public License version 2",
    start: /^[ \t]*GNU LIBRARY GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version 2, June 1991/m,
    terms: /END OF TERMS AND CONDITIONS/,
    appendix: /That's all there is to it!/,
  },
  {
    file: "LGPL-3",
    title: "GNU Lesser General Public License version 3",
    start: /^[ \t]*GNU LESSER GENERAL PUBLIC LICENSE[ \t]*\n[ \t]*Version 3, 29 June 2007/m,
    terms: /choose that version for the\s+Library\./,
  },
  {
    file: "Apache-2.0",
    title: "Apache License, Version 2.0",
    start: /^[ \t]*Apache License[ \t]*\n[ \t]*Version 2\.0, January 2004/m,
    terms: /END OF TERMS AND CONDITIONS/,
    appendix: /limitations under the License\./,
  },
  {
    file: "MPL-2.0",
    title: "Mozilla Public License, version 2.0",
    start: /^[ \t]*Mozilla Public License,? (?:Version|v\.) 2\.0/im,
    terms: /defined by the Mozilla Public License, v\. 2\.0\./,
  },
];

/** How far past a license's start its end is looked for (the GPL-3 is about 35 KB). */
const LICENSE_TEXT_MAX = 48 * 1024;
/** How far past the end of the terms a "how to apply" appendix is looked for. */
const APPENDIX_MAX = 4 * 1024;

/**
 * An upstream license file with every full text of a common license replaced by a pointer to
 * /usr/share/common-licenses; `common` when nothing else is left.
 */
export function referToCommonLicenses(text: string): { text: string; common: boolean } {
  let rest = text.replace(/\r\n?/g, "\n");
  let replaced = false;
  for (const license of commonTexts) {
    for (;;) {
      const start = license.start.exec(rest);
      if (start === null) break;
      const window = rest.slice(start.index, start.index + LICENSE_TEXT_MAX);
      const terms = license.terms.exec(window);
      if (terms === null) break;
      let end = start.index + terms.index + terms[0].length;
      const after = rest.slice(end, end + APPENDIX_MAX);
      const appendix = license.appendix?.exec(after);
      if (appendix) end += appendix.index + appendix[0].length;
      const pointer = `On Debian systems, the complete text of the ${license.title} can be found in "/usr/share/common-licenses/${license.file}".`;
      rest = `${rest.slice(0, start.index)}${pointer}${rest.slice(end)}`;
      replaced = true;
    }
  }
  const common =
    isCommonLicenseText(text) ||
    (replaced &&
      rest
        .split("\n")
        .every(
          (line) => line.trim() === "" || line.startsWith("On Debian systems, the complete text"),
        ));
  return { text: replaced ? rest : text, common };
}

/** Whether a license file is, from its start, the full text of a common license. */
function isCommonLicenseText(text: string): boolean {
  return commonTexts.some((license) => {
    const start = license.start.exec(text);
    return start !== null && text.slice(0, start.index).trim() === "";
  });
}
