import type { Diagnostic } from "../../diagnostics.js";
import type { Config } from "../../config/types.js";
import type { RelationInArchive } from "../../families/index.js";
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
  /** `--check-archive`: what the target's archive offers for each relation. */
  archive?: RelationInArchive[];
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
async function mapAll(
  args: Record<string, unknown>,
): Promise<{ entries: MapEntry[]; notes: Diagnostic[] }> {
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
  const { epochsOf, targetConfig } = await import("../../families/index.js");
  const config = await loadConfig(typeof args.config === "string" ? args.config : undefined);
  const archives = await archiveFor(profile, config, args);
  const index = archives?.indices.get(profile.id);
  const rules = targetConfig(config, profile, index).names;
  // Relations carry the epochs of the archive's packages, as planning writes them.
  const epochs = index === undefined ? {} : { epochOf: epochsOf(index) };
  const measure =
    index === undefined
      ? null
      : { index, ...(await import("../../families/archive-relations.js")) };
  const entries = (args.requirements as unknown[]).map(String).map((text) => {
    const requirement = parseRequirement(text);
    const mapped = mapRequirement(requirement, profile, { machine, rules, ...epochs });
    const { dependencies } = mapped;
    // The notes the target's packaging adds to its relations (openSUSE: exact versions, extras).
    const notes = dependencies.flatMap((d) => rules.style.relationNotes(requirement, d, profile));
    const diagnostics = [...mapped.diagnostics, ...notes];
    const archive = measure?.relationsInArchive(mapped, profile, measure.index);
    if (measure !== null && archive !== undefined) {
      diagnostics.push(...measure.archiveFindings(text, archive, profile));
    }
    return {
      requirement: text,
      dependencies,
      diagnostics: diagnostics.map(({ code, severity, message }) => ({ code, severity, message })),
      ...(archive === undefined ? {} : { archive }),
    };
  });
  return { entries, notes: archives?.diagnostics ?? [] };
}

/** `--check-archive`, `--refresh-archive`: the target's archive index, else null. */
async function archiveFor(profile: TargetProfile, config: Config, args: Record<string, unknown>) {
  const refreshArchive = args.refreshArchive === true;
  if (args.checkArchive !== true && !refreshArchive) return null;
  const { runArchives } = await import("../archive.js");
  return runArchives([profile], config, { checkArchive: true, refreshArchive });
}

/**
 * Prints map entries: JSON, or one line per requirement with the archive's packages beside each
 * relation under `--check-archive` (diagnostics on stderr).
 */
async function print(
  output: Output,
  { entries, notes }: { entries: MapEntry[]; notes: Diagnostic[] },
  asJson: boolean,
  verbose: boolean,
) {
  const { json, printDiagnostics } = await import("../output.js");
  const { archiveNote } = await import("../../families/archive-relations.js");
  if (asJson) {
    output.out(json(entries));
    printDiagnostics(output, notes, verbose);
    return;
  }
  for (const entry of entries) {
    const relations = entry.dependencies.length > 0 ? entry.dependencies.join(", ") : "(none)";
    output.out(`${entry.requirement} → ${relations}\n`);
    for (const found of entry.archive ?? []) {
      output.out(`  ${found.relation}: ${archiveNote(found)}\n`);
    }
  }
  printDiagnostics(output, [...notes, ...entries.flatMap((entry) => entry.diagnostics)], verbose);
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
      .option("check-archive", {
        type: "boolean",
        default: false,
        describe: "show the target's archive packages beside each relation (archive index)",
      })
      .option("refresh-archive", {
        type: "boolean",
        default: false,
        describe: "read the archive index's sources again (implies --check-archive)",
      })
      .option("json", { type: "boolean", default: false, describe: "print JSON" }),
  async run(args, output) {
    await print(output, await mapAll(args), args.json === true, args.verbose === true);
    return undefined;
  },
};
