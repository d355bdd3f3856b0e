import type { Command } from "../command.js";
import {
  builderArg,
  conversionArgs,
  conversionOptions,
  writingOptions,
} from "./conversion-options.js";

/** The values of a repeatable string option. */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

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
      .option("resolve", {
        type: "boolean",
        default: false,
        describe:
          "add, per target, the wheels the set needs that the archive lacks, from --find-links/--index-url",
      })
      .option("find-links", {
        type: "string",
        array: true,
        describe: "a directory of wheels to resolve from (repeatable)",
      })
      .option("index-url", {
        type: "string",
        array: true,
        describe: "a PEP 503/691 simple index to resolve from (repeatable)",
      })
      .option("pre", {
        type: "boolean",
        default: false,
        describe: "with --resolve, take pre-releases like final releases",
      })
      .option("cache-dir", {
        type: "string",
        describe: "where wheels fetched from an index are kept (default ~/.cache/wheel2pkg/wheels)",
      })
      .option("dry-run", {
        type: "boolean",
        default: false,
        describe: "with --resolve, print the plan and stop",
      })
      .option("repo", {
        type: "string",
        describe:
          "with --build, write a repository per target here (<repo>/<target>/) and check that its packages install",
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
      installBuildDeps: args.installBuildDeps === true,
      sourceOnly: args.sourceOnly === true,
      force: args.force === true,
      quiet: args.quiet === true,
      report: typeof args.report === "string" ? args.report : undefined,
      graph: typeof args.graph === "string" ? args.graph : undefined,
      release: typeof args.release === "string" ? args.release : undefined,
      resolve: args.resolve === true,
      findLinks: strings(args.findLinks),
      indexUrls: strings(args.indexUrl),
      prereleases: args.pre === true,
      cacheDir: typeof args.cacheDir === "string" ? args.cacheDir : undefined,
      dryRun: args.dryRun === true,
      repo: typeof args.repo === "string" ? args.repo : undefined,
      builder: builderArg(args.builder),
    });
  },
};
