import type { Command } from "../command.js";

/** `wheel2pkg explain NAME --target T [--config FILE] [--json]` */
export const explainCommand: Command = {
  command: "explain <name>",
  describe: "show which rule maps a Python project to a distro name on a target, and why",
  builder: (y) =>
    y
      .positional("name", {
        type: "string",
        demandOption: true,
        describe: "a project name or a requirement (PyYAML>=5): only the name is used",
      })
      .option("target", { type: "string", demandOption: true, describe: "target profile id" })
      .option("config", {
        type: "string",
        describe: "configuration file (default: wheel2pkg.toml here, if present)",
      })
      .option("check-archive", {
        type: "boolean",
        default: false,
        describe: "show what the target's archive has under the decided name (archive index)",
      })
      .option("refresh-archive", {
        type: "boolean",
        default: false,
        describe: "read the archive index's sources again (implies --check-archive)",
      })
      .option("json", { type: "boolean", default: false, describe: "print the decision as JSON" }),
  async run(args, output) {
    const { explain } = await import("../explain.js");
    await explain(output, {
      name: String(args.name),
      target: String(args.target),
      ...(typeof args.config === "string" ? { config: args.config } : {}),
      json: args.json === true,
      checkArchive: args.checkArchive === true,
      refreshArchive: args.refreshArchive === true,
    });
    return undefined;
  },
};
