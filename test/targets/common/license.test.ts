import { describe, expect, it } from "vitest";
import {
  resolveLicense,
  toDebianLicense,
  type LicenseFields,
} from "../../../src/targets/common/license.js";

const lgplClassifier =
  "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)";

function fields(overrides: Partial<LicenseFields>): LicenseFields {
  return {
    name: "paramiko",
    licenseExpression: null,
    license: null,
    classifiers: [],
    ...overrides,
  };
}

function codes(result: ReturnType<typeof resolveLicense>): string[] {
  return result.diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("resolveLicense", () => {
  it.each<[string, Partial<LicenseFields>, string, string]>([
    [
      "License-Expression",
      { licenseExpression: "MIT OR Apache-2.0", license: "LGPL" },
      "MIT OR Apache-2.0",
      "License-Expression",
    ],
    [
      "a versioned classifier",
      {
        classifiers: [
          "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)",
        ],
      },
      "LGPL-2.0-or-later",
      "classifier",
    ],
    [
      "a classifier before License",
      { license: "GPL", classifiers: ["License :: OSI Approved :: MIT License"] },
      "MIT",
      "classifier",
    ],
    [
      "the same license twice",
      {
        classifiers: [
          "License :: OSI Approved :: MIT License",
          "License :: OSI Approved :: MIT License",
        ],
      },
      "MIT",
      "classifier",
    ],
    ["an SPDX id", { license: "MIT" }, "MIT", "License"],
    [
      "an SPDX expression",
      { license: "Apache-2.0 OR BSD-3-Clause" },
      "Apache-2.0 OR BSD-3-Clause",
      "License",
    ],
    [
      "a License beside an unversioned classifier",
      { license: "BSD-3-Clause", classifiers: ["License :: OSI Approved :: BSD License"] },
      "BSD-3-Clause",
      "License",
    ],
    ["a name with its version", { license: "Apache License 2.0" }, "Apache-2.0", "License"],
    ["GPLv2+", { license: "GPLv2+" }, "GPL-2.0-or-later", "License"],
    ["GPLv2", { license: "GPLv2" }, "GPL-2.0-only", "License"],
    ["a version without or later", { license: "GPL v3" }, "GPL-3.0-only", "License"],
    ["or later in words", { license: "LGPL v2.1 or later" }, "LGPL-2.1-or-later", "License"],
    ["a clause count", { license: "BSD 3-clause" }, "BSD-3-Clause", "License"],
    ["a name without versions", { license: "MIT License" }, "MIT", "License"],
    // jsonpatch and jsonpointer: OSI's former name of the 3-clause license.
    ["Modified BSD License", { license: "Modified BSD License" }, "BSD-3-Clause", "License"],
    ["New BSD", { license: "new-BSD" }, "BSD-3-Clause", "License"],
    ["Simplified BSD License", { license: "Simplified BSD License" }, "BSD-2-Clause", "License"],
    // rsa: Fedora's former short name.
    ["ASL 2", { license: "ASL 2" }, "Apache-2.0", "License"],
  ])("reads %s", (_, input, spdx, source) => {
    const result = resolveLicense(fields(input));
    expect(result.license).toEqual({ spdx, source });
    expect(codes(result).filter((c) => c.startsWith("error"))).toEqual([]);
  });

  it.each<[string, Partial<LicenseFields>]>([
    ["paramiko's License: LGPL", { license: "LGPL", classifiers: [lgplClassifier] }],
    ["License: GPL", { license: "GPL" }],
    ["License: BSD", { license: "BSD" }],
    ["License: BSD License", { license: "BSD License" }],
    ["License: Apache", { license: "Apache" }],
    ["License: MPL", { license: "MPL" }],
    [
      "an unversioned classifier",
      { classifiers: ["License :: OSI Approved :: GNU General Public License (GPL)"] },
    ],
    [
      "Apache Software License",
      { classifiers: ["License :: OSI Approved :: Apache Software License"] },
    ],
    [
      "two classifiers",
      {
        classifiers: [
          "License :: OSI Approved :: MIT License",
          "License :: OSI Approved :: ISC License (ISCL)",
        ],
      },
    ],
    [
      "a named and an unnamed classifier",
      {
        classifiers: [
          "License :: OSI Approved :: MIT License",
          "License :: OSI Approved :: BSD License",
        ],
      },
    ],
    ["an invalid License-Expression", { licenseExpression: "MIT or something" }],
    ["a license text", { license: "Permission is hereby granted, free of charge,\nto any person" }],
    ["a name no SPDX license has", { license: "Dual License" }],
    ["ASL without a version", { license: "ASL" }],
  ])("finds %s ambiguous, with an error that says how to set it", (_, input) => {
    const result = resolveLicense(fields(input));
    expect(result.license).toEqual({ spdx: "LicenseRef-Unknown", source: "none" });
    expect(result.unsettled?.code).toBe("license-ambiguous");
    expect(result.unsettled?.severity).toBe("error");
    expect(result.unsettled?.message).toContain(
      '[packages.paramiko] license = "<SPDX expression>"',
    );
  });

  it("never gives paramiko's LGPL a version", () => {
    const result = resolveLicense(fields({ license: "LGPL", classifiers: [lgplClassifier] }));
    expect(result.license.spdx).toBe("LicenseRef-Unknown");
    expect(toDebianLicense(result.license.spdx)).toBe("unknown");
  });

  it.each([null, "", "UNKNOWN"])("says so when nothing names a license (License %j)", (license) => {
    const result = resolveLicense(fields({ license, classifiers: ["License :: OSI Approved"] }));
    expect(result.license).toEqual({ spdx: "LicenseRef-Unknown", source: "none" });
    expect(codes(result)).toEqual([]);
    expect(result.unsettled?.code).toBe("license-unknown");
    expect(result.unsettled?.severity).toBe("error");
  });

  it("takes the configured license over everything, with a note", () => {
    const result = resolveLicense(fields({ licenseExpression: "MIT", license: "LGPL" }), {
      spdx: "LGPL-2.1-or-later",
      origin: "wheel2pkg.toml:2:1: packages.paramiko.license",
    });
    expect(result.license).toEqual({ spdx: "LGPL-2.1-or-later", source: "config" });
    expect(codes(result)).toEqual(["info license-configured"]);
  });

  it("quotes a project name that is not a bare TOML key", () => {
    const result = resolveLicense(fields({ name: "zope.interface", license: "GPL" }));
    expect(result.unsettled?.message).toContain('[packages."zope.interface"] license');
  });

  it("reports a corrected License field as a guess", () => {
    expect(codes(resolveLicense(fields({ license: "GPLv2+" })))).toEqual(["info license-guessed"]);
  });
});

describe("toDebianLicense", () => {
  it.each([
    ["LGPL-2.1-or-later", "LGPL-2.1+"],
    ["MIT OR Apache-2.0", "Expat or Apache-2.0"],
    ["GPL-3.0-only", "GPL-3"],
    ["LicenseRef-Unknown", "unknown"],
    // copyright-format 1.0: "with <keyword> exception"; its own keyword where it has one.
    ["GPL-3.0-or-later WITH GCC-exception-3.1", "GPL-3+ with GCC-exception-3.1 exception"],
    ["GPL-2.0-or-later WITH Font-exception-2.0", "GPL-2+ with Font exception"],
    [
      "BSD-3-Clause AND (GPL-2.0-only WITH Classpath-exception-2.0 OR MIT)",
      "BSD-3-clause and (GPL-2 with Classpath-exception-2.0 exception or Expat)",
    ],
  ])("%s is %s", (spdx, debian) => {
    expect(toDebianLicense(spdx)).toBe(debian);
  });
});
