import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** A distro package needs a real public version: not 0, and no `+local` label. */
export const versionZeroOrLocal: Rule = {
  id: "version-zero-or-local",
  severity: "warning",
  summary: "the version is a public release, not 0 and without a +local label",
  guideline: guidelines.fedoraVersions,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input) {
    if (input.kind !== "wheel") return [];
    const { version, parsedVersion } = input.wheel.pkg;
    if (parsedVersion.local !== null && parsedVersion.local.length > 0) {
      return [{ message: `version ${version} has a local label, which is not a public release` }];
    }
    if (parsedVersion.release.every((part) => part === 0)) {
      return [{ message: `version ${version} is zero: upstream did not set a version` }];
    }
    return [];
  },
};
