/**
 * Running native tools on converted packaging, recording what build commands receive (stub
 * commands on PATH), and finding raw control characters in generated text.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { systemPath } from "../helpers/tools.js";

/** What a tool did. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool with the system PATH, a UTF-8 C locale and no stdin. */
export function tool(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: {
        PATH: systemPath,
        LC_ALL: "C.UTF-8",
        HOME: process.env.HOME ?? "/root",
        TZ: "UTC",
        SOURCE_DATE_EPOCH: "1700000000",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const done = (code: number, error = "") => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: `${Buffer.concat(stderr).toString("utf8")}${error}`,
      });
    };
    child.on("error", (error) => {
      done(-1, error.message);
    });
    child.on("close", (code) => {
      done(code ?? -1);
    });
  });
}

/** One line describing a failed run, for a test's message. */
export function failure(label: string, run: ToolRun): string {
  const text = run.stderr.trim() === "" ? run.stdout : run.stderr;
  const tail = text.trim().split("\n").slice(-3).join(" | ");
  return `${label} exited ${String(run.code)}: ${tail.length > 300 ? `…${tail.slice(-300)}` : tail}`;
}

/** A raw control character (C0 but tab and newline, DEL, C1), which no packaging text may hold. */
function isRawControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** The raw control characters in a text, as `U+001B` strings (empty when there is none). */
export function rawControls(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (isRawControl(code)) found.add(`U+${code.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return [...found];
}

/** Whether a text holds a raw control character. */
export function hasRawControl(text: string): boolean {
  return rawControls(text).length > 0;
}

/** Binary artifacts and the wheel: not generated text. */
const BINARY = /\.(whl|rpm|deb|tar\.gz|tar\.xz|orig\.tar\.\w+)$/;

/** Every text file below a directory (the wheel and built artifacts excepted), relative paths. */
export function generatedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !BINARY.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** `file: U+…` for each generated file that holds raw control characters. */
export function controlCharactersIn(dir: string): string[] {
  return generatedFiles(dir).flatMap((file) => {
    const found = rawControls(readFileSync(join(dir, file), "utf8"));
    return found.length > 0 ? [`${file}: ${found.join(" ")}`] : [];
  });
}

/** Commands that build scripts run on the wheel's files, replaced by recorders. */
const STUBBED = [
  "python3",
  "sha256sum",
  "sed",
  "chmod",
  "rm",
  "ln",
  "cp",
  "mv",
  "install",
  "chrpath",
  "patchelf",
  "find",
  "xargs",
  "dh",
];

/**
 * A directory of recorder commands, for the PATH of a build script run: each stub appends its
 * name and arguments (hex-encoded, so that any byte survives) to the run's log and succeeds. A
 * command that runs for real (`touch`) can still leave a marker.
 */
export class StubCommands {
  readonly dir: string;
  constructor(root: string) {
    this.dir = join(root, "stub-bin");
    mkdirSync(this.dir, { recursive: true });
    const hex = `printf '%s' "$1" | od -An -v -tx1 | tr -d ' \\n'`;
    const script = [
      "#!/bin/sh",
      `hex() { ${hex}; }`,
      '{ hex "${0##*/}"; for a in "$@"; do printf " "; hex "$a"; done; printf "\\n"; } >> "$W2P_STUB_LOG"',
      "exit 0",
      "",
    ].join("\n");
    const debhelper = readdirSync("/usr/bin").filter((name) => name.startsWith("dh_"));
    for (const name of [...STUBBED, ...debhelper]) {
      writeFileSync(join(this.dir, name), script);
      chmodSync(join(this.dir, name), 0o755);
    }
  }

  /** The environment of a run through the stubs, recording into `log`. */
  env(log: string): Record<string, string> {
    return { PATH: `${this.dir}:${systemPath}`, W2P_STUB_LOG: log };
  }

  /** Every call recorded in `log`, `[command, ...arguments]`, in order. */
  static calls(log: string): string[][] {
    if (!existsSync(log)) return [];
    return readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.split(" ").map((word) => Buffer.from(word, "hex").toString("utf8")));
  }
}

/**
 * Problems with how recorded commands received the wheel's paths: each expected path ending
 * must be the end of one argument, and no argument may hold a piece of a payload without the
 * whole of it (a path split into several words, or spliced into another).
 */
export function commandPathProblems(
  calls: readonly string[][],
  expected: readonly string[],
  payloadTexts: readonly string[],
): string[] {
  const args = calls.flatMap((call) => call.slice(1));
  const problems: string[] = [];
  for (const ending of expected) {
    if (!args.some((arg) => arg.endsWith(ending) || globEndsWith(arg, ending))) {
      problems.push(`no command received the path …${JSON.stringify(ending)} as one argument`);
    }
  }
  const pieces = [
    ...new Set(
      payloadTexts.flatMap((text) =>
        text.split(/[\s;'"`$()|&<>{}\\]+/).filter((piece) => piece.length >= 5),
      ),
    ),
  ];
  for (const call of calls) {
    for (const arg of call.slice(1)) {
      // What is left once every whole payload is taken out must hold no piece of one.
      // Longest first: a short payload's glob may match inside a longer one's.
      const rest = [...payloadTexts]
        .sort((a, b) => b.length - a.length)
        .reduce((left, text) => left.split(text).join("\0").replace(globOf(text), "\0"), arg);
      const piece = pieces.find((p) => rest.includes(p));
      if (piece !== undefined) {
        problems.push(
          `${call[0] ?? ""} got ${JSON.stringify(arg)}: a piece (${JSON.stringify(piece)}) of a wheel path without the rest`,
        );
      }
    }
  }
  return problems;
}

/**
 * An unquoted shell glob in which `?` stands for one character: the argument a command gets when
 * packaging names a file by a pattern (openSUSE's `%python_expand` commands do) and the stubbed
 * run has not installed the file. In a real build the shell expands it to the file's path.
 */
function globPattern(glob: string): string {
  return glob.replace(/[.*+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, ".");
}

/** Whether the glob `arg` matches a path that ends with `ending` (`?` standing for any one). */
function globEndsWith(arg: string, ending: string): boolean {
  if (!arg.includes("?")) return false;
  return new RegExp(`${globPattern(arg.slice(-ending.length))}$`, "su").test(ending);
}

/** The glob occurrences of a payload text in an argument: each of its characters, or `?`. */
function globOf(text: string): RegExp {
  const each = Array.from(text).map((c) => `(?:${c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|\\?)`);
  return new RegExp(each.join(""), "gu");
}
