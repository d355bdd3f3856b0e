#!/usr/bin/env node
// Regenerates data/spdx/license-texts.json: the SPDX texts of the licenses whose license files
// wheel2pkg recognizes (src/targets/common/license-texts.ts), from the spdx-license-list package
// (a development dependency, so the texts ship as this small data file only).
//
//   node scripts/update-license-texts.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const full = require("spdx-license-list/full");
const { version } = require("spdx-license-list/package.json");

// A text names these licenses completely.
const whole = ["MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Apache-2.0", "MPL-2.0"];
// A text names the version of these, not whether later versions apply (that is said in the
// project's notices): the key is the name without -only / -or-later.
const versionOnly = {
  "GPL-2.0": "GPL-2.0-only",
  "GPL-3.0": "GPL-3.0-only",
  "LGPL-2.1": "LGPL-2.1-only",
  "LGPL-3.0": "LGPL-3.0-only",
  "AGPL-3.0": "AGPL-3.0-only",
};
// The notice a license's own text tells projects to put in their files instead of the whole
// text (its "how to apply" appendix), from the start of the notice to the end of the text.
const notices = { "Apache-2.0": "Licensed under the Apache License, Version 2.0" };
const texts = [
  ...whole.map((id) => ({ id, whole: true, text: full[id].licenseText })),
  ...Object.entries(notices).map(([id, start]) => {
    const text = full[id].licenseText;
    if (!text.includes(start)) throw new Error(`${id}: no notice starting "${start}"`);
    return { id, whole: true, notice: true, text: text.slice(text.indexOf(start)) };
  }),
  ...Object.entries(versionOnly).map(([id, spdx]) => ({
    id,
    whole: false,
    text: full[spdx].licenseText,
  })),
];
const data = { source: `spdx-license-list ${version}`, texts };
writeFileSync(
  join(root, "data", "spdx", "license-texts.json"),
  `${JSON.stringify(data, null, 2)}\n`,
);
