import yargs from "yargs";
import { ToolError, UserError } from "../errors.js";
import { wheel2pkgVersion } from "../version.js";
import { processOutput, type Output } from "./output.js";

/** Exit codes of the CLI contract (DESIGN.md). */
export const exitCodes = { ok: 0, findings: 1, usage: 2, tool: 3, internal: 70 } as const;

/** Parses the target list of `--target a,b` / `--target a --target b`. */
function targetList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Runs the wheel2pkg command line and returns the exit code. Errors become exit codes here
 * and only here: UserError 2, ToolError 3, anything else 70.
 */
export async function main(
  argv: readonly string[],
  output: Output = processOutput,
): Promise<number> {
  let code: number = exitCodes.ok;
  const parser = yargs([...argv])
    .scriptName("wheel2pkg")
    .version(wheel2pkgVersion)
    .strict()
    .demandCommand(1, "give a command: inspect, preview or convert")
    .recommendCommands()
    .option("verbose", {
      type: "boolean",
      default: false,
      describe: "also show informational notes",
    })
    .command(
      "inspect <wheel>",
      "show a wheel's metadata, tags, requirements and files (reads no file bodies)",
      (y) =>
        y
          .positional("wheel", { type: "string", demandOption: true, describe: "the .whl file" })
          .option("json", { type: "boolean", default: false, describe: "print JSON" }),
      async (args) => {
        // Commands load their modules when run: `inspect` must not pay for rendering or building.
        const { inspectWheel, printInspect } = await import("./inspect.js");
        printInspect(output, await inspectWheel(args.wheel), args.json, args.verbose);
      },
    )
    .command(
      "preview <wheel>",
      "print the files a conversion would write, without writing anything",
      (y) =>
        y
          .positional("wheel", { type: "string", demandOption: true, describe: "the .whl file" })
          .option("target", {
            type: "string",
            demandOption: true,
            describe: "target profile id (fedora, debian-12)",
          })
          .option("json", { type: "boolean", default: false, describe: "print JSON" })
          .option("templates", {
            type: "string",
            describe: "directory of templates overriding the built-in ones",
          }),
      async (args) => {
        const { previewCommand } = await import("./convert.js");
        await previewCommand(output, {
          wheel: args.wheel,
          targets: targetList(args.target),
          json: args.json,
          verbose: args.verbose,
          templates: args.templates,
        });
      },
    )
    .command(
      "convert <wheels..>",
      "write (and with --build, build) the packages of one or more wheels",
      (y) =>
        y
          .positional("wheels", {
            type: "string",
            array: true,
            demandOption: true,
            describe: ".whl files",
          })
          .option("target", {
            type: "string",
            array: true,
            demandOption: true,
            describe: "target profile ids, comma-separated or repeated",
          })
          .option("out", { type: "string", demandOption: true, describe: "output directory" })
          .option("build", {
            type: "boolean",
            default: false,
            describe: "run rpmbuild / dpkg-buildpackage",
          })
          .option("json", { type: "boolean", default: false, describe: "print a JSON result" })
          .option("release", {
            type: "string",
            default: "1",
            describe: "RPM Release / Debian revision",
          })
          .option("maintainer", {
            type: "string",
            describe: 'packager, "Name <email>" (default: DEBFULLNAME/DEBEMAIL)',
          })
          .option("templates", {
            type: "string",
            describe: "directory of templates overriding the built-in ones",
          }),
      async (args) => {
        const { convertCommand } = await import("./convert.js");
        await convertCommand(output, {
          wheels: args.wheels,
          targets: targetList(args.target),
          outDir: args.out,
          build: args.build,
          json: args.json,
          verbose: args.verbose,
          release: args.release,
          maintainer: args.maintainer,
          templates: args.templates,
        });
      },
    )
    .fail((message: string | undefined, error: Error | undefined) => {
      // yargs passes its own usage message, or the error a handler threw.
      if (error instanceof Error) throw error;
      throw new UserError(message ?? "invalid usage");
    })
    .help()
    .wrap(Math.min(100, process.stdout.columns || 100));
  try {
    await parser.parseAsync();
  } catch (error) {
    code = report(output, error);
  }
  return code;
}

/** Prints an error for the user and returns its exit code. */
function report(output: Output, error: unknown): number {
  if (error instanceof UserError) {
    output.err(`wheel2pkg: error: ${error.describe()}\n`);
    return exitCodes.usage;
  }
  if (error instanceof ToolError) {
    output.err(`wheel2pkg: error: ${error.message}\n`);
    output.err(`--- last lines of ${error.logFile ?? "the log"} ---\n${error.logTail}\n`);
    return exitCodes.tool;
  }
  output.err(
    `wheel2pkg: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return exitCodes.internal;
}
