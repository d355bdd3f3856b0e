#!/usr/bin/env node
// Speed of `wheel2pkg batch`: wheel × target conversions per second over the corpus
// (../shared/corpus, built into /tmp/corpus when missing) and the time of a second run that finds
// everything unchanged; with the native tools, seconds per package for --build over the fixture
// wheels, sequential (-j 1) against -j 2.
// Usage: npm run bench:batch [-- --corpus DIR] [-- --targets debian-12,fedora] [-- --no-build]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus" },
    targets: { type: "string", default: "debian-12,fedora" },
    "no-build": { type: "boolean", default: false },
  },
});
const corpus = values.corpus;
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
function batch(input, out, extra) {
  const report = join(scratch, "report.json");
  const started = process.hrtime.bigint();
  const result = spawnSync(
    "node",
    [
      cli,
      "batch",
      input,
      "--target",
      values.targets,
      "--out",
      out,
      "--quiet",
      "--report",
      report,
      ...extra,
    ],
    { encoding: "utf8", env: { ...process.env, CI: "1" } },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`batch exited ${result.status}:\n${result.stderr}`);
  }
  return { seconds, report: JSON.parse(readFileSync(report, "utf8")) };
}

const counts = (totals) =>
  ["converted", "built", "skipped-unchanged", "refused", "failed"]
    .filter((s) => totals[s] > 0)
    .map((s) => `${totals[s]} ${s}`)
    .join(", ");

try {
  const wheels = readdirSync(corpus).filter((n) => n.endsWith(".whl")).length;
  const out = join(scratch, "corpus-out");
  const first = batch(corpus, out, []);
  const entries = first.report.totals.entries;
  console.log(
    `corpus: ${wheels} wheels × ${values.targets} = ${entries} entries (${counts(first.report.totals)})`,
  );
  console.log(
    `  first run:  ${first.seconds.toFixed(2)} s, ${(entries / first.seconds).toFixed(1)} wheel×target/s, ${(wheels / first.seconds).toFixed(1)} wheels/s`,
  );
  const second = batch(corpus, out, []);
  console.log(
    `  second run: ${second.seconds.toFixed(2)} s (${counts(second.report.totals)}), ${((100 * second.seconds) / first.seconds).toFixed(0)}% of the first`,
  );

  const tools = ["dpkg-buildpackage", "rpmbuild"].every(
    (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
  );
  if (values["no-build"] || !tools) {
    console.log(
      values["no-build"]
        ? "--build: skipped (--no-build)"
        : "--build: skipped (no dpkg-buildpackage or rpmbuild)",
    );
  } else {
    const fixtures = join(root, "fixtures", "wheels");
    for (const jobs of ["1", "2"]) {
      const run = batch(fixtures, join(scratch, `build-${jobs}`), ["--build", "-j", jobs]);
      const built = run.report.totals.built;
      const per = run.report.entries
        .filter((e) => e.status === "built")
        .reduce(
          (map, e) => map.set(e.target, (map.get(e.target) ?? 0) + e.durations.build),
          new Map(),
        );
      const perTarget = [...per]
        .map(
          ([t, ms]) =>
            `${t} ${(ms / 1000 / run.report.entries.filter((e) => e.target === t && e.status === "built").length).toFixed(2)} s`,
        )
        .join(", ");
      console.log(
        `--build -j ${jobs}: ${built} packages in ${run.seconds.toFixed(1)} s = ${(run.seconds / built).toFixed(2)} s per package (mean build step: ${perTarget})`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
