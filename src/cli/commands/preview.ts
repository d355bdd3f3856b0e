import type { DebianExtrasPolicy } from "../../targets/types.js";
import { targetList, type Command } from "../command.js";

/** `wheel2pkg preview WHEEL --target T [--json]` */
export const previewCommand: Command = {
  command: "preview <wheel>",
  describe: "print the files a conversion would write, without writing anything",
  builder: (y) =>
    y
      .positional("wheel", { type: "string", demandOption: true, describe: "the .whl file" })
      .option("target", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "target profile ids, comma-separated or repeated",
      })
      .option("json", { type: "boolean", default: false, describe: "print JSON" })
      .option("check-archive", {
        type: "boolean",
        default: false,
        describe:
          "report dependency names this host's package index (apt-cache, dnf, zypper) lacks",
      })
      .option("templates", {
        type: "string",
        describe: "directory of templates overriding the built-in ones",
      })
      .option("with-extras", {
        type: "string",
        array: true,
        describe: "extras whose dependencies go into the main package, comma-separated",
      })
      .option("debian-extras", {
        choices: ["suggests", "recommends", "ignore"] as const,
        default: "suggests" as const,
        describe: "Debian field for the other extras' dependencies",
      }),
  async run(args, output) {
    const { preview } = await import("../convert.js");
    await preview(output, {
      wheel: String(args.wheel),
      targets: targetList(args.target),
      json: args.json === true,
      verbose: args.verbose === true,
      templates: typeof args.templates === "string" ? args.templates : undefined,
      withExtras: args.withExtras === undefined ? [] : targetList(args.withExtras),
      checkArchive: args.checkArchive === true,
      debianExtras: args.debianExtras as DebianExtrasPolicy,
    });
    return undefined;
  },
};
