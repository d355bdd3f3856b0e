/**
 * The RPM family's native queries and lint: what a built `.rpm` holds (rpm, rpm2cpio) and
 * rpmlint with Fedora's settings.
 */
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";
import {
  runLinter,
  severityLetters as letters,
  temporaryDirectory,
  unpacked,
  type BuiltPackage,
  type NativeLintRun,
  type NativeTag,
} from "../../native/packages.js";
import { captureTool, pipeTools } from "../../native/run.js";

/** Queries a built `.rpm`: header tags, requirements, and the owned files' contents. */
export async function queryRpm(file: string): Promise<BuiltPackage> {
  const rpm = (...args: string[]) => captureTool("rpm", ["-qp", "--nosignature", ...args, file]);
  const header = (await rpm("--qf", "%{NAME}\n%{ARCH}\n%{LICENSE}\n%{SUMMARY}\n")).split("\n");
  const requires = (await rpm("--requires")).split("\n").filter((l) => l.trim() !== "");
  const owned = new Set((await rpm("-l")).split("\n").filter((l) => l.startsWith("/")));
  const files = await unpacked(
    file,
    (directory) =>
      pipeTools(
        ["rpm2cpio", file],
        ["cpio", "-idm", "--quiet", "--no-absolute-filenames"],
        directory,
      ),
    owned,
  );
  // Owned paths that were not unpacked (%ghost) still count as owned.
  for (const path of owned) {
    if (!files.some((f) => f.path === path)) {
      files.push({
        path,
        directory: false,
        executable: false,
        elf: false,
        shebang: null,
        ghost: true,
      });
    }
  }
  const [name = "", architecture = "", license = "", summary = ""] = header;
  return { format: "rpm", name, architecture, license, summary, section: "", requires, files };
}

/** Parses rpmlint's `pkg.arch: E: tag details` / `file.spec:12: W: tag details` lines. */
export function parseRpmlint(output: string): NativeTag[] {
  const tags: NativeTag[] = [];
  for (const line of output.split("\n")) {
    const m = /^(\S+?)(?::(\d+))?: ([EWI]): (\S+)(?: (.*))?$/.exec(line);
    if (m === null) continue;
    tags.push({
      tool: "rpmlint",
      file: m[1] ?? "",
      ...(m[2] === undefined ? {} : { line: Number(m[2]) }),
      severity: letters[m[3] ?? "I"] ?? "info",
      tag: m[4] ?? "",
      message: (m[5] ?? "").trim(),
    });
  }
  return tags;
}

/** rpmlint's configuration for Fedora-family targets: data/rpmlint/fedora.toml + every SPDX id. */
export function rpmlintConfig(): string {
  const require = createRequire(import.meta.url);
  const ids = require("spdx-license-ids") as string[];
  const base = readFileSync(join(packageRoot, "data", "rpmlint", "fedora.toml"), "utf8");
  return `${base}\nValidLicenses = ${JSON.stringify(ids)}\n`;
}

/** rpmlint on `.rpm` / `.spec` files with Fedora's settings (data/rpmlint/fedora.toml). */
export async function runRpmlint(files: readonly string[]): Promise<NativeLintRun> {
  const directory = await temporaryDirectory("wheel2pkg-rpmlint-");
  try {
    const config = join(directory, "fedora.toml");
    await writeFile(config, rpmlintConfig());
    return await runLinter("rpmlint", ["--config", config, ...files], parseRpmlint);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
