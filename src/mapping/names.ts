import { normalizeName } from "../model/name.js";
import type { TargetProfile } from "../profiles/types.js";

/** How a distro package name was chosen (the layer that decided). */
export type NameSource = "python3dist" | "default";

/** A requirement's distro package name (deb) or capability base (rpm). */
export interface DistroName {
  name: string;
  source: NameSource;
}

/**
 * The distro name for a Python project. RPM targets use the `python3dist(<PEP 503 name>)`
 * capability that Fedora's dependency generator provides for every installed distribution.
 * Debian targets use `python3-<name>` with dh-python's key form: lower case, `_` as `-`, dots
 * kept (Debian ships `python3-zope.interface`, `python3-ruamel.yaml`).
 */
export function distroName(project: string, profile: TargetProfile): DistroName {
  if (profile.family === "rpm") {
    return { name: normalizeName(project), source: "python3dist" };
  }
  const key = project.toLowerCase().replace(/[-_]+/g, "-");
  return { name: `${profile.naming.binary}${key}`, source: "default" };
}
