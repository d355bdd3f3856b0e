/**
 * Severity is policy data: how each target re-scores rules whose default fits the distro the
 * rule comes from but not another of the same family. The user's `[lint]` config comes last.
 */
import type { LintSeverity } from "../config/index.js";

/** Target id → rule id → severity on that target. */
export const targetSeverity: Readonly<Record<string, Readonly<Record<string, LintSeverity>>>> = {
  // openSUSE's singlespec names binaries python3XY-<name> and packages some prebuilt wheels
  // (its guidelines discourage, not forbid them). Its unversioned %{python_sitelib} and
  // %python_* macros expand once per flavor, and its Python macros come from
  // python-rpm-macros, not python3-devel.
  opensuse: {
    "rpm-binary-name": "off",
    "prebuilt-binary": "warning",
    "unversioned-python-macro": "off",
    "python3-devel-not-buildrequired": "off",
  },
};
