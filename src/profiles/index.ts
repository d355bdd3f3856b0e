import { UserError } from "../errors.js";
import { debian12 } from "./debian.js";
import { fedora } from "./fedora.js";
import type { TargetProfile } from "./types.js";

export type { TargetProfile, TargetFamily, InstallPaths } from "./types.js";

/** Every built-in target profile, by id. */
export const profiles: ReadonlyMap<string, TargetProfile> = new Map(
  [fedora, debian12].map((profile) => [profile.id, profile]),
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
