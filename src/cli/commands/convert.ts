import type { Command } from "../command.js";
import {
  builderArg,
  conversionArgs,
  conversionOptions,
  writingOptions,
} from "./conversion-options.js";

/** `wheel2pkg convert WHEEL... --target T[,T…] --out DIR [--build]` */
export const convertCommand: Command = {
  command: "convert <wheels..>",
  describe: "write (and with --build, build) the packages of one or more wheels",
  builder: (y) =>
    writingOptions(conversionOptions(y))
      .positional("wheels", {
        type: "string",
        array: true,
        demandOption: true,
        describe: ".whl files",
      })
      .option("lint", {
        type: "boolean",
        default: true,
        describe: "check the packaging (and with --build the packages) against distro policy",
      })
      .option("native-lint", {
        type: "boolean",
        default: false,
        describe: "with --build, also run rpmlint / lintian on the built packages",
      })
      .option("maintainer", {
        type: "string",
        describe: 'packager, "Name <email>" (default: DEBFULLNAME/DEBEMAIL)',
      })
      .epilog(
        "Each wheel and each target stands alone: one refused, or whose write or build " +
          "fails, is reported, the others are converted. Exit 3 when a build failed, else 2 " +
          "when a write failed or every wheel was refused, else 1 when some were refused.",
      ),
  async run(args, output) {
    const { convert } = await import("../convert.js");
    return convert(output, {
      ...conversionArgs(args),
      wheels: (args.wheels as unknown[]).map(String),
      outDir: String(args.out),
      build: args.build === true,
      installBuildDeps: args.installBuildDeps === true,
      lint: args.lint !== false,
      nativeLint: args.nativeLint === true,
      release: typeof args.release === "string" ? args.release : undefined,
      maintainer: typeof args.maintainer === "string" ? args.maintainer : undefined,
      builder: builderArg(args.builder),
    });
  },
};
