import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { execa } from "execa";
import { asFileSystemError, onFileSystem, ToolError } from "../errors.js";

/** How many lines of a failed tool's log are shown. */
const tailLines = 25;

/** Options of runTool. */
export interface RunOptions {
  cwd: string;
  /** The tool's whole output (stdout and stderr, interleaved) is appended here. */
  logFile: string;
  /** Extra environment on top of the clean build environment. */
  env?: Record<string, string>;
  /** What is being done, for the status line on a TTY (`rpmbuild python-six`). */
  label: string;
  /** Ends the tool (SIGTERM) when aborted; the run then fails like a failed tool. */
  cancelSignal?: AbortSignal;
}

/**
 * A clean, reproducible environment for native builds: the system PATH (not a user's Python
 * shims), a UTF-8 C locale, and SOURCE_DATE_EPOCH so that dates in the packages are fixed.
 */
export function buildEnvironment(sourceDateEpoch: number): Record<string, string> {
  return {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOME: process.env.HOME ?? "/root",
    TMPDIR: process.env.TMPDIR ?? "/tmp",
    LC_ALL: "C.UTF-8",
    LANG: "C.UTF-8",
    TZ: "UTC",
    SOURCE_DATE_EPOCH: String(sourceDateEpoch),
  };
}

/** Shows what a long step is doing on an interactive stderr: label and elapsed seconds. */
function statusLine(label: string): () => void {
  if (!process.stderr.isTTY) return () => undefined;
  const started = Date.now();
  const show = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stderr.write(`\r\x1b[2K${label} … ${seconds}s`);
  };
  show();
  const timer = setInterval(show, 1000);
  return () => {
    clearInterval(timer);
    process.stderr.write("\r\x1b[2K");
  };
}

/**
 * Runs a native tool with its output going to a log file. A non-zero exit becomes a ToolError
 * carrying the last lines of the log and the log's path.
 */
export async function runTool(
  tool: string,
  args: readonly string[],
  options: RunOptions,
): Promise<void> {
  const log = createWriteStream(options.logFile, { flags: "a" });
  await onFileSystem(
    options.logFile,
    "cannot write the build log",
    () =>
      new Promise<void>((resolve, reject) => {
        log.once("open", () => {
          resolve();
        });
        log.once("error", reject);
      }),
  );
  // A log that cannot be written on (a disk filling up) must not stall the tool on a full
  // pipe: its output is then drained, and the failure reported once the tool has ended.
  let logFailure: unknown = null;
  let drain = (): void => undefined;
  log.on("error", (error) => {
    logFailure ??= error;
    drain();
  });
  log.write(`$ ${[tool, ...args].join(" ")}\n`);
  const stop = statusLine(options.label);
  let failure: Error | null = null;
  try {
    const child = execa(tool, args, {
      cwd: options.cwd,
      env: { ...(options.env ?? {}) },
      extendEnv: false,
      stdin: "ignore",
      all: true,
      buffer: false,
      reject: false,
      ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
    });
    drain = () => {
      child.all.unpipe(log);
      child.all.resume();
    };
    if (logFailure === null) child.all.pipe(log, { end: false });
    else drain();
    const result = await child;
    if (result.failed) {
      failure = new Error(
        result.exitCode === undefined
          ? `${tool} could not run: ${result.shortMessage}`
          : `${tool} failed with exit code ${result.exitCode}`,
      );
    }
  } finally {
    stop();
    if (logFailure === null) await new Promise<void>((resolve) => log.end(resolve));
    else log.destroy();
  }
  if (logFailure !== null) {
    throw asFileSystemError(logFailure, "cannot write the build log", options.logFile);
  }
  if (failure !== null) {
    const text = await onFileSystem(options.logFile, "cannot read the build log", () =>
      readFile(options.logFile, "utf8"),
    );
    const tail = text.trimEnd().split("\n").slice(-tailLines).join("\n");
    throw new ToolError(`${options.label}: ${failure.message}`, tool, tail, options.logFile);
  }
}

/** Runs a tool and returns its standard output (for queries such as `rpm --eval`). */
export async function queryTool(tool: string, args: readonly string[]): Promise<string | null> {
  const result = await execa(tool, args, { reject: false, stdin: "ignore" });
  return result.failed ? null : result.stdout;
}

/** The clean environment of a query that reproduces nothing: now as SOURCE_DATE_EPOCH. */
const queryEnvironment = () => buildEnvironment(Math.floor(Date.now() / 1000));

/**
 * Runs a tool that reads a package (`rpm -qp`, `dpkg-deb -f`) in the clean environment and
 * returns its standard output; a failure is a ToolError with the tool's last lines.
 */
export async function captureTool(
  tool: string,
  args: readonly string[],
  cwd?: string,
): Promise<string> {
  const result = await execa(tool, args, {
    env: queryEnvironment(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (result.failed) {
    const tail = `${result.stdout}\n${result.stderr}`
      .trim()
      .split("\n")
      .slice(-tailLines)
      .join("\n");
    throw new ToolError(`${tool} could not read ${args.at(-1) ?? ""}`, tool, tail);
  }
  return result.stdout;
}

/** Pipes one tool into another (`rpm2cpio x.rpm | cpio -idm`), the second running in `cwd`. */
export async function pipeTools(
  first: readonly [string, ...string[]],
  second: readonly [string, ...string[]],
  cwd: string,
): Promise<void> {
  const [tool, ...args] = first;
  const [next, ...nextArgs] = second;
  const result = await execa(tool, args, {
    env: queryEnvironment(),
    extendEnv: false,
    reject: false,
  }).pipe(next, nextArgs, { cwd, reject: false });
  if (result.failed) {
    throw new ToolError(`${tool} | ${next}: ${result.shortMessage}`, tool, result.stderr);
  }
}

/** What a checker (rpmlint, lintian) printed; `available` is false when it is not installed. */
export interface CheckerOutput {
  available: boolean;
  output: string;
}

/** Runs a checker that exits non-zero on findings; ENOENT means it is not installed. */
export async function runChecker(tool: string, args: readonly string[]): Promise<CheckerOutput> {
  const { available, output } = await askTool(tool, args);
  return { available, output };
}

/** What a tool asked a question answered: its exit code and its whole output. */
export interface ToolAnswer {
  /** False when the tool is not installed. */
  available: boolean;
  exitCode: number;
  output: string;
}

/**
 * Runs a tool whose exit code is its answer (`apt-get install --simulate`) in the clean
 * environment; never throws for a non-zero exit.
 */
export async function askTool(tool: string, args: readonly string[]): Promise<ToolAnswer> {
  const result = await execa(tool, args, {
    env: queryEnvironment(),
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    all: true,
    maxBuffer: 64 * 1024 * 1024,
  });
  if ((result as { code?: string }).code === "ENOENT") {
    return { available: false, exitCode: -1, output: "" };
  }
  return { available: true, exitCode: result.exitCode ?? -1, output: result.all };
}
