/**
 * What native tools tell about built packages, in one structured form for lint: the files a
 * `.rpm` / `.deb` ships (unpacked by the family's tools and described here) and the tags of the
 * family's linter. The tools themselves run through src/native/run.ts.
 */
import { lstat, mkdtemp, open, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Severity } from "../diagnostics.js";
import type { TargetFamily } from "../profiles/types.js";
import { onFileSystem } from "../errors.js";
import { runChecker } from "./run.js";

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
  /** Owned but not in the payload (an RPM `%ghost`): nothing of it is installed. */
  ghost?: boolean;
}

/** What lint needs to know about a built package. */
export interface BuiltPackage {
  format: TargetFamily;
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

/** Output of one linter run: its parsed tags, its whole output, and whether it could run. */
export interface NativeLintRun {
  tool: "rpmlint" | "lintian";
  /** False when the tool is not installed: a missing linter is reported, never skipped. */
  available: boolean;
  tags: NativeTag[];
  output: string;
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
export function temporaryDirectory(prefix: string): Promise<string> {
  return onFileSystem(tmpdir(), "cannot create a temporary directory", () =>
    mkdtemp(join(tmpdir(), prefix)),
  );
}

/** Unpacks a package into a temporary directory, describes it, and removes the directory. */
export async function unpacked(
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

/** Severity letters of rpmlint and lintian. */
export const severityLetters: Readonly<Record<string, Severity>> = {
  E: "error",
  W: "warning",
  I: "info",
  P: "info",
  X: "info",
};

/** Runs a linter and parses its output into tags. */
export async function runLinter(
  tool: "rpmlint" | "lintian",
  args: readonly string[],
  parse: (output: string) => NativeTag[],
): Promise<NativeLintRun> {
  const run = await runChecker(tool, args);
  return {
    tool,
    available: run.available,
    tags: run.available ? parse(run.output) : [],
    output: run.output,
  };
}
