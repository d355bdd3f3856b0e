import { createRequire } from "node:module";
import type { Argv } from "yargs";
import { UserError } from "../errors.js";
import { wheel2pkgVersion } from "../version.js";
import { commands } from "./commands/index.js";
import { exitCodes, reportError } from "./exit.js";
import { processOutput, type Output } from "./output.js";

export { exitCodes } from "./exit.js";

/**
 * yargs as its CommonJS build: that one wraps help text at word boundaries, while the ESM build
 * cuts words in two when a description does not fit the terminal.
 */
const yargs = createRequire(import.meta.url)("yargs") as (args: string[]) => Argv;

/**
 * Runs the wheel2pkg command line and returns the exit code. The error that ends a command
 * becomes its exit code through `reportError` (exit.ts): UserError 2 (a FileSystemError, or any
 * errno error of the user's environment, included), ToolError 3, anything else 70.
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
    return reportError(output, error);
  }
}
