#!/usr/bin/env node
// The Debian builders side by side on the N smallest pure-Python corpus wheels (20 by default),
// each batch a whole process: `batch --build --builder direct`, `--builder dpkg`, the same batch
// without --build (what the builder adds is the difference), and `dpkg-deb --build` of the very
// trees the direct builder packed, one process per package. Seconds per package, at -j 1 and -j 2.
// Usage: node scripts/bench-builders.mjs [--corpus DIR] [--wheels N] [--runs N] [--target T]
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus" },
    wheels: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    target: { type: "string", default: "debian-12" },
  },
});
const count = Number(values.wheels);
const runs = Number(values.runs);
if (!existsSync(join(root, "dist", "bin", "wheel2pkg.js")))
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const cli = join(root, "bin", "wheel2pkg.js");
const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-bench-builders-"));

const pure = readdirSync(values.corpus)
  .filter((n) => n.endsWith("-none-any.whl"))
  .map((n) => join(values.corpus, n))
  .sort((a, b) => statSync(a).size - statSync(b).size)
  .slice(0, count);
const input = join(scratch, "wheels");
mkdirSync(input);
for (const wheel of pure) symlinkSync(wheel, join(input, wheel.split("/").pop()));

/** Wall seconds of one command as a whole process. */
function seconds(command, args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One batch into a fresh output directory; returns the output directory and its seconds. */
function batch(extra, jobs) {
  const out = mkdtempSync(join(scratch, "out-"));
  const s = seconds("node", [
    cli,
    "batch",
    input,
    "--target",
    values.target,
    "--out",
    out,
    "--quiet",
    "-j",
    String(jobs),
    ...extra,
  ]);
  return { out, s };
}

/** The .deb files below a directory. */
function debsBelow(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((p) => String(p).endsWith(".deb"))
    .map((p) => join(dir, String(p)));
}

console.log(
  `builders: ${pure.length} smallest pure wheels of ${values.corpus}, ${values.target}, median of ${runs} runs; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${cpus().length} CPUs`,
);
const rows = [];
for (const jobs of [1, 2]) {
  const sample = (extra) => {
    const results = Array.from({ length: runs }, () => batch(extra, jobs));
    return { s: median(results.map((r) => r.s)), out: results[0].out };
  };
  const plan = sample([]);
  const direct = sample(["--build", "--builder", "direct"]);
  const dpkg = sample(["--build", "--builder", "dpkg"]);
  // The trees the direct builder packed, unpacked with their control files, built again by
  // dpkg-deb alone: the floor of writing these packages with a separate process each.
  const trees = debsBelow(direct.out).map((deb, i) => {
    const tree = join(scratch, `tree-${jobs}-${i}`);
    execFileSync("dpkg-deb", ["-R", deb, tree]);
    return tree;
  });
  const dpkgDeb = median(
    Array.from({ length: runs }, () => {
      let total = 0;
      for (const tree of trees) {
        total += seconds("dpkg-deb", [
          "--root-owner-group",
          "-Zxz",
          "-z2",
          "--build",
          tree,
          join(scratch, "rebuilt.deb"),
        ]);
      }
      return total;
    }),
  );
  const per = (s) => ((s / pure.length) * 1000).toFixed(1);
  rows.push([
    `-j ${jobs}`,
    per(direct.s),
    per(dpkg.s),
    (dpkg.s / direct.s).toFixed(1),
    per(plan.s),
    per(direct.s - plan.s),
    per(dpkg.s - plan.s),
    per(dpkgDeb),
  ]);
}
// The direct builder alone, in one process through the library: each package planned and written
// once, then built; no process start, no lint of the built package.
const library = await import(join(root, "dist", "index.js"));
const profile = library.getProfile(values.target);
const written = [];
for (const wheel of pure) {
  const plan = await library.planConversion(wheel, { profiles: [profile] });
  written.push(await library.writePackage(mkdtempSync(join(scratch, "lib-")), plan.packages[0]));
}
const inProcess = median(
  await Array.from({ length: runs }).reduce(async (done) => {
    const samples = await done;
    const started = process.hrtime.bigint();
    for (const w of written)
      await library.buildNative(w, profile, 1_700_000_000, { builder: "direct" });
    return [...samples, Number(process.hrtime.bigint() - started) / 1e9];
  }, Promise.resolve([])),
);
console.log(
  `direct builder in-process: ${((inProcess / pure.length) * 1000).toFixed(1)} ms/package (dpkg-deb --build column: one process per package)`,
);
const header = [
  "",
  "direct ms/pkg",
  "dpkg ms/pkg",
  "dpkg÷direct",
  "no --build",
  "direct builder",
  "dpkg builder",
  "dpkg-deb --build",
];
const cells = [header, ...rows];
const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
for (const row of cells) console.log(row.map((c, i) => String(c).padStart(widths[i])).join("  "));
rmSync(scratch, { recursive: true, force: true });
