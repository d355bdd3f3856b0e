/**
 * Severity is policy data: how each target re-scores rules whose default fits the distro the
 * rule comes from but not another of the same family. The user's `[lint]` config comes last.
 */
import type { LintSeverity } from "../config/index.js";

/** Target id → rule id → severity on that target. */
export const targetSeverity: Readonly<Record<string, Readonly<Record<string, LintSeverity>>>> = {
  // openSUSE's singlespec names binaries python3XY-<name> and packages some prebuilt wheels
  // (its guidelines discourage, not forbid them).
  opensuse: { "rpm-binary-name": "off", "prebuilt-binary": "warning" },
};
