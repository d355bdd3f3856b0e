import { UnsupportedWheelError } from "../errors.js";
import type { TargetProfile } from "../profiles/types.js";
import { satisfiesSpecifiers, specifiersToString } from "./specifier.js";
import type { Specifier } from "./types.js";

/**
 * Refuses a wheel whose Requires-Python excludes the target's Python: the package would install
 * and then fail to import. Checked against the target's full version (`3.11.2`), as pip does.
 */
export function checkRequiresPython(
  wheel: string,
  requiresPython: readonly Specifier[] | null,
  profile: TargetProfile,
): void {
  if (requiresPython === null || requiresPython.length === 0) return;
  if (satisfiesSpecifiers(profile.python.fullVersion, requiresPython)) return;
  throw new UnsupportedWheelError(
    `requires Python ${specifiersToString(requiresPython)}; ${profile.id} (${profile.name}) has Python ${profile.python.fullVersion}`,
    { file: wheel, field: "Requires-Python" },
  );
}
