import type { Located } from "../subjects.js";
import type { RuleFinding } from "../types.js";

/** A finding at the place a located value was written. */
export function locate(where: Located<unknown>, message: string): RuleFinding {
  const finding: RuleFinding = { message };
  if (where.file !== undefined) finding.file = where.file;
  if (where.line !== undefined) finding.line = where.line;
  return finding;
}
