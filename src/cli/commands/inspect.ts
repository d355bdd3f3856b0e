import { existsSync } from "node:fs";
import { configFileName } from "../../config/file-name.js";
import { targetList, type Command } from "../command.js";

/** `wheel2pkg inspect WHEEL [--json]` */
export const inspectCommand: Command = {
  command: "inspect <wheel>",
  describe: "show a wheel's metadata, tags, requirements and files (reads no file bodies)",
  builder: (y) =>
    y
      .positional("wheel", { type: "string", demandOption: true, describe: "the .whl file" })
      .option("json", { type: "boolean", default: false, describe: "print JSON" })
      .option("check-archive", {
        type: "boolean",
        default: false,
        describe:
          "measure every relation against each --target's archive index (read once, then saved)",
      })
      .option("refresh-archive", {
        type: "boolean",
        default: false,
        describe: "read the archive index's sources again (implies --check-archive)",
      })
      .option("config", {
        type: "string",
        describe: "configuration file: mapping rules, limits (default: wheel2pkg.toml, if any)",
      })
      .option("target", {
        type: "string",
        array: true,
        describe: "also map every requirement for these targets, comma-separated or repeated",
      }),
  async run(args, output) {
    const { inspectWheel, printInspect } = await import("../inspect.js");
    const { getProfile } = await import("../../profiles/index.js");
    const profiles = args.target === undefined ? [] : targetList(args.target).map(getProfile);
    // The configuration holds the mapping rules and the [limits] the wheel is read under.
    // Without a file to read, a plain inspect does not load the config module at all.
    const configPath = typeof args.config === "string" ? args.config : undefined;
    const config =
      profiles.length > 0 || configPath !== undefined || existsSync(configFileName)
        ? await (await import("../../config/index.js")).loadConfig(configPath)
        : undefined;
    printInspect(
      output,
      await inspectWheel(String(args.wheel), profiles, {
        checkArchive: args.checkArchive === true,
        refreshArchive: args.refreshArchive === true,
        ...(config === undefined ? {} : { config }),
      }),
      args.json === true,
      args.verbose === true,
    );
    return undefined;
  },
};
