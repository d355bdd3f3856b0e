#!/usr/bin/env node
// Speed of `wheel2pkg batch`, each run as a whole process:
//  - without --build over the corpus (../shared/corpus, built into /tmp/corpus when missing), for
//    each target alone and for all together: wheels per second, and the time of a second run
//    that finds everything unchanged;
//  - with --build over the smallest pure-Python corpus wheels that convert on every target
//    (24 by default), for each target, sequential (-j 1) against -j 2: seconds per package.
// Usage: npm run bench:batch [-- --corpus DIR] [-- --targets debian-12,fedora]
//          [-- --build-wheels N] [-- --no-build] [-- --json FILE]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus" },
    targets: { type: "string", default: "debian-12,fedora" },
    "build-wheels": { type: "string", default: "24" },
    "no-build": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const corpus = values.corpus;
const targets = values.targets.split(",").filter(Boolean);
if (!existsSync(corpus) || readdirSync(corpus).filter((n) => n.endsWith(".whl")).length === 0) {
  const maker = join(root, "..", "shared", "corpus", "make-corpus.sh");
  console.error(`building the corpus in ${corpus} with ${maker} …`);
  execFileSync("bash", [maker, corpus], { stdio: "inherit" });
}
if (!existsSync(join(root, "dist", "bin", "wheel2pkg.js")))
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const cli = join(root, "bin", "wheel2pkg.js");
const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-bench-batch-"));

/** Runs one batch as a whole process; returns wall seconds and the report. */
function batch(input, out, target, extra) {
  const report = join(scratch, "report.json");
  const started = process.hrtime.bigint();
  const result = spawnSync(
    "node",
    [
      cli,
      "batch",
      input,
      "--target",
      target,
      "--out",
      out,
      "--quiet",
      "--report",
      report,
      ...extra,
    ],
    { encoding: "utf8", env: { ...process.env, CI: "1" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`batch exited ${result.status}:\n${result.stderr}`);
  }
  return { seconds, report: JSON.parse(readFileSync(report, "utf8")) };
}

/** Prints rows as a table with right-aligned columns after the first. */
function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const row of cells) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  "),
    );
  }
}

const figures = { corpus, wheels: 0, convert: [], build: [] };
try {
  const wheels = readdirSync(corpus).filter((n) => n.endsWith(".whl"));
  figures.wheels = wheels.length;
  console.log(`batch without --build over ${corpus} (${wheels.length} wheels)`);
  let converted = null;
  const rows = [];
  for (const target of [...targets, ...(targets.length > 1 ? [targets.join(",")] : [])]) {
    const out = join(scratch, `convert-${target}`);
    const first = batch(corpus, out, target, []);
    const second = batch(corpus, out, target, []);
    const t = first.report.totals;
    const row = {
      targets: target,
      entries: t.entries,
      converted: t.converted,
      refused: t.refused,
      failed: t.failed,
      seconds: first.seconds,
      wheelsPerSecond: wheels.length / first.seconds,
      entriesPerSecond: t.entries / first.seconds,
      unchangedSeconds: second.seconds,
      unchangedSkipped: second.report.totals["skipped-unchanged"],
    };
    figures.convert.push(row);
    rows.push([
      row.targets,
      row.entries,
      row.converted,
      row.refused + row.failed,
      row.seconds.toFixed(2),
      row.wheelsPerSecond.toFixed(1),
      row.entriesPerSecond.toFixed(1),
      row.unchangedSeconds.toFixed(2),
    ]);
    if (target.includes(",")) converted = first.report;
  }
  table(
    ["targets", "entries", "converted", "refused", "seconds", "wheels/s", "entries/s", "rerun s"],
    rows,
  );
  converted ??= batch(corpus, join(scratch, "convert-all"), targets.join(","), []).report;

  const tools = ["dpkg-buildpackage", "rpmbuild"].every(
    (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
  );
  if (values["no-build"] || !tools) {
    console.log(
      values["no-build"]
        ? "\n--build: skipped (--no-build)"
        : "\n--build: skipped (no dpkg-buildpackage or rpmbuild)",
    );
  } else {
    // The smallest pure-Python wheels that every target converts.
    const everywhere = new Map();
    for (const entry of converted.entries) {
      const ok = entry.status === "converted";
      everywhere.set(entry.wheel, (everywhere.get(entry.wheel) ?? true) && ok);
    }
    const subset = [...everywhere]
      .filter(([wheel, ok]) => ok && wheel.endsWith("-none-any.whl"))
      .map(([wheel]) => wheel)
      .sort((a, b) => statSync(a).size - statSync(b).size)
      .slice(0, Number(values["build-wheels"]));
    const manifest = join(scratch, "build-subset.toml");
    writeFileSync(
      manifest,
      subset.map((w) => `[[wheel]]\npath = ${JSON.stringify(w)}\n`).join("\n"),
    );
    const size = subset.reduce((n, w) => n + statSync(w).size, 0) / 1e6;
    console.log(
      `\nbatch --build over the ${subset.length} smallest pure-Python corpus wheels (${size.toFixed(1)} MB)`,
    );
    const buildRows = [];
    for (const target of targets) {
      let sequential = null;
      for (const jobs of [1, 2]) {
        const run = batch(manifest, join(scratch, `build-${target}-${jobs}`), target, [
          "--build",
          "-j",
          String(jobs),
        ]);
        const t = run.report.totals;
        const perPackage = run.seconds / Math.max(1, t.built);
        sequential ??= perPackage;
        const row = {
          target,
          jobs,
          built: t.built,
          failed: t.failed + t.refused,
          seconds: run.seconds,
          secondsPerPackage: perPackage,
          speedUp: sequential / perPackage,
        };
        figures.build.push(row);
        buildRows.push([
          target,
          jobs,
          row.built,
          row.failed,
          row.seconds.toFixed(1),
          row.secondsPerPackage.toFixed(2),
          `${row.speedUp.toFixed(2)}×`,
        ]);
      }
    }
    table(["target", "-j", "built", "failed", "seconds", "s/package", "speed-up"], buildRows);
  }
  if (values.json !== undefined) {
    writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nfigures: ${values.json}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
