import type { Diagnostic } from "../../diagnostics.js";
import type { TargetProfile } from "../../profiles/types.js";
import { targetList, type Command } from "../command.js";
import type { Output } from "../output.js";

/** One entry of `map --json`, as README documents it. */
export interface MapEntry {
  /** The requirement as given on the command line. */
  requirement: string;
  /** Relations exactly as the target's packaging carries them; empty when not needed. */
  dependencies: string[];
  diagnostics: Pick<Diagnostic, "code" | "severity" | "message">[];
}

/** The wheel platform machine `--arch` names: a wheel machine, or the target's name for it. */
async function machineFor(arch: unknown, profile: TargetProfile): Promise<string | null> {
  if (typeof arch !== "string") return null;
  const entries = Object.entries(profile.architectures);
  const found = entries.find(([machine, name]) => arch === machine || arch === name);
  if (found !== undefined) return found[0];
  const { UserError } = await import("../../errors.js");
  throw new UserError(
    `unknown architecture "${arch}" for ${profile.id}; known: ${entries.map(([m, n]) => (m === n ? m : `${m} (${n})`)).join(", ")}`,
    { field: "--arch" },
  );
}

/** Maps each requirement for one target, as the packaging of a wheel requiring it would. */
async function mapAll(args: Record<string, unknown>): Promise<MapEntry[]> {
  const [{ UserError }, { getProfile }, { parseRequirement }, { mapRequirement }] =
    await Promise.all([
      import("../../errors.js"),
      import("../../profiles/index.js"),
      import("../../model/requirement.js"),
      import("../../mapping/map.js"),
    ]);
  const targets = targetList(args.target);
  if (targets.length !== 1) {
    throw new UserError(`map takes one target, not ${targets.length}`, { field: "--target" });
  }
  const profile = getProfile(targets[0] ?? "");
  const machine = await machineFor(args.arch, profile);
  const { loadConfig } = await import("../../config/load.js");
  const { targetConfig } = await import("../../families/index.js");
  const config = await loadConfig(typeof args.config === "string" ? args.config : undefined);
  const rules = targetConfig(config, profile).names;
  return (args.requirements as unknown[]).map(String).map((text) => {
    const requirement = parseRequirement(text);
    const mapped = mapRequirement(requirement, profile, { machine, rules });
    const { dependencies } = mapped;
    // The notes the target's packaging adds to its relations (openSUSE: exact versions, extras).
    const notes = dependencies.flatMap((d) => rules.style.relationNotes(requirement, d, profile));
    const diagnostics = [...mapped.diagnostics, ...notes];
    return {
      requirement: text,
      dependencies,
      diagnostics: diagnostics.map(({ code, severity, message }) => ({ code, severity, message })),
    };
  });
}

/** Prints map entries: JSON, or one line per requirement (diagnostics on stderr). */
async function print(output: Output, entries: MapEntry[], asJson: boolean, verbose: boolean) {
  const { json, printDiagnostics } = await import("../output.js");
  if (asJson) {
    output.out(json(entries));
    return;
  }
  for (const entry of entries) {
    const relations = entry.dependencies.length > 0 ? entry.dependencies.join(", ") : "(none)";
    output.out(`${entry.requirement} → ${relations}\n`);
  }
  printDiagnostics(
    output,
    entries.flatMap((entry) => entry.diagnostics),
    verbose,
  );
}

/** `wheel2pkg map REQUIREMENT... --target T [--arch MACHINE] [--json]` */
export const mapCommand: Command = {
  command: "map <requirements..>",
  describe: "show how PEP 508 requirements become the target's dependency relations",
  builder: (y) =>
    y
      .positional("requirements", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "requirements as in Requires-Dist, e.g. \"foo>=1.2; python_version<'3.12'\"",
      })
      .option("target", { type: "string", demandOption: true, describe: "target profile id" })
      .option("arch", {
        type: "string",
        describe: "evaluate platform_machine for this machine (default: a noarch package)",
      })
      .option("config", {
        type: "string",
        describe: "configuration file (default: wheel2pkg.toml here, if present)",
      })
      .option("json", { type: "boolean", default: false, describe: "print JSON" }),
  async run(args, output) {
    await print(output, await mapAll(args), args.json === true, args.verbose === true);
    return undefined;
  },
};
