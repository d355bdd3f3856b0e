import type { Argv } from "yargs";
import type { Output } from "./output.js";

/** Options every command has. */
export interface GlobalOptions {
  verbose: boolean;
}

/**
 * One CLI command: its yargs syntax and options, and a handler that maps the parsed options to
 * one library call and prints the result. Handlers load their modules lazily, so that a command
 * pays only for what it uses.
 */
export interface Command {
  command: string;
  describe: string;
  builder: (yargs: Argv<GlobalOptions>) => Argv;
  /** Returns the exit code when it is not 0 (1: findings at the failing severity). */
  run: (args: Record<string, unknown>, output: Output) => Promise<number | undefined>;
}

/** Parses the target list of `--target a,b` / `--target a --target b`. */
export function targetList(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}
