import { loadConfig } from "../config/load.js";
import { familyOf, targetConfig } from "../families/index.js";
import {
  nameLayers,
  resolveName,
  type NameCandidate,
  type NameDecision,
} from "../mapping/names.js";
import { parseRequirement } from "../model/requirement.js";
import { getProfile } from "../profiles/index.js";
import type { TargetProfile } from "../profiles/types.js";
import { archiveNote } from "../families/archive-relations.js";
import { runArchives } from "./archive.js";
import { json, printDiagnostics, type Output } from "./output.js";

/** Options of `wheel2pkg explain`. */
export interface ExplainOptions {
  /** A project name or a whole requirement (`PyYAML>=5`): only the name is used. */
  name: string;
  target: string;
  /** `--config FILE`; unset: wheel2pkg.toml in `cwd` if present. */
  config?: string;
  json: boolean;
  cwd?: string;
  /** `--check-archive`: also show what the target's archive has under the decided name. */
  checkArchive?: boolean;
  /** `--refresh-archive`: read the archive index's sources again. */
  refreshArchive?: boolean;
}

/** Prints which layer maps a Python project name on a target, and what every layer says. */
export async function explain(output: Output, options: ExplainOptions): Promise<void> {
  const project = parseRequirement(options.name).name;
  const profile = getProfile(options.target);
  const config = await loadConfig(options.config, options.cwd);
  const archives = await runArchives([profile], config, {
    checkArchive: options.checkArchive === true,
    refreshArchive: options.refreshArchive === true,
  });
  const index = archives.indices.get(profile.id);
  const names = targetConfig(config, profile, index).names;
  const decision = resolveName(project, profile, names);
  const archive =
    index === undefined || decision.name === null
      ? undefined
      : familyOf(profile).relationInArchive(
          decision.relation ??
            names.style.relationName(
              names.style.archiveName(decision.name, profile, index),
              profile,
            ),
          index,
          profile,
        );
  printDiagnostics(output, archives.diagnostics, false);
  if (options.json) {
    output.out(json(archive === undefined ? decision : { ...decision, archive }));
    return;
  }
  const text = formatExplanation(decision, profile);
  output.out(
    archive === undefined ? text : `${text}${archive.relation}: ${archiveNote(archive)}\n`,
  );
}

/**
 * The human form: the decision and the rule that made it, then one row for each other layer of
 * the target's family: its answer and rule, or `—` when it has none.
 */
export function formatExplanation(decision: NameDecision, profile: TargetProfile): string {
  // Each target has one built-in layer: Debian's data, python3dist(), or openSUSE's python-<name>.
  const rows = nameLayers(profile, familyOf(profile).mapping)
    .filter((layer) => layer !== decision.layer)
    .map((layer) => {
      const candidate = decision.candidates.find((c) => c.layer === layer);
      return candidate === undefined
        ? [layer, "—", ""]
        : [layer, shown(candidate, profile), candidate.rule];
    });
  const width = (column: number): number =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0));
  const decided = decision.candidates[0] as NameCandidate;
  return [
    `${decision.project} on ${profile.id} → ${shown(decided, profile)}${decision.guess ? " (a guess: no rule or data knows this project)" : ""}`,
    `decided by ${decision.layer}: ${decision.rule}`,
    "other layers:",
    ...rows.map(([layer = "", name = "", rule = ""]) =>
      `  ${layer.padEnd(width(0))}  ${name.padEnd(width(1))}  ${rule}`.trimEnd(),
    ),
    "",
  ].join("\n");
}

/** A candidate's answer as the target's packaging would write it. */
function shown(candidate: NameCandidate, profile: TargetProfile): string {
  if (candidate.name === null) return "(dropped)";
  if (candidate.relation !== undefined) return candidate.relation;
  if (candidate.layer === "default") return candidate.name;
  return familyOf(profile).mapping.relationName(candidate.name, profile);
}
