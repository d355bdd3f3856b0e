import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { copyrightLicense, referToCommonLicenses } from "../../../src/families/deb/copyright.js";

// Debian's own copies of the texts (base-files), as upstream projects paste them.
const common = (name: string) => readFileSync(`/usr/share/common-licenses/${name}`, "utf8");

const own = `Copyright (c) 2005-2025, Example Developers.
Redistribution and use in source and binary forms, with or without modification, are permitted.
`;
const trailer = `
Name: libquadmath
License: LGPL-2.1-or-later
    The component's own notice stays.
`;

describe("referToCommonLicenses", () => {
  it.each([
    ["GPL-3", "GNU General Public License version 3"],
    ["LGPL-2", "GNU Library General Public License version 2"],
    ["GPL-2", "GNU General Public License version 2"],
    ["LGPL-2.1", "GNU Lesser General Public License version 2.1"],
    ["LGPL-3", "GNU Lesser General Public License version 3"],
    ["Apache-2.0", "Apache License, Version 2.0"],
    ["MPL-2.0", "Mozilla Public License, version 2.0"],
  ])("replaces a full %s text appended to an upstream license", (file, title) => {
    const text = `${own}\n----\n\n${common(file)}${trailer}`;
    const result = referToCommonLicenses(text);
    expect(result.common).toBe(false);
    expect(result.text).toContain(own.trim());
    expect(result.text).toContain("The component's own notice stays.");
    expect(result.text).toContain(
      `the complete text of the ${title} can be found in "/usr/share/common-licenses/${file}"`,
    );
    // Nothing of the terms is left (lintian looks for these lines).
    expect(result.text).not.toMatch(/TERMS AND CONDITIONS|How to Apply|Definitions/i);
    expect(result.text.length).toBeLessThan(own.length + trailer.length + 300);
  });

  it.each(["GPL-3", "Apache-2.0", "LGPL-2.1"])("marks a file that is only the %s text", (file) => {
    expect(referToCommonLicenses(common(file)).common).toBe(true);
  });

  it("replaces two common texts in one file", () => {
    const result = referToCommonLicenses(`${own}${common("GPL-3")}\n${common("Apache-2.0")}`);
    expect(result.text.match(/On Debian systems/g)).toHaveLength(2);
    expect(result.common).toBe(false);
  });

  it("leaves a text without the end of the terms alone", () => {
    const truncated = `${own}\n${common("GPL-3").slice(0, 5000)}`;
    expect(referToCommonLicenses(truncated)).toEqual({ text: truncated, common: false });
  });

  it("leaves other licenses alone", () => {
    expect(referToCommonLicenses(own)).toEqual({ text: own, common: false });
  });
});

describe("copyrightLicense", () => {
  it("gives the upstream texts once, under the first license that needs them", () => {
    const texts = new Map([["LICENSE.txt", `${own}\n${common("GPL-3")}`]]);
    const result = copyrightLicense("BSD-3-Clause AND MIT AND Apache-2.0", texts);
    expect(result.license).toBe("BSD-3-clause and Expat and Apache-2.0");
    const byName = new Map<string, string>(
      result.paragraphs.map((p) => [p.name, p.lines.join("\n")]),
    );
    expect(byName.get("BSD-3-clause")).toContain("Example Developers");
    expect(byName.get("BSD-3-clause")).toContain("/usr/share/common-licenses/GPL-3");
    expect(byName.get("Expat")).toContain("given above");
    expect(byName.get("Expat")).not.toContain("Example Developers");
    expect(byName.get("Apache-2.0")).toContain("/usr/share/common-licenses/Apache-2.0");
    expect(result.diagnostics).toEqual([]);
  });

  it("says when the wheel has no license file", () => {
    const result = copyrightLicense("MIT", new Map());
    expect(result.diagnostics.map((d) => d.code)).toEqual(["license-text-missing"]);
  });
});

describe("copyrightLicense with an exception", () => {
  const scipy = readFileSync("fixtures/licenses/scipy-LICENSE.txt", "utf8");
  const spdx =
    "BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later";

  // lintian reads "X with Y exception" as one name that needs its own License paragraph
  // (missing-license-paragraph-in-dep5-copyright, bad-exception-format-in-dep5-copyright).
  it("gives the license with its exception one paragraph, as lintian reads it", () => {
    const result = copyrightLicense(spdx, new Map([["LICENSE.txt", scipy]]));
    expect(result.license).toBe(
      "BSD-3-clause and BSD-3-Clause-Open-MPI and GPL-3+ with GCC-exception-3.1 exception and LGPL-2.1+",
    );
    expect(result.paragraphs.map((p) => p.name)).toEqual([
      "BSD-3-clause",
      "BSD-3-Clause-Open-MPI",
      "GPL-3+ with GCC-exception-3.1 exception",
      "LGPL-2.1+",
    ]);
    const gpl = result.paragraphs[2]?.lines.join("\n") ?? "";
    expect(gpl).toContain('"/usr/share/common-licenses/GPL-3"');
    expect(gpl).toContain("are given above\n under License: BSD-3-clause.");
    expect(result.diagnostics).toEqual([]);
  });
});
