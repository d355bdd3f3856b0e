import type { DebianExtrasPolicy } from "../../targets/types.js";
import { targetList, type Command } from "../command.js";

/** `wheel2pkg convert WHEEL... --target T[,T…] --out DIR [--build]` */
export const convertCommand: Command = {
  command: "convert <wheels..>",
  describe: "write (and with --build, build) the packages of one or more wheels",
  builder: (y) =>
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
      .option("check-archive", {
        type: "boolean",
        default: false,
        describe:
          "report dependency names this host's package index (apt-cache, dnf, zypper) lacks",
      })
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
    const { convert } = await import("../convert.js");
    await convert(output, {
      wheels: (args.wheels as unknown[]).map(String),
      targets: targetList(args.target),
      outDir: String(args.out),
      build: args.build === true,
      json: args.json === true,
      verbose: args.verbose === true,
      release: String(args.release),
      maintainer: typeof args.maintainer === "string" ? args.maintainer : undefined,
      templates: typeof args.templates === "string" ? args.templates : undefined,
      withExtras: args.withExtras === undefined ? [] : targetList(args.withExtras),
      checkArchive: args.checkArchive === true,
      debianExtras: args.debianExtras as DebianExtrasPolicy,
    });
    return undefined;
  },
};
