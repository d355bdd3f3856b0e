#!/usr/bin/env node
// Regenerates data/debian/cpython3_fallback.json: the Python distribution name → Debian package
// map that dh-python ships (usr/share/dh-python/dist/cpython3_fallback), committed as data with
// the version of the dh-python package it came from.
//
//   npm run update-data                        download dh-python with apt-get (no root needed)
//   node scripts/update-data.mjs --fallback FILE --source "dh-python 1.0" [--out FILE]
//                                              read a local fallback file instead (offline, tests)
//
// The fallback file has one `dist_name [python-version-range] [dependency] [; rules]` line per
// distribution. wheel2pkg keeps the dependency only:
//  - an empty dependency means "ignore this requirement" and is kept as "";
//  - a dependency with a fixed version (`argparse python3 (>= 3.2)`) is kept whole;
//  - lines limited to some Python versions are left out (none exist today; wheel2pkg has one
//    table for every Debian target), and version-translation rules after `;` are dropped
//    (wheel2pkg translates versions itself). Both are reported on stderr.
// dh-python reads the file top to bottom and the first line for a key wins, so when two names
// share a key (`SimPy`, `simpy`) the later one is left out here too.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const member = "usr/share/dh-python/dist/cpython3_fallback";

// The line grammar of dh-python's pydist module: name, optional version range, optional
// dependency, optional translation rules. dh-python searches for a name starting with a letter
// anywhere in the line, so it reads `_pycbf` as `pycbf` (kept: `_pycbf` is no valid PEP 508
// name) and `2ping 2ping` as "ignore ping" (a bug: here a name may start with a digit, as PEP 508
// allows, and the line maps 2ping to 2ping).
const LINE =
  /^[^A-Za-z0-9]*(?<name>[A-Za-z0-9][A-Za-z0-9_.-]*)(?:\s+(?<range>-?\d\.\d+(?:-(?:\d\.\d+)?)?))?(?:\s+(?<dependency>[a-z0-9][^;]*?))?\s*(?:;\s*(?<rules>.*))?$/;

// dh-python's key for a distribution name (its safe_name): every run of characters other than
// ASCII letters, digits and dots becomes `_`, then lower case. Mirrors src/families/deb/debian-data.ts.
const dhKey = (name) => name.replace(/[^A-Za-z0-9.]+/g, "_").toLowerCase();

/** Parses fallback text into { map, warnings }; throws on a line dh-python would refuse. */
function parseFallback(text) {
  const entries = new Map();
  const warnings = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = LINE.exec(line);
    if (match === null) throw new Error(`line ${index + 1}: not a dh-python pydist line: ${line}`);
    const { name, range, dependency, rules } = match.groups;
    if (range !== undefined) {
      warnings.push(`line ${index + 1}: left out (limited to Python ${range}): ${line}`);
      return;
    }
    if (rules !== undefined) {
      warnings.push(`line ${index + 1}: version rules dropped: ${line}`);
    }
    const key = dhKey(name);
    const first = entries.get(key);
    if (first !== undefined) {
      warnings.push(`line ${index + 1}: left out (${first.name} has the same key): ${line}`);
      return;
    }
    entries.set(key, { name, dependency: dependency ?? "" });
  });
  const sorted = [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { map: Object.fromEntries(sorted.map((e) => [e.name, e.dependency])), warnings };
}

/** Downloads dh-python into a temporary directory; returns its fallback text and version. */
function downloadFallback() {
  const work = mkdtempSync(join(tmpdir(), "wheel2pkg-dh-python-"));
  try {
    execFileSync("apt-get", ["download", "dh-python"], { cwd: work, stdio: "inherit" });
    const deb = readdirDeb(work);
    const [pkg, version] = execFileSync("dpkg-deb", ["-f", deb, "Package", "Version"], {
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .map((field) => field.replace(/^[^:]+:\s*/, ""));
    execFileSync("dpkg-deb", ["-x", deb, join(work, "root")]);
    return { text: readFileSync(join(work, "root", member), "utf8"), source: `${pkg} ${version}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readdirDeb(dir) {
  const deb = readdirSync(dir).find(
    (name) => name.startsWith("dh-python_") && name.endsWith(".deb"),
  );
  if (deb === undefined) throw new Error(`apt-get download left no dh-python .deb in ${dir}`);
  return join(dir, deb);
}

const { values } = parseArgs({
  options: {
    fallback: { type: "string" },
    source: { type: "string" },
    out: { type: "string", default: join(root, "data", "debian", "cpython3_fallback.json") },
  },
});
if ((values.fallback === undefined) !== (values.source === undefined)) {
  throw new Error("--fallback and --source go together");
}
const { text, source } =
  values.fallback === undefined
    ? downloadFallback()
    : { text: readFileSync(values.fallback, "utf8"), source: values.source };
const { map, warnings } = parseFallback(text);
for (const warning of warnings) process.stderr.write(`update-data: ${warning}\n`);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ source, file: member, map }, null, 2)}\n`);
process.stdout.write(
  `update-data: ${Object.keys(map).length} names from ${source} → ${values.out}\n`,
);
