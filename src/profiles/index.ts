import { UserError } from "../errors.js";
import { debian12, debian13, ubuntu2404 } from "./debian.js";
import { epel9 } from "./epel.js";
import { fedora, fedoraRawhide } from "./fedora.js";
import { opensuse } from "./opensuse.js";
import type { TargetProfile } from "./types.js";

export type {
  TargetProfile,
  TargetFamily,
  InstallPaths,
  PythonFlavor,
  RpmSpecStyle,
  RpmDependencyStyle,
} from "./types.js";

/** Every built-in target profile, by id. */
export const profiles: ReadonlyMap<string, TargetProfile> = new Map(
  [fedora, fedoraRawhide, epel9, opensuse, debian12, debian13, ubuntu2404].map((profile) => [
    profile.id,
    profile,
  ]),
);

/** Looks up a target profile by id; a clear UserError lists the known ids otherwise. */
export function getProfile(id: string): TargetProfile {
  const profile = profiles.get(id);
  if (profile === undefined) {
    throw new UserError(
      `unknown target "${id}"; known targets: ${[...profiles.keys()].sort().join(", ")}`,
      { field: "--target" },
    );
  }
  return profile;
}
