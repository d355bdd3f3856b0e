#!/usr/bin/env node
// Bundles the command line into dist/bin/ (one entry, lazily loaded chunks per command), so that
// a run loads a handful of files instead of hundreds of modules. The library stays in dist/ as
// tsc writes it.
import { build } from "esbuild";
import { rmSync } from "node:fs";

rmSync("dist/bin", { recursive: true, force: true });
await build({
  entryPoints: { wheel2pkg: "src/cli/bin.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist/bin",
  // nunjucks' file watcher is never used: leave its optional dependencies out. node-liblzma loads
  // its native addon from its own package directory, so it stays a package of its own.
  external: ["chokidar", "fsevents", "node-liblzma"],
  // Bundled CommonJS (nunjucks, yauzl) still calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as __wheel2pkgRequire } from 'node:module'; const require = __wheel2pkgRequire(import.meta.url);",
  },
  logLevel: "warning",
});
