import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory of wheel2pkg's own package.json (where `templates/` and `data/` live), found by
 * walking up from this module: the same answer from `src/`, `dist/` or a bundled `dist/cli/`.
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "wheel2pkg") return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find wheel2pkg's package.json");
    dir = parent;
  }
})();
