#!/usr/bin/env node
// Regenerates the lintian data that wheel2pkg reproduces lintian's checks with, read from an
// installed lintian and committed with the lintian version it came from:
//  - data/lintian/embedded-libs.json: the signatures by which the `embedded-library` check
//    (Lintian::Check::Libraries::Embedded) recognizes a library linked into an ELF file;
//  - data/lintian/privacy-breakers.json: what the privacy-breach checks
//    (Lintian::Check::Files::PrivacyBreach) look for in web files.
//
//   node scripts/update-lintian-data.mjs [--lintian /usr/share/lintian] [--out DIR]
//
// Each line of the data file is `label || options || perl-regex`. lintian trims every line and
// matches the regex against the strings(1) output of each ELF file it ships, unless the source
// package is the library's own (`source=` names it, `source-regex=` matches it). The regexes are
// kept as lintian writes them, with a leading `(?m)` / `(?i)` turned into JavaScript flags; one
// that JavaScript cannot compile stops the script.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    lintian: { type: "string", default: "/usr/share/lintian" },
    out: { type: "string", default: join(root, "data", "lintian") },
  },
});
const member = "data/binaries/embedded-libs";
const version = execFileSync("dpkg-query", ["-W", "-f", "${Version}", "lintian"], {
  encoding: "utf8",
}).trim();

/** A Perl regex as a JavaScript one: leading inline flags become flags. */
function toJavaScript(perl) {
  let pattern = perl;
  let flags = "";
  for (let m; (m = /^\(\?([a-z]+)\)/.exec(pattern)) !== null;) {
    flags += m[1];
    pattern = pattern.slice(m[0].length);
  }
  if (/[^im]/.test(flags)) throw new Error(`unsupported flags ${flags} in ${perl}`);
  new RegExp(pattern, flags);
  return { pattern, flags };
}

const signatures = [];
for (const raw of readFileSync(join(values.lintian, member), "utf8").split("\n")) {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) continue;
  const key = /^(\S+?)\s*\|\|/.exec(line);
  if (key === null) throw new Error(`not a data line: ${line}`);
  const rest = line.slice(key[0].length);
  const split = rest.indexOf("||");
  if (split === -1) throw new Error(`no regex: ${line}`);
  const options = Object.fromEntries(
    rest
      .slice(0, split)
      .split(" ")
      .filter(Boolean)
      .map((pair) => pair.split("=", 2)),
  );
  const label = key[1];
  signatures.push({
    label,
    libname: options.libname ?? label,
    ...(options["source-regex"] === undefined
      ? { source: options.source ?? label }
      : { sourceRegex: options["source-regex"] }),
    perl: rest.slice(split + 2),
    ...toJavaScript(rest.slice(split + 2)),
  });
}
writeFileSync(
  join(values.out, "embedded-libs.json"),
  `${JSON.stringify({ source: `lintian ${version}`, file: `usr/share/lintian/${member}`, signatures }, null, 2)}\n`,
);
console.log(`${signatures.length} signatures from lintian ${version}`);

// The privacy-breach data: `key ~~ value` lines, whose regexes lintian compiles with /xsm (white
// space in them means nothing). They are kept as lintian writes them and as JavaScript: white
// space removed (none of them has any in a character class or escaped), `\h` spelled out, `\A`
// and `\Z` as lookarounds, flags `ms`. The tag patterns' `(?:\s[^>]+)?\s+` (the attributes
// before the one looked for) becomes `\s(?:[^>]*\s)?`: the same strings, and the same matches
// and captures, without the nested repetition that takes seconds on a window of white space.
function perlExtended(perl) {
  const pattern = perl
    .replace(/(?<!\\)\s+/g, "")
    .replaceAll(String.raw`(?:\s[^>]+)?\s+`, String.raw`\s(?:[^>]*\s)?`)
    .replace(/\\h/g, "[ \\t]")
    .replace(/\\A/g, "(?<![\\s\\S])")
    .replace(/\\Z/g, "(?=\\n?(?![\\s\\S]))");
  new RegExp(pattern, "ms");
  return { pattern, flags: "ms" };
}
const byKey = (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
function lines(file) {
  return readFileSync(join(values.lintian, "data", "files", file), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const at = /\s*~~\s*/.exec(line);
      if (at === null) throw new Error(`${file}: not a data line: ${line}`);
      return { key: line.slice(0, at.index), value: line.slice(at.index + at[0].length) };
    });
}
const URL = String.raw`(?:(?:ht|f)tps?:)?\/\/[^"\r\n]*`;
const fragments = lines("privacy-breaker-fragments").map(({ key, value }) => {
  const [perl, tag] = value.split(/\s*~~\s*/, 2);
  return { key, perl, ...perlExtended(perl), tag };
});
const tagAttributes = lines("privacy-breaker-tag-attr").map(({ key, value }) => {
  const [keywords, perl] = value.split(/\s*~~\s*/, 2);
  return {
    key,
    // Alternatives (||) of keywords that must all be present (&&).
    keywords: keywords.split(/\s*\|\|\s*/).map((any) => any.split(/\s*&&\s*/)),
    perl,
    ...perlExtended(perl.replaceAll("&URL", URL)),
  };
});
const websites = lines("privacy-breaker-websites").map(({ key, value }) => {
  const [perl, tag, suggest] = value.split(/\s*~~\s*/, 3);
  return {
    key,
    perl,
    ...perlExtended(perl),
    tag: tag === undefined || tag.trim() === "" ? key : tag.trim(),
    ...(suggest === undefined ? {} : { suggest }),
  };
});
writeFileSync(
  join(values.out, "privacy-breakers.json"),
  `${JSON.stringify(
    {
      source: `lintian ${version}`,
      files: ["fragments", "tag-attr", "websites"].map(
        (name) => `usr/share/lintian/data/files/privacy-breaker-${name}`,
      ),
      fragments: fragments.sort(byKey),
      tagAttributes: tagAttributes.sort(byKey),
      websites: websites.sort(byKey),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `${fragments.length} fragments, ${tagAttributes.length} tag patterns, ${websites.length} websites`,
);
