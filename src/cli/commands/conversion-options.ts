import type { Builder } from "../../config/types.js";
import type { Argv } from "yargs";
import type { DebianExtrasPolicy } from "../../targets/types.js";
import { targetList } from "../command.js";

/** The options `preview` and `convert` share: targets, templates, extras, archive check. */
export function conversionOptions<T>(y: Argv<T>) {
  return y
    .option("target", {
      type: "string",
      array: true,
      demandOption: true,
      describe: "target profile ids, comma-separated or repeated",
    })
    .option("json", { type: "boolean", default: false, describe: "print JSON" })
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
      describe: "Debian field for the other extras' dependencies (default: config, else suggests)",
    })
    .option("config", {
      type: "string",
      describe: "configuration file (default: wheel2pkg.toml in the working directory, if any)",
    })
    .option("check-archive", {
      type: "boolean",
      default: false,
      describe:
        "measure every relation against the target's archive index (read once, then saved), and map names as it spells them",
    })
    .option("refresh-archive", {
      type: "boolean",
      default: false,
      describe: "read the archive index's sources again (implies --check-archive)",
    });
}

/** The options of the commands that write packages (`convert`, `batch`): where, build, release. */
export function writingOptions<T>(y: Argv<T>) {
  return y
    .option("out", { type: "string", demandOption: true, describe: "output directory" })
    .option("build", {
      type: "boolean",
      default: false,
      describe: "run rpmbuild / dpkg-buildpackage",
    })
    .option("install-build-deps", {
      type: "boolean",
      default: false,
      describe:
        "with --build, install the packages of the system libraries a wheel links when the host lacks them (apt-get, as root)",
    })
    .option("release", {
      type: "string",
      describe: "RPM Release / Debian revision (default: config, else 1)",
    })
    .option("builder", {
      type: "string",
      choices: ["dpkg", "direct"],
      describe:
        "with --build, who writes the .debs: dpkg-buildpackage, or wheel2pkg itself (default: config, else direct)",
    });
}

/** The `--builder` option's value (yargs has checked it is one of the choices). */
export function builderArg(value: unknown): Builder | undefined {
  return value === "dpkg" || value === "direct" ? value : undefined;
}

/** The shared options as the command implementations take them. */
export interface ConversionArgs {
  targets: string[];
  json: boolean;
  verbose: boolean;
  templates: string | undefined;
  withExtras: string[];
  debianExtras: DebianExtrasPolicy | undefined;
  checkArchive: boolean;
  refreshArchive: boolean;
  config: string | undefined;
}

/** Reads the shared options from parsed arguments. */
export function conversionArgs(args: Record<string, unknown>): ConversionArgs {
  return {
    targets: targetList(args.target),
    json: args.json === true,
    verbose: args.verbose === true,
    templates: typeof args.templates === "string" ? args.templates : undefined,
    withExtras: args.withExtras === undefined ? [] : targetList(args.withExtras),
    debianExtras: args.debianExtras as DebianExtrasPolicy | undefined,
    checkArchive: args.checkArchive === true || args.refreshArchive === true,
    refreshArchive: args.refreshArchive === true,
    config: typeof args.config === "string" ? args.config : undefined,
  };
}
