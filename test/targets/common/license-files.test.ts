import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planConversion } from "../../../src/convert/index.js";
import { getProfile } from "../../../src/profiles/index.js";
import { isLicenseFile, sortLicenseFiles } from "../../../src/targets/common/license-files.js";
import { fixedPackaging, root } from "../../helpers/convert.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const bsd3 = readFileSync(join(root, "fixtures", "licenses", "colorama-LICENSE.txt"), "utf8");
// prompt_toolkit 3.0.52 lists its AUTHORS.rst as a License-File.
const authors =
  "Authors\n=======\n\nCreator\n-------\nJonathan Slenders <jonathan AT slenders.be>\n\nContributors\n------------\n\n- Amjith Ramanujam <amjith.r AT gmail.com>\n";
const notice = "This product includes software developed by Demo Ltd (https://example.org/).\n";

describe("isLicenseFile", () => {
  it.each([
    ["demo.dist-info/licenses/LICENSE", bsd3, true],
    ["demo.dist-info/licenses/AUTHORS.rst", authors, false],
    // Named as a list of authors, but holding a license text: a license.
    ["demo.dist-info/AUTHORS", bsd3, true],
    ["demo.dist-info/NOTICE", `${notice}Licensed under the Apache License, Version 2.0.\n`, false],
    // A license nobody knows, stated in its own words: a license.
    ["demo.dist-info/COPYING", "You may use this file only with permission of Demo Ltd.\n", true],
    // A file that states no terms at all.
    ["demo.dist-info/licenses/LICENSE.md", "Jane Doe <jane@example.org>\n", false],
  ])("%s", (path, text, expected) => {
    expect(isLicenseFile(path, text)).toBe(expected);
  });

  it("goes by the name alone when the text was not read", () => {
    expect(sortLicenseFiles(["d/LICENSE", "d/AUTHORS.rst", "d/COPYING", "d/NOTICE.txt"])).toEqual({
      licenses: ["d/LICENSE", "d/COPYING"],
      others: ["d/AUTHORS.rst", "d/NOTICE.txt"],
    });
  });
});

describe("a wheel that lists its AUTHORS as a license file (prompt_toolkit)", () => {
  const scratch = scratchDirectory();
  afterAll(() => {
    scratch.remove();
  });
  const wheel = scratch.wheel({
    metadata: [
      "Metadata-Version: 2.4",
      "Name: demo",
      "Version: 1.0",
      "Classifier: License :: OSI Approved :: BSD License",
      "License-File: LICENSE",
      "License-File: AUTHORS.rst",
      "",
    ].join("\n"),
    distInfo: { "licenses/LICENSE": bsd3, "licenses/AUTHORS.rst": authors },
  });

  it("settles the license from the license alone and leaves the authors out of it", async () => {
    const plan = await planConversion(wheel, {
      profiles: [getProfile("debian-12"), getProfile("fedora")],
      packaging: fixedPackaging,
    });
    expect(plan.diagnostics.map((d) => d.code)).not.toContain("license-ambiguous");
    expect(plan.diagnostics.map((d) => d.code)).toContain("license-file-not-a-license");
    const file = (target: string, name: string) =>
      plan.packages.find((p) => p.profile.id === target)?.files.find((f) => f.path.endsWith(name))
        ?.content ?? "";
    const copyright = file("debian-12", "debian/copyright");
    expect(copyright).toContain("License: BSD-3-clause");
    expect(copyright).toContain("Redistribution and use in source and binary forms");
    expect(copyright).not.toContain("Jonathan Slenders");
    const spec = file("fedora", ".spec");
    expect(spec).toMatch(/^License:\s+BSD-3-Clause$/m);
    expect(spec).not.toMatch(/%license .*AUTHORS/);
  });
});
