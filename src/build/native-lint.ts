/**
 * The native side of lint: what is inside a built `.rpm` / `.deb` (queried and unpacked with the
 * distro's own tools), and rpmlint / lintian runs whose tags come back in one structured form.
 * Like every native tool, they run only from src/build.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile, lstat, readdir, open } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { onFileSystem, ToolError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { buildEnvironment } from "./run.js";
import type { Severity } from "../diagnostics.js";

/** One path of a built package. */
export interface BuiltFile {
  /** Absolute path as installed (`/usr/bin/foo`). */
  path: string;
  directory: boolean;
  executable: boolean;
  /** An ELF object (program, shared library). */
  elf: boolean;
  /** The `#!` line's interpreter and arguments, for scripts. */
  shebang: string | null;
}

/** What lint needs to know about a built package. */
export interface BuiltPackage {
  format: "rpm" | "deb";
  name: string;
  /** RPM arch (`noarch`, `x86_64`) or Debian architecture (`all`, `amd64`). */
  architecture: string;
  summary: string;
  /** RPM License tag; empty for a .deb. */
  license: string;
  /** Debian Section; empty for an .rpm. */
  section: string;
  /** Requires (RPM) or the Depends entries (deb), one relation each. */
  requires: string[];
  /** Every path the package ships (for an RPM, every path it owns, directories included). */
  files: BuiltFile[];
}

/** A tag reported by rpmlint or lintian. */
export interface NativeTag {
  tool: "rpmlint" | "lintian";
  tag: string;
  severity: Severity;
  /** The package or file the tag is about, as the tool names it. */
  file: string;
  line?: number;
  message: string;
}

const environment = () => buildEnvironment(Math.floor(Date.now() / 1000));

/** Runs a query tool; a failure is a ToolError with the tool's output. */
async function query(tool: string, args: readonly string[], cwd?: string): Promise<string> {
  const result = await execa(tool, args, {
    env: environment(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (result.failed) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-25).join("\n");
    throw new ToolError(`${tool} could not read ${args.at(-1) ?? ""}`, tool, tail);
  }
  return result.stdout;
}

/** Walks an unpacked package and describes each path (ELF magic, shebang, modes). */
async function describeTree(root: string, owned?: ReadonlySet<string>): Promise<BuiltFile[]> {
  const files: BuiltFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const name of (await readdir(join(root, relative))).sort()) {
      const path = `${relative}/${name}`;
      const info = await lstat(join(root, path));
      let head = "";
      if (info.isFile()) {
        const handle = await open(join(root, path), "r");
        const buffer = Buffer.alloc(256);
        const { bytesRead } = await handle.read(buffer, 0, 256, 0);
        await handle.close();
        head = buffer.subarray(0, bytesRead).toString("latin1");
      }
      files.push({
        path,
        directory: info.isDirectory(),
        executable: info.isFile() && (info.mode & 0o111) !== 0,
        elf: head.startsWith("\x7fELF"),
        shebang: head.startsWith("#!") ? (head.slice(2).split("\n")[0] ?? "").trim() : null,
      });
      if (info.isDirectory()) await walk(path);
    }
  };
  await walk("");
  return owned === undefined ? files : files.filter((f) => owned.has(f.path));
}

/** A new directory under the system's temporary directory. */
function temporaryDirectory(prefix: string): Promise<string> {
  return onFileSystem(tmpdir(), "cannot create a temporary directory", () =>
    mkdtemp(join(tmpdir(), prefix)),
  );
}

/** Unpacks a package into a temporary directory, describes it, and removes the directory. */
async function unpacked(
  file: string,
  unpack: (directory: string) => Promise<unknown>,
  owned?: ReadonlySet<string>,
): Promise<BuiltFile[]> {
  const directory = await temporaryDirectory("wheel2pkg-lint-");
  try {
    await unpack(directory);
    return await describeTree(directory, owned);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Queries a built `.rpm`: header tags, requirements, and the owned files' contents. */
export async function queryRpm(file: string): Promise<BuiltPackage> {
  const rpm = (...args: string[]) => query("rpm", ["-qp", "--nosignature", ...args, file]);
  const header = (await rpm("--qf", "%{NAME}\n%{ARCH}\n%{LICENSE}\n%{SUMMARY}\n")).split("\n");
  const requires = (await rpm("--requires")).split("\n").filter((l) => l.trim() !== "");
  const owned = new Set((await rpm("-l")).split("\n").filter((l) => l.startsWith("/")));
  const files = await unpacked(
    file,
    async (directory) => {
      const result = await execa("rpm2cpio", [file], {
        env: environment(),
        extendEnv: false,
        reject: false,
      }).pipe("cpio", ["-idm", "--quiet", "--no-absolute-filenames"], {
        cwd: directory,
        reject: false,
      });
      if (result.failed) {
        throw new ToolError(`unpacking ${file}: ${result.shortMessage}`, "rpm2cpio", result.stderr);
      }
    },
    owned,
  );
  // Owned paths that were not unpacked (%ghost) still count as owned.
  for (const path of owned) {
    if (!files.some((f) => f.path === path)) {
      files.push({ path, directory: false, executable: false, elf: false, shebang: null });
    }
  }
  const [name = "", architecture = "", license = "", summary = ""] = header;
  return { format: "rpm", name, architecture, license, summary, section: "", requires, files };
}

/** Queries a built `.deb`: control fields and the unpacked files. */
export async function queryDeb(file: string): Promise<BuiltPackage> {
  const fields = ["Package", "Architecture", "Section", "Description", "Depends"];
  const values = new Map<string, string>();
  for (const name of fields) values.set(name, await query("dpkg-deb", ["-f", file, name]));
  const files = await unpacked(file, (directory) => query("dpkg-deb", ["-x", file, directory]));
  const depends = (values.get("Depends") ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter((d) => d !== "");
  return {
    format: "deb",
    name: values.get("Package") ?? "",
    architecture: values.get("Architecture") ?? "",
    summary: (values.get("Description") ?? "").split("\n")[0] ?? "",
    license: "",
    section: values.get("Section") ?? "",
    requires: depends,
    files,
  };
}

/** Severity letters of rpmlint and lintian. */
const letters: Readonly<Record<string, Severity>> = {
  E: "error",
  W: "warning",
  I: "info",
  P: "info",
  X: "info",
};

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

/** Parses lintian's `E: package[ type]: tag details` lines (overridden tags are left out). */
export function parseLintian(output: string): NativeTag[] {
  const tags: NativeTag[] = [];
  for (const line of output.split("\n")) {
    const m =
      /^([EWIPX]): (\S+?)(?: (?:source|binary|changes|udeb|buildinfo))?: (\S+)(?: (.*))?$/.exec(
        line,
      );
    if (m === null) continue;
    tags.push({
      tool: "lintian",
      file: m[2] ?? "",
      severity: letters[m[1] ?? "I"] ?? "info",
      tag: m[3] ?? "",
      message: (m[4] ?? "").trim(),
    });
  }
  return tags;
}

/** rpmlint's configuration for Fedora-family targets: data/rpmlint/fedora.toml + every SPDX id. */
export function rpmlintConfig(): string {
  const require = createRequire(import.meta.url);
  const ids = require("spdx-license-ids") as string[];
  const base = readFileSync(join(packageRoot, "data", "rpmlint", "fedora.toml"), "utf8");
  return `${base}\nValidLicenses = ${JSON.stringify([...ids, "LicenseRef-Unknown"])}\n`;
}

/** Output of one linter run: its parsed tags, its whole output, and whether it could run. */
export interface NativeLintRun {
  tool: "rpmlint" | "lintian";
  /** False when the tool is not installed: a missing linter is reported, never skipped. */
  available: boolean;
  tags: NativeTag[];
  output: string;
}

/** Runs a linter that exits non-zero on findings; ENOENT means it is not installed. */
async function runLinter(
  tool: "rpmlint" | "lintian",
  args: readonly string[],
): Promise<NativeLintRun> {
  const result = await execa(tool, args, {
    env: environment(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    all: true,
    maxBuffer: 64 * 1024 * 1024,
  });
  const missing = (result as { code?: string }).code === "ENOENT";
  if (missing) return { tool, available: false, tags: [], output: "" };
  const output = result.all;
  return {
    tool,
    available: true,
    tags: (tool === "rpmlint" ? parseRpmlint : parseLintian)(output),
    output,
  };
}

/** rpmlint on `.rpm` / `.spec` files with Fedora's settings (data/rpmlint/fedora.toml). */
export async function runRpmlint(files: readonly string[]): Promise<NativeLintRun> {
  const directory = await temporaryDirectory("wheel2pkg-rpmlint-");
  try {
    const config = join(directory, "fedora.toml");
    await writeFile(config, rpmlintConfig());
    return await runLinter("rpmlint", ["--config", config, ...files]);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** lintian on `.deb` / `.dsc` / `.changes` files. */
export async function runLintian(files: readonly string[]): Promise<NativeLintRun> {
  return runLinter("lintian", ["--allow-root", "--no-tag-display-limit", ...files]);
}
