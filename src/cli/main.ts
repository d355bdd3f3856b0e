import { createRequire } from "node:module";
import type { Argv } from "yargs";
import { asFileSystemError, printable, ToolError, UserError } from "../errors.js";
import { wheel2pkgVersion } from "../version.js";
import { commands } from "./commands/index.js";
import { processOutput, type Output } from "./output.js";

/**
 * yargs as its CommonJS build: that one wraps help text at word boundaries, while the ESM build
 * cuts words in two when a description does not fit the terminal.
 */
const yargs = createRequire(import.meta.url)("yargs") as (args: string[]) => Argv;

/** Exit codes of the CLI contract (README, "Commands"). */
export const exitCodes = { ok: 0, findings: 1, usage: 2, tool: 3, internal: 70 } as const;

/**
 * Runs the wheel2pkg command line and returns the exit code. Errors become exit codes here
 * and only here: UserError 2 (a FileSystemError, or any errno error of the user's environment,
 * included), ToolError 3, anything else 70.
 */
export async function main(
  argv: readonly string[],
  output: Output = processOutput,
): Promise<number> {
  let parser = yargs([...argv])
    .scriptName("wheel2pkg")
    .version(wheel2pkgVersion)
    .strict()
    .demandCommand(1, `give a command: ${commands.map((c) => c.command.split(" ")[0]).join(", ")}`)
    .recommendCommands()
    .option("verbose", {
      type: "boolean",
      default: false,
      describe: "also show informational notes",
    });
  let code: number = exitCodes.ok;
  for (const command of commands) {
    parser = parser.command(command.command, command.describe, command.builder, async (args) => {
      code = (await command.run(args, output)) ?? exitCodes.ok;
    });
  }
  try {
    await parser
      .fail((message: string | undefined, error: Error | undefined) => {
        // yargs passes its own usage message, or the error a handler threw.
        if (error instanceof Error) throw error;
        throw new UserError(message ?? "invalid usage");
      })
      .help()
      .wrap(Math.min(100, process.stdout.columns || 100))
      .parseAsync();
    return code;
  } catch (error) {
    return report(output, error);
  }
}

/** Each line of a text whose line breaks are its own (a log, a stack) made printable. */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

/**
 * Prints an error for the user and returns its exit code. An errno error that no boundary
 * described (EACCES, ENOSPC… from a path not wrapped by onFileSystem) is still the user's
 * environment, not a bug: it is reported as a FileSystemError.
 */
function report(output: Output, error: unknown): number {
  const described = asFileSystemError(error);
  if (described instanceof UserError) {
    output.err(`wheel2pkg: error: ${described.describe()}\n`);
    return exitCodes.usage;
  }
  if (error instanceof ToolError) {
    output.err(`wheel2pkg: error: ${printable(error.message)}\n`);
    output.err(
      `--- last lines of ${printable(error.logFile ?? "the log")} ---\n${printableLines(error.logTail)}\n`,
    );
    return exitCodes.tool;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.err(`wheel2pkg: internal error: ${printableLines(detail)}\n`);
  return exitCodes.internal;
}
