import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { resolveLicense } from "../../../src/targets/common/license.js";
import { matchLicenseText } from "../../../src/targets/common/license-texts.js";

const full = createRequire(import.meta.url)("spdx-license-list/full") as Record<
  string,
  { licenseText: string }
>;

/** A license file as a project writes it: the SPDX text with its placeholders filled in. */
function licenseFile(id: string): string {
  return (full[id]?.licenseText ?? "")
    .replace(/<year>|\[yyyy\]/g, "2024")
    .replace(/<copyright holders>|<owner>|\[name of copyright owner\]/g, "The Example Authors")
    .replace(/copyright holder/g, "Example Project");
}

describe("matchLicenseText", () => {
  it.each(["MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Apache-2.0", "MPL-2.0"])(
    "recognizes the %s text",
    (id) => {
      expect(matchLicenseText(licenseFile(id))).toEqual({ id, whole: true });
    },
  );

  // colorama's own LICENSE.txt words clauses its own way; Debian's package says BSD-3-clause.
  it("recognizes a real BSD-3-Clause file that rewords a clause", () => {
    const colorama = readFileSync("fixtures/licenses/colorama-LICENSE.txt", "utf8");
    expect(matchLicenseText(colorama)).toEqual({ id: "BSD-3-Clause", whole: true });
  });

  it.each([
    ["GPL-2.0-only", "GPL-2.0"],
    ["GPL-3.0-only", "GPL-3.0"],
    ["LGPL-2.1-only", "LGPL-2.1"],
  ])("gives the %s text its version only", (spdx, id) => {
    expect(matchLicenseText(licenseFile(spdx))).toEqual({ id, whole: false });
  });

  it.each([
    ["a text of its own", "All rights reserved. Ask us before using this."],
    ["MIT with another license appended", `${licenseFile("MIT")}\n\n${licenseFile("Apache-2.0")}`],
    ["a license not in the list", licenseFile("Zlib")],
  ])("matches nothing for %s", (_, text) => {
    expect(matchLicenseText(text)).toBeNull();
  });
});

describe("resolveLicense with license files", () => {
  const fields = { name: "demo", licenseExpression: null, classifiers: [] };

  it("settles an unversioned License by the file's text", () => {
    const result = resolveLicense(
      { ...fields, license: "BSD" },
      undefined,
      new Map([["demo-1.0.dist-info/LICENSE", licenseFile("BSD-3-Clause")]]),
    );
    expect(result.license).toEqual({ spdx: "BSD-3-Clause", source: "license-file" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["license-from-text"]);
  });

  it("keeps an LGPL text ambiguous: it does not say whether later versions apply", () => {
    const result = resolveLicense(
      { ...fields, license: "LGPL" },
      undefined,
      new Map([["demo-1.0.dist-info/LICENSE", licenseFile("LGPL-2.1-only")]]),
    );
    expect(result.license.spdx).toBe("LicenseRef-Unknown");
    expect(result.unsettled?.code).toBe("license-ambiguous");
    expect(result.unsettled?.message).toMatch(
      /LICENSE holds the text of LGPL-2\.1, which does not say whether later/,
    );
  });

  it("settles nothing when the files hold different licenses, and says which", () => {
    const result = resolveLicense(
      { ...fields, license: null },
      undefined,
      new Map([
        ["a/LICENSE-MIT", licenseFile("MIT")],
        ["a/LICENSE-APACHE", licenseFile("Apache-2.0")],
      ]),
    );
    expect(result.license.source).toBe("none");
    expect(result.diagnostics).toEqual([]);
    expect(result.unsettled?.code).toBe("license-ambiguous");
    expect(result.unsettled?.message).toContain(
      "the license files read as different licenses (a/LICENSE-MIT as MIT, a/LICENSE-APACHE as Apache-2.0)",
    );
  });

  // A file it cannot read leaves the others' license unsettled; the message names both.
  it.each([
    ["MIT", /a\/NOTICE holds no license text wheel2pkg recognizes/],
    ["LGPL-2.1-only", /a\/LICENSE holds the text of LGPL-2\.1, which does not say whether later/],
  ])("says why a %s file beside an unknown text settles nothing", (id, problem) => {
    const result = resolveLicense(
      { ...fields, license: null },
      undefined,
      new Map([
        ["a/LICENSE", licenseFile(id)],
        ["a/NOTICE", "This product includes software developed by Example.\n"],
      ]),
    );
    expect(result.license.source).toBe("none");
    expect(result.unsettled?.code).toBe("license-ambiguous");
    expect(result.unsettled?.message).toMatch(problem);
  });
});
