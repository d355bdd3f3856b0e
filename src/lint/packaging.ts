/**
 * Lint after a conversion, one path for `convert` and `batch`: the policy rules over the
 * packaging a planned package writes (read from the planned files, exactly as `wheel2pkg lint`
 * reads them from disk) and over the binary packages built from it.
 */
import { join } from "node:path";
import type { LintSeverity } from "../config/index.js";
import type { PlannedPackage } from "../convert/plan.js";
import { familyOf } from "../families/index.js";
import type { TargetProfile } from "../profiles/types.js";
import { runRules } from "./engine.js";
import { lintPath } from "./index.js";
import { parseDebianDir } from "./inputs/debian.js";
import { parseSpec } from "./inputs/spec.js";
import type { Finding, LintInput } from "./types.js";

/** The spec or debian/ directory of a planned package, parsed as lint reads it from disk. */
export function plannedPackagingInput(
  planned: PlannedPackage,
  directory: string,
): LintInput | null {
  const root = familyOf(planned.profile).packagingRoot(planned.files.map((f) => f.path));
  if (root === null) return null;
  if (root.kind === "spec") {
    const spec = planned.files.find((f) => f.path === root.path);
    if (spec === undefined) return null;
    return { kind: "spec", path: join(directory, spec.path), spec: parseSpec(spec.content) };
  }
  const prefix = `${root.path}/`;
  const files = planned.files
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ path: f.path.slice(prefix.length), content: f.content, mode: f.mode }));
  return { kind: "debian-dir", path: join(directory, root.path), debian: parseDebianDir(files) };
}

/** The findings on the packaging a planned package writes into `directory`; null if it has none. */
export function lintPlannedPackaging(
  planned: PlannedPackage,
  directory: string,
  severity?: ReadonlyMap<string, LintSeverity>,
): Finding[] | null {
  const input = plannedPackagingInput(planned, directory);
  if (input === null) return null;
  return runRules(input, planned.profile, severity === undefined ? {} : { severity });
}

/**
 * The findings on the binary packages among `artifacts` (source packages are skipped), with the
 * family's own linter too when `native`; null when there is none.
 */
export async function lintBuiltPackages(
  artifacts: readonly string[],
  profile: TargetProfile,
  options: { severity?: ReadonlyMap<string, LintSeverity>; native?: boolean } = {},
): Promise<Finding[] | null> {
  const family = familyOf(profile);
  const binaries = artifacts.filter((artifact) => family.isBinaryPackage(artifact));
  if (binaries.length === 0) return null;
  const findings: Finding[] = [];
  for (const binary of binaries) {
    const report = await lintPath(binary, {
      profile,
      ...(options.severity === undefined ? {} : { severity: options.severity }),
      native: options.native === true,
    });
    findings.push(...report.findings);
  }
  return findings;
}
