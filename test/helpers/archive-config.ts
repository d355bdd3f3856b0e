/** The `[archive]` configuration the tests that read archive indices give wheel2pkg. */
import fs from "node:fs";
import path from "node:path";

/** debian-12's archive index as the committed fixture has it: a Packages and a Contents file. */
export const debianFixtureSources: readonly string[] = ["Packages", "Contents-amd64"].map((f) =>
  path.resolve("fixtures/archive/deb", f),
);

/**
 * Writes a wheel2pkg.toml at `file` naming each target's archive sources, with the index cache
 * at `cache` (relative to the file's directory, as the config reads it); returns `file`.
 */
export function writeArchiveConfig(
  file: string,
  sources: Record<string, readonly string[]>,
  cache = "cache",
): string {
  const targets = Object.entries(sources).map(
    ([target, list]) =>
      `[archive.targets.${target}]\nsources = [${list.map((s) => JSON.stringify(s)).join(", ")}]\n`,
  );
  fs.writeFileSync(file, `[archive]\ncache = ${JSON.stringify(cache)}\n${targets.join("")}`);
  return file;
}
