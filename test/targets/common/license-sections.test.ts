import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { readLicenseSections } from "../../../src/targets/common/license-sections.js";
import { resolveLicense } from "../../../src/targets/common/license.js";

const full = createRequire(import.meta.url)("spdx-license-list/full") as Record<
  string,
  { licenseText: string }
>;
/** A pinned SPDX text as a project writes it. */
const text = (id: string) => full[id]?.licenseText ?? "";
/** A license file of the corpus's wheels (fixtures/licenses/). */
const real = (name: string) => readFileSync(`fixtures/licenses/${name}`, "utf8");
const rule =
  "\n\n--------------------------------------------------------------------------------\n\n";
const apacheNotice = text("Apache-2.0").slice(
  text("Apache-2.0").indexOf("Licensed under the Apache License"),
);

describe("readLicenseSections", () => {
  it.each([
    // python-dateutil: the Apache-2.0 notice for later contributions, then BSD-3-Clause for all.
    ["python-dateutil's LICENSE", real("python-dateutil-LICENSE"), ["Apache-2.0", "BSD-3-Clause"]],
    // sympy: BSD-3-Clause for sympy, Diofant, multipledispatch and PyDy; MIT for latex2sympy.
    ["sympy's LICENSE", real("sympy-LICENSE"), ["BSD-3-Clause", "MIT"]],
    // scipy: BSD-3-Clause, then the bundled libraries' own License lines.
    [
      "scipy's LICENSE.txt",
      real("scipy-LICENSE.txt"),
      [
        "BSD-3-Clause",
        "BSD-3-Clause-Open-MPI",
        "GPL-3.0-or-later WITH GCC-exception-3.1",
        "LGPL-2.1-or-later",
      ],
    ],
    ["a license and a section", `${text("MIT")}${rule}${text("ISC")}`, ["MIT", "ISC"]],
    [
      "a section that says what it covers",
      `${text("BSD-2-Clause")}${rule}The files under vendor/ are licensed as:\n\n${text("MIT")}`,
      ["BSD-2-Clause", "MIT"],
    ],
    ["an Apache notice and a heading", `NOTICE\n${rule}${apacheNotice}`, ["Apache-2.0"]],
    [
      "a bundled component whose license is a choice",
      `${text("MIT")}${rule}Name: lib\nFiles: x.so\nLicense: Apache-2.0 OR MIT\n  text\n`,
      ["MIT", "(Apache-2.0 OR MIT)"],
    ],
  ])("reads %s", (_, file, licenses) => {
    expect(readLicenseSections(file)).toEqual({ licenses });
  });

  it.each([
    [
      "a choice between its parts",
      `${text("MIT")}${rule}You may choose either license.\n\n${text("Apache-2.0")}`,
      /offers a choice between its licenses/,
    ],
    [
      "a part it does not recognize",
      `${text("MIT")}${rule}Permission to use this part is granted to members only.`,
      /has a part \("Permission to use this part .*"\) that is no license wheel2pkg recognizes/,
    ],
    [
      "a GPL text that does not say whether later versions apply",
      `${text("MIT")}${rule}${text("GPL-2.0-only")}`,
      /holding the text of GPL-2\.0, which does not say whether later versions apply/,
    ],
    [
      "a bundled component without a license",
      `${text("MIT")}${rule}Name: lib\nFiles: x.so\n`,
      /names the bundled component lib without a license/,
    ],
    [
      "a bundled component whose License is no SPDX expression",
      `${text("MIT")}${rule}Name: lib\nLicense: BSD-ish\n`,
      /gives the bundled component lib License "BSD-ish", not an SPDX expression/,
    ],
  ])("settles nothing for %s", (_, file, problem) => {
    const reading = readLicenseSections(file);
    expect(reading !== null && "problem" in reading ? reading.problem : "").toMatch(problem);
  });

  it("leaves a file of one part to the whole-text match", () => {
    expect(readLicenseSections(text("MIT"))).toBeNull();
    expect(readLicenseSections(`${text("MIT")}\n\n${text("Apache-2.0")}`)).toBeNull();
  });
});

describe("resolveLicense with a license file of several parts", () => {
  const fields = { name: "demo", licenseExpression: null, classifiers: [] };

  it.each([
    ["python-dateutil-LICENSE", "Dual License", "Apache-2.0 AND BSD-3-Clause"],
    ["sympy-LICENSE", "BSD", "BSD-3-Clause AND MIT"],
    [
      "scipy-LICENSE.txt",
      "Copyright (c) 2001-2002 Enthought, Inc. 2003, SciPy Developers.",
      "BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later",
    ],
  ])("settles %s (License: %s) as %s", (file, license, spdx) => {
    const result = resolveLicense(
      { ...fields, license },
      undefined,
      new Map([[`demo-1.0.dist-info/${file}`, real(file)]]),
    );
    expect(result.license).toEqual({ spdx, source: "license-file" });
    expect(result.unsettled).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["license-from-text"]);
  });

  it("names the file and its part that settle nothing", () => {
    const result = resolveLicense(
      { ...fields, license: "BSD" },
      undefined,
      new Map([["demo-1.0.dist-info/LICENSE", `${text("MIT")}${rule}${text("GPL-3.0-only")}`]]),
    );
    expect(result.unsettled?.code).toBe("license-ambiguous");
    expect(result.unsettled?.message).toMatch(
      /demo-1\.0\.dist-info\/LICENSE has a part .* holding the text of GPL-3\.0/,
    );
  });
});
