import { targetList, type Command } from "../command.js";

/** `wheel2pkg lint PATH --target T [--format text|json|sarif] [--fail-on …] [--native]` */
export const lintCommand: Command = {
  command: "lint <path>",
  describe: "check a wheel, spec, debian/ directory or built package against distro Python policy",
  builder: (y) =>
    y
      .positional("path", {
        type: "string",
        demandOption: true,
        describe:
          ".whl, .spec, debian/ directory, .rpm or .deb (.src.rpm, .dsc, .changes with --native)",
      })
      .option("target", { type: "string", demandOption: true, describe: "target profile id" })
      .option("format", {
        choices: ["text", "json", "sarif"] as const,
        default: "text" as const,
        describe: "report format",
      })
      .option("json", { type: "boolean", default: false, describe: "print JSON (--format json)" })
      .option("fail-on", {
        choices: ["warning", "error"] as const,
        default: "error" as const,
        describe: "exit 1 when there are findings at or above this severity",
      })
      .option("native", {
        type: "boolean",
        default: false,
        describe: "also run rpmlint (rpm targets) or lintian (deb targets)",
      })
      .option("config", {
        type: "string",
        describe: "configuration file (default: wheel2pkg.toml here, if present)",
      }),
  async run(args, output) {
    const [{ UserError }, { getProfile }, { loadConfig }, { targetConfig }, lint, report, out] =
      await Promise.all([
        import("../../errors.js"),
        import("../../profiles/index.js"),
        import("../../config/index.js"),
        import("../../families/index.js"),
        import("../../lint/index.js"),
        import("../../lint/report.js"),
        import("../output.js"),
      ]);
    const targets = targetList(args.target);
    if (targets.length !== 1) {
      throw new UserError(`lint takes one target, not ${targets.length}`, { field: "--target" });
    }
    const profile = getProfile(targets[0] ?? "");
    const config = await loadConfig(typeof args.config === "string" ? args.config : undefined);
    const target = targetConfig(config, profile);
    const result = await lint.lintPath(String(args.path), {
      profile,
      severity: config.lintSeverity,
      names: target.names,
      extras: { withExtras: target.withExtras, devExtras: target.devExtras },
      native: args.native === true,
      limits: config.limits,
    });
    const format = args.json === true ? "json" : String(args.format);
    if (format === "sarif") output.out(out.json(report.sarifLog([result])));
    else if (format === "json") output.out(out.json(report.jsonReport(result)));
    else output.out(report.formatText(result));
    const failOn = args["fail-on"] === "warning" ? "warning" : "error";
    return report.hasFailingFindings(result.findings, failOn) ? 1 : undefined;
  },
};
