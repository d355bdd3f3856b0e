import type { TargetProfile } from "../../profiles/types.js";
import { guidelines } from "../guidelines.js";
import { installedPaths } from "../subjects.js";
import type { Rule } from "../types.js";
import { locate } from "./locate.js";

/** Directories that the filesystem and python3 packages own; no other package may own them. */
function systemDirectories(profile: TargetProfile): Set<string> {
  const python = `python${profile.python.version}`;
  return new Set([
    "/",
    "/etc",
    "/usr",
    "/usr/bin",
    "/usr/sbin",
    "/usr/lib",
    "/usr/lib64",
    "/usr/include",
    "/usr/share",
    "/usr/share/doc",
    "/usr/share/licenses",
    "/usr/share/man",
    "/usr/share/man/man1",
    `/usr/lib/${python}`,
    `/usr/lib64/${python}`,
    profile.paths.purelib,
    profile.paths.platlib,
    profile.paths.scripts,
  ]);
}

/** Fedora: a package owns only its own files and directories, not the system's. */
export const ownsSystemDirectory: Rule = {
  id: "owns-system-directory",
  severity: "error",
  summary: "the package does not own system directories such as site-packages or /usr/bin",
  guideline: guidelines.fedoraOwnership,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input, profile) {
    const system = systemDirectories(profile);
    return installedPaths(input, profile)
      .filter((p) => system.has(p.value.path))
      .map((p) => locate(p, `${p.pkg} owns the system directory ${p.value.path}`));
  },
};
