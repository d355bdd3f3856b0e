import type { Diagnostic } from "../diagnostics.js";
import { printable } from "../errors.js";

/** Where the CLI writes: injectable so tests can capture it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own stdout and stderr. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Prints diagnostics on stderr, one line each: `warning: marker-undecidable: …`. A message
 * quotes the wheel's text, so its control characters are escaped.
 */
export function printDiagnostics(
  output: Output,
  diagnostics: readonly Diagnostic[],
  verbose: boolean,
): void {
  for (const d of diagnostics) {
    if (d.severity === "info" && !verbose) continue;
    output.err(`${d.severity}: ${d.code}: ${printable(d.message)}\n`);
  }
  const hidden = diagnostics.filter((d) => d.severity === "info").length;
  if (!verbose && hidden > 0) {
    output.err(`(${hidden} informational note${hidden === 1 ? "" : "s"}; --verbose shows them)\n`);
  }
}

/**
 * Pretty JSON with a final newline. JSON escapes C0 controls itself; DEL, C1 controls and the
 * marks that reorder text on a terminal are escaped here too, so printing it is safe.
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  )}\n`;
}
