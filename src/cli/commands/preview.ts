import type { Command } from "../command.js";
import { conversionArgs, conversionOptions } from "./conversion-options.js";

/** `wheel2pkg preview WHEEL --target T [--json]` */
export const previewCommand: Command = {
  command: "preview <wheel>",
  describe: "print the files a conversion would write, without writing anything",
  builder: (y) =>
    conversionOptions(y).positional("wheel", {
      type: "string",
      demandOption: true,
      describe: "the .whl file",
    }),
  async run(args, output) {
    const { preview } = await import("../convert.js");
    return preview(output, { ...conversionArgs(args), wheel: String(args.wheel) });
  },
};
