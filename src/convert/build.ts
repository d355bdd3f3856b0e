import { familyOf } from "../families/index.js";
import type { BuildOptions, BuildResult } from "../native/types.js";
import type { TargetProfile } from "../profiles/types.js";
import type { WrittenPackage } from "./write.js";

/**
 * Builds a written package with its family's native tools. Throws ToolError when a tool fails;
 * its log stays next to the outputs.
 */
export function buildNative(
  written: WrittenPackage,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const { plan, pkg } = written.planned;
  return familyOf(profile).build(written.directory, plan, profile, sourceDateEpoch, {
    wheel: pkg,
    ...options,
  });
}
