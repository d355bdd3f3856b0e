import type { Command } from "../command.js";
import {
  builderArg,
  conversionArgs,
  conversionOptions,
  writingOptions,
} from "./conversion-options.js";

/** `wheel2pkg batch DIR|MANIFEST --target T[,T…] --out DIR [-j N] [--build] [--report FILE]` */
export const batchCommand: Command = {
  command: "batch <input>",
  describe:
    "convert (and with --build, build) a directory or manifest of wheels, in dependency order",
  builder: (y) =>
    writingOptions(conversionOptions(y))
      .positional("input", {
        type: "string",
        demandOption: true,
        describe: "directory of .whl files, or a TOML manifest of [[wheel]] tables",
      })
      .option("jobs", { alias: "j", type: "number", describe: "parallel jobs (default: cores)" })
      .option("source-only", {
        type: "boolean",
        default: false,
        describe: "build only SRPMs / Debian source packages, and a build manifest for build farms",
      })
      .option("report", { type: "string", describe: "write the JSON report here" })
      .option("graph", {
        type: "string",
        describe: "write the dependency graph (Graphviz DOT) here",
      })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "redo packages that are unchanged",
      })
      .option("quiet", {
        type: "boolean",
        default: false,
        describe: "show only failures and the summary",
      }),
  async run(args, output) {
    const { runBatchCommand } = await import("../batch/command.js");
    const jobs = typeof args.jobs === "number" ? args.jobs : undefined;
    return runBatchCommand(output, {
      ...conversionArgs(args),
      input: String(args.input),
      outDir: String(args.out),
      jobs: jobs !== undefined && Number.isInteger(jobs) && jobs > 0 ? jobs : undefined,
      build: args.build === true,
      sourceOnly: args.sourceOnly === true,
      force: args.force === true,
      quiet: args.quiet === true,
      report: typeof args.report === "string" ? args.report : undefined,
      graph: typeof args.graph === "string" ? args.graph : undefined,
      release: typeof args.release === "string" ? args.release : undefined,
      builder: builderArg(args.builder),
    });
  },
};
