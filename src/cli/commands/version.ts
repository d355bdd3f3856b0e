import type { Diagnostic } from "../../diagnostics.js";
import { targetList, type Command } from "../command.js";

/** One entry of `version --json`, as README documents it. */
export interface VersionEntry {
  /** The PEP 440 version as given. */
  version: string;
  /** The Version a package built from that wheel gets, before any release/revision suffix. */
  distro: string;
}

/**
 * The distro Version of each PEP 440 version on one target: `rpmPackageVersion` (with `N:` for
 * an epoch) for the RPM family, `debPackageVersion` for Debian. A version that is not PEP 440
 * is a UserError (exit 2) naming it.
 */
async function translate(
  versions: readonly string[],
  target: string,
): Promise<{ entries: VersionEntry[]; diagnostics: Diagnostic[] }> {
  const [{ getProfile }, { familyOf }] = await Promise.all([
    import("../../profiles/index.js"),
    import("../../families/index.js"),
  ]);
  const family = familyOf(getProfile(target));
  const diagnostics: Diagnostic[] = [];
  const entries = versions.map((version): VersionEntry => {
    const distro = family.packageVersion(version);
    diagnostics.push(...distro.diagnostics);
    return { version, distro: distro.version };
  });
  return { entries, diagnostics };
}

/** `wheel2pkg version V... --target T [--json]` */
export const versionCommand: Command = {
  command: "version <versions..>",
  describe: "show the package Version the target gives each PEP 440 version",
  builder: (y) =>
    y
      .positional("versions", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "PEP 440 versions, e.g. 1.0rc1 2!3.0.post1",
      })
      .option("target", { type: "string", demandOption: true, describe: "target profile id" })
      .option("json", { type: "boolean", default: false, describe: "print JSON" }),
  async run(args, output) {
    const [{ UserError }, { json, printDiagnostics }] = await Promise.all([
      import("../../errors.js"),
      import("../output.js"),
    ]);
    const targets = targetList(args.target);
    if (targets.length !== 1) {
      throw new UserError(`version takes one target, not ${targets.length}`, {
        field: "--target",
      });
    }
    const versions = (args.versions as unknown[]).map(String);
    const { entries, diagnostics } = await translate(versions, targets[0] ?? "");
    if (args.json === true) output.out(json(entries));
    else for (const entry of entries) output.out(`${entry.version} → ${entry.distro}\n`);
    printDiagnostics(output, diagnostics, args.verbose === true);
    return undefined;
  },
};
