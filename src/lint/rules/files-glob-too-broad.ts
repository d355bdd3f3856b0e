import type { TargetProfile } from "../../profiles/types.js";
import { guidelines } from "../guidelines.js";
import { targetPath } from "../inputs/spec.js";
import type { Rule } from "../types.js";

/** Shared directories whose whole content a `%files` glob would claim. */
function sharedDirectories(profile: TargetProfile): Set<string> {
  return new Set([profile.paths.purelib, profile.paths.platlib, profile.paths.scripts]);
}

/** Unversioned site-packages macros, which a target may not expand (openSUSE's singlespec). */
const unexpandedSiteRe = /^%\{?\$?python\d*_site(lib|arch)\}?$/;

/**
 * Fedora: `%files` does not glob everything under a shared directory (`%{python3_sitelib}/*`,
 * `%{_bindir}/*`): that claims `__pycache__` and whatever a later version installs there.
 */
export const filesGlobTooBroad: Rule = {
  id: "files-glob-too-broad",
  severity: "warning",
  summary: "%files lists what the package installs, not site-packages/* or %{_bindir}/*",
  guideline: guidelines.fedoraFilesToInclude,
  families: ["rpm"],
  inputs: ["spec"],
  check(input, profile) {
    if (input.kind !== "spec") return [];
    const shared = sharedDirectories(profile);
    return input.spec.files.flatMap((section) =>
      section.entries
        .filter((entry) => {
          const glob = /^(.*)\/\*$/.exec(entry.path);
          if (glob === null) return false;
          const directory = glob[1] ?? "";
          return shared.has(targetPath(directory, profile)) || unexpandedSiteRe.test(directory);
        })
        .map((entry) => ({
          message: `${section.name} lists ${entry.path}, which claims a shared directory's content`,
          line: entry.line,
        })),
    );
  },
};
