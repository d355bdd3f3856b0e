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
import { json, type Output } from "./output.js";

/** Options of `wheel2pkg explain`. */
export interface ExplainOptions {
  /** A project name or a whole requirement (`PyYAML>=5`): only the name is used. */
  name: string;
  target: string;
  /** `--config FILE`; unset: wheel2pkg.toml in `cwd` if present. */
  config?: string;
  json: boolean;
  cwd?: string;
}

/** Prints which layer maps a Python project name on a target, and what every layer says. */
export async function explain(output: Output, options: ExplainOptions): Promise<void> {
  const project = parseRequirement(options.name).name;
  const profile = getProfile(options.target);
  const config = await loadConfig(options.config, options.cwd);
  const decision = resolveName(project, profile, targetConfig(config, profile).names);
  output.out(options.json ? json(decision) : formatExplanation(decision, profile));
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
