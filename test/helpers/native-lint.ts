import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rpmlintConfig } from "../../src/families/rpm/native.js";
import { systemPath } from "./tools.js";

/** Runs a linter that exits non-zero on findings, and returns its output either way. */
function lintOutput(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, {
      encoding: "utf8",
      env: { PATH: systemPath, LC_ALL: "C.UTF-8", HOME: process.env.HOME ?? "/root" },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
  }
}

/** lintian's error tags (`E: …` lines) for .changes / .dsc / .deb files. */
export function lintianErrors(files: readonly string[]): { errors: string[]; output: string } {
  const output = lintOutput("lintian", ["--allow-root", "--no-tag-display-limit", ...files]);
  return { errors: output.split("\n").filter((line) => line.startsWith("E: ")), output };
}

/**
 * lintian's every hint (`-I --show-overrides`): `E:`/`W:`/`I:` lines, `O:` for the overridden ones,
 * `unused-override` for overrides that matched nothing.
 */
export function lintianHints(files: readonly string[]): string[] {
  const output = lintOutput("lintian", [
    "--allow-root",
    "-I",
    "--show-overrides",
    "--tag-display-limit",
    "0",
    ...files,
  ]);
  return output.split("\n").filter((line) => /^[EWIO]: /.test(line));
}

/** rpmlint's errors with Fedora's distribution settings (data/rpmlint/fedora.toml). */
export function rpmlintErrors(files: readonly string[]): { errors: string[]; output: string } {
  const config = join(mkdtempSync(join(tmpdir(), "wheel2pkg-rpmlint-")), "fedora.toml");
  writeFileSync(config, rpmlintConfig());
  const output = lintOutput("rpmlint", ["--config", config, ...files]);
  return { errors: output.split("\n").filter((line) => / E: /.test(line)), output };
}
