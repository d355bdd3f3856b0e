#!/usr/bin/env node
// Converts every wheel of the corpus (../shared/corpus, built on demand) for each target, without
// building, and counts what converted and what was refused, with the reasons.
// Usage: npm run corpus [-- --corpus DIR] [-- --target debian-12,fedora] [-- --build NAME,NAME]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus" },
    target: { type: "string", default: "debian-12,fedora" },
    build: { type: "string", default: "" },
    out: { type: "string" },
  },
});
if (!existsSync(values.corpus) || !readdirSync(values.corpus).some((n) => n.endsWith(".whl"))) {
  execFileSync("bash", [join(root, "..", "shared", "corpus", "make-corpus.sh"), values.corpus], {
    stdio: "inherit",
  });
}
const library = await import(join(root, "dist", "index.js"));
const out = values.out ?? mkdtempSync(join(tmpdir(), "wheel2pkg-corpus-"));
const wheels = readdirSync(values.corpus)
  .filter((n) => n.endsWith(".whl"))
  .sort();
const toBuild = new Set(values.build.split(",").filter(Boolean));
for (const target of values.target.split(",")) {
  const profile = library.getProfile(target);
  const refused = new Map();
  let converted = 0;
  let built = 0;
  const started = performance.now();
  for (const wheel of wheels) {
    const build = [...toBuild].some((name) => wheel.startsWith(`${name}-`));
    try {
      const result = await library.convertWheel(join(values.corpus, wheel), {
        profiles: [profile],
        outDir: out,
        build,
      });
      converted++;
      if (build) {
        built++;
        for (const p of result.packages)
          console.log(
            `built ${target} ${wheel}: ${[...p.build.sourcePackages, ...p.build.binaryPackages].join(" ")}`,
          );
      }
    } catch (error) {
      if (!(error instanceof library.UserError) && !(error instanceof library.ToolError))
        throw error;
      const reason = error instanceof library.UserError ? error.describe() : error.message;
      refused.set(wheel, reason);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${target}: ${converted} converted${built ? ` (${built} built)` : ""}, ${refused.size} refused, of ${wheels.length} wheels in ${seconds.toFixed(1)} s`,
  );
  for (const [wheel, reason] of refused)
    console.log(`  refused ${wheel}: ${reason.replace(`${wheel}: `, "")}`);
}
console.log(`output: ${out}`);
