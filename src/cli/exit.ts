/**
 * Errors become exit codes here and only here (docs/architecture.md, "Errors"): `main` reports
 * the error that ends a command, `convert` each package of several whose write or build failed.
 */
import { asFileSystemError, printable, ToolError, UserError } from "../errors.js";
import type { Output } from "./output.js";

/** Exit codes of the CLI contract (README, "Commands"). */
export const exitCodes = { ok: 0, findings: 1, usage: 2, tool: 3, internal: 70 } as const;

/** Each line of a text whose line breaks are its own (a log, a stack) made printable. */
function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

/**
 * Prints an error for the user and returns its exit code: UserError 2, ToolError 3 (with the
 * tail of its log), anything else 70 with its stack. An errno error that no boundary described
 * (EACCES, ENOSPC… from a path not wrapped by onFileSystem) is still the user's environment,
 * not a bug: it is reported as a FileSystemError.
 */
export function reportError(output: Output, error: unknown): number {
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
