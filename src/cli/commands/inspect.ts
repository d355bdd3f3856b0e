import type { Command } from "../command.js";

/** `wheel2pkg inspect WHEEL [--json]` */
export const inspectCommand: Command = {
  command: "inspect <wheel>",
  describe: "show a wheel's metadata, tags, requirements and files (reads no file bodies)",
  builder: (y) =>
    y
      .positional("wheel", { type: "string", demandOption: true, describe: "the .whl file" })
      .option("json", { type: "boolean", default: false, describe: "print JSON" }),
  async run(args, output) {
    const { inspectWheel, printInspect } = await import("../inspect.js");
    printInspect(
      output,
      await inspectWheel(String(args.wheel)),
      args.json === true,
      args.verbose === true,
    );
    return undefined;
  },
};
