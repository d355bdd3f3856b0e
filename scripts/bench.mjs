#!/usr/bin/env node
// Speed and memory of wheel2pkg on the corpus wheels (../shared/corpus) and on a generated wheel
// of 100,000 members, as whole processes and through the library API, then the batch benchmark
// (bench-batch.mjs), then the Debian builders side by side (bench-builders.mjs).
// Usage: npm run bench [-- --corpus DIR] [-- --runs N] [-- --no-batch] [-- --no-builders]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus" },
    runs: { type: "string", default: "5" },
    target: { type: "string", default: "debian-12" },
    "no-batch": { type: "boolean", default: false },
    "no-builders": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const corpus = values.corpus;

if (!existsSync(corpus) || readdirSync(corpus).filter((n) => n.endsWith(".whl")).length === 0) {
  const maker = join(root, "..", "shared", "corpus", "make-corpus.sh");
  console.error(`building the corpus in ${corpus} with ${maker} …`);
  execFileSync("bash", [maker, corpus], { stdio: "inherit" });
}
if (!existsSync(join(root, "dist", "index.js")))
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });

const wheels = readdirSync(corpus)
  .filter((n) => n.endsWith(".whl"))
  .map((n) => join(corpus, n))
  .sort((a, b) => statSync(b).size - statSync(a).size);
const cli = join(root, "bin", "wheel2pkg.js");
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** Runs a command under GNU time; returns wall seconds and peak RSS in MiB. */
function measure(command, args) {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = result.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kib] = line.split(" ").map(Number);
  return { seconds, mib: kib / 1024, status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(command, args) {
  const samples = Array.from({ length: runs }, () => measure(command, args));
  return {
    seconds: median(samples.map((s) => s.seconds)),
    mib: Math.max(...samples.map((s) => s.mib)),
    status: samples[0].status,
  };
}

const name = (path) => path.split("/").pop();
const pick = (prefix) => wheels.find((w) => name(w).startsWith(prefix));
console.log(`corpus: ${wheels.length} wheels in ${corpus}; median of ${runs} runs`);
// The floor under any command: starting Node itself, which does nothing.
const nodeStart = timeCommand("node", ["-e", ""]);
console.log(
  `node start-up alone: ${nodeStart.seconds.toFixed(3)} s, ${nodeStart.mib.toFixed(0)} MB\n`,
);
console.log(
  "wheel                          size MB | zipfile s | inspect s (×)   RSS MB | preview s  RSS MB",
);
for (const wheel of ["scipy-", "numpy-", "botocore-"].map(pick).filter(Boolean)) {
  const base = timeCommand(python, [join(root, "scripts", "bench-zipfile.py"), wheel]);
  const inspect = timeCommand("node", [cli, "inspect", wheel, "--json"]);
  const preview = timeCommand("node", [cli, "preview", wheel, "--target", values.target]);
  const size = statSync(wheel).size / 1e6;
  console.log(
    `${name(wheel).slice(0, 30).padEnd(30)} ${size.toFixed(1).padStart(7)} | ${base.seconds.toFixed(3).padStart(9)} | ${inspect.seconds.toFixed(3).padStart(9)} (${(inspect.seconds / base.seconds).toFixed(2)}×) ${inspect.mib.toFixed(0).padStart(6)} | ${preview.seconds.toFixed(3).padStart(9)} ${preview.mib.toFixed(0).padStart(7)}${preview.status === 0 ? "" : " (refused)"}`,
  );
}

// A wheel of 100,000 tiny modules (scripts/make-wide-wheel.mjs): what grows with the member count.
{
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-bench-wide-"));
  const wide = execFileSync("node", [join(root, "scripts", "make-wide-wheel.mjs"), "--out", dir], {
    encoding: "utf8",
  }).trim();
  const inspect = timeCommand("node", [cli, "inspect", wide, "--json"]);
  const preview = timeCommand("node", [cli, "preview", wide, "--target", values.target]);
  console.log(
    `${"100,000 members".padEnd(30)} ${(statSync(wide).size / 1e6).toFixed(1).padStart(7)} | ${"".padStart(9)} | ${inspect.seconds.toFixed(3).padStart(9)} ${"".padStart(7)} ${inspect.mib.toFixed(0).padStart(6)} | ${preview.seconds.toFixed(3).padStart(9)} ${preview.mib.toFixed(0).padStart(7)}${preview.status === 0 ? "" : " (refused)"}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

// Peak RSS of every command on every corpus wheel (one run each).
let peak = { mib: 0, what: "" };
for (const wheel of wheels) {
  for (const args of [
    ["inspect", wheel, "--json"],
    ["preview", wheel, "--target", values.target],
  ]) {
    const m = measure("node", [cli, ...args]);
    if (m.mib > peak.mib) peak = { mib: m.mib, what: `${args[0]} ${name(wheel)}` };
  }
}
console.log(
  `\npeak RSS over inspect and preview of every corpus wheel: ${peak.mib.toFixed(0)} MB (${peak.what})`,
);

// preview of every corpus wheel for one target, in one process, through the library API.
const library = await import(join(root, "dist", "index.js"));
const profile = library.getProfile(values.target);
const started = performance.now();
let converted = 0;
let refused = 0;
for (const wheel of wheels) {
  try {
    await library.planConversion(wheel, { profiles: [profile] });
    converted++;
  } catch (error) {
    if (!(error instanceof library.UserError)) throw error;
    refused++;
  }
}
const total = (performance.now() - started) / 1000;
console.log(
  `library preview of all ${wheels.length} wheels for ${values.target}: ${total.toFixed(2)} s (${converted} planned, ${refused} refused), ${(wheels.length / total).toFixed(1)} wheels/s`,
);

if (!values["no-batch"]) {
  console.log("");
  const batch = spawnSync("node", [join(root, "scripts", "bench-batch.mjs"), "--corpus", corpus], {
    stdio: "inherit",
  });
  if (batch.status !== 0) process.exitCode = batch.status ?? 1;
}

if (!values["no-builders"]) {
  console.log("");
  const builders = spawnSync(
    "node",
    [join(root, "scripts", "bench-builders.mjs"), "--corpus", corpus, "--target", values.target],
    { stdio: "inherit" },
  );
  if (builders.status !== 0) process.exitCode = builders.status ?? 1;
}
