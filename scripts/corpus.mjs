#!/usr/bin/env node
// Converts every wheel of the corpus (../shared/corpus, built on demand) for each target, without
// building, and counts what converted and what was refused, with the reasons. With --lint, the
// packages named by --build (or all with --build all) are built and linted with the family's own
// linter too (lintian, rpmlint), and the findings are counted by tool and severity; with
// --builder dpkg, Debian's source packages are made and linted too (lintian checks
// debian/copyright there).
// The corpus's wheel2pkg.toml (fixtures/corpus/wheel2pkg.toml, or --config) says what a packager
// says for the wheels that do not settle it themselves (their license).
// Usage: npm run corpus [-- --corpus DIR] [-- --target debian-12,fedora] [-- --build NAME,NAME|all]
//                       [-- --lint] [-- --builder dpkg] [-- --config FILE]
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
    lint: { type: "boolean", default: false },
    config: { type: "string", default: join(root, "fixtures", "corpus", "wheel2pkg.toml") },
    builder: { type: "string" },
    out: { type: "string" },
  },
});
if (!existsSync(values.corpus) || !readdirSync(values.corpus).some((n) => n.endsWith(".whl"))) {
  execFileSync("bash", [join(root, "..", "shared", "corpus", "make-corpus.sh"), values.corpus], {
    stdio: "inherit",
  });
}
const library = await import(join(root, "dist", "index.js"));
const config = await library.loadConfig(values.config);
const out = values.out ?? mkdtempSync(join(tmpdir(), "wheel2pkg-corpus-"));
const wheels = readdirSync(values.corpus)
  .filter((n) => n.endsWith(".whl"))
  .sort();
const toBuild = new Set(values.build.split(",").filter(Boolean));
for (const target of values.target.split(",")) {
  const profile = library.getProfile(target);
  const refused = new Map();
  // Native findings: `tool severity` → count, and the tags of errors with their packages.
  const counts = new Map();
  const errors = new Map();
  let converted = 0;
  let built = 0;
  const started = performance.now();
  for (const wheel of wheels) {
    const build = toBuild.has("all") || [...toBuild].some((name) => wheel.startsWith(`${name}-`));
    try {
      const result = await library.convertWheel(join(values.corpus, wheel), {
        profiles: [profile],
        outDir: out,
        config,
        build,
        ...(values.builder === undefined ? {} : { builder: values.builder }),
        ...(values.lint && build ? { lint: { native: true } } : {}),
      });
      converted++;
      if (build) {
        built++;
        for (const p of result.packages) {
          console.log(
            `built ${target} ${wheel}: ${[...p.build.sourcePackages, ...p.build.binaryPackages].join(" ")}`,
          );
          // lintian reads debian/copyright in source packages only (--builder dpkg makes them).
          const sources = values.lint
            ? await Promise.all(
                p.build.sourcePackages
                  .filter((file) => file.endsWith(".dsc"))
                  .map((file) => library.lintPath(file, { profile, native: true })),
              )
            : [];
          const findings = [...(p.lint ?? []), ...sources.flatMap((report) => report.findings)];
          for (const finding of findings.filter((f) => f.tool !== "wheel2pkg")) {
            const key = `${finding.tool} ${finding.severity}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
            if (finding.severity === "error") {
              const seen = errors.get(finding.ruleId) ?? [];
              errors.set(finding.ruleId, [...seen, p.sourceName]);
            }
          }
        }
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
  if (values.lint) {
    const summary = [...counts].sort().map(([key, n]) => `${key}: ${n}`);
    console.log(`  native lint: ${summary.join(", ") || "no findings"}`);
    for (const [tag, packages] of errors)
      console.log(`  error ${tag} (${packages.length}): ${[...new Set(packages)].join(" ")}`);
  }
}
console.log(`output: ${out}`);
