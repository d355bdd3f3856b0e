import { UserError } from "../errors.js";
import type { WrittenPackage } from "../convert/write.js";
import type { TargetProfile } from "../profiles/types.js";
import { buildDeb } from "./deb.js";
import { buildRpm } from "./rpm.js";
import type { BuildOptions, BuildResult } from "./types.js";

export type { BuildOptions, BuildResult } from "./types.js";

/**
 * Builds a written package with its family's native tools (the only place that runs them).
 * Throws ToolError when a tool fails; its log stays next to the outputs.
 */
export async function buildNative(
  written: WrittenPackage,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const { plan } = written.planned;
  if (plan.family === "rpm") {
    const spec = plan.outputs[0]?.path;
    if (spec === undefined) throw new UserError(`no spec file planned for ${plan.sourceName}`);
    return buildRpm(written.directory, spec, profile, sourceDateEpoch, options);
  }
  const [tree, wheelFile] = plan.wheelPath.split("/");
  if (tree === undefined || wheelFile === undefined) {
    throw new UserError(`unexpected Debian source layout for ${plan.sourceName}`);
  }
  const upstreamVersion = plan.version.replace(/-[^-]+$/, "");
  return buildDeb(
    written.directory,
    tree,
    wheelFile,
    plan.sourceName,
    upstreamVersion,
    profile,
    sourceDateEpoch,
    options,
  );
}
