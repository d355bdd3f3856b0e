/**
 * What a build host must have beyond the family's tools: the packages of the system libraries
 * a platform wheel links (its `buildHostNeeds`, also in Build-Depends). dpkg-shlibdeps fails on
 * a host that lacks them with a soname and no package; checking first names the packages, and
 * `--install-build-deps` installs them.
 */
import { ToolError, UserError } from "../../errors.js";
import { runChecker, runTool, type RunOptions } from "../../native/run.js";
import type { BuildOptions } from "../../native/types.js";

/** The relations of `needs` this host does not satisfy, by dpkg-checkbuilddeps; empty: none. */
async function unmet(needs: readonly string[]): Promise<string[]> {
  const checked = await runChecker("dpkg-checkbuilddeps", ["-d", needs.join(", "), "/dev/null"]);
  // Without dpkg-dev there is nothing to ask, and dpkg-buildpackage cannot run either.
  if (!checked.available) return [];
  const reported = /Unmet build dependencies: (.*)$/m.exec(checked.output)?.[1];
  if (reported === undefined) return [];
  // dpkg lists the relations as written, separated by spaces.
  return needs.filter((relation) => reported.includes(relation));
}

/**
 * A build that failed because dpkg-shlibdeps found no package for a library the wheel links
 * (planned without an archive index, so no Build-Depends names it) says how to name it.
 */
export function missingLibraries(error: unknown): unknown {
  if (!(error instanceof ToolError)) return error;
  const sonames = [
    ...new Set(
      [...error.logTail.matchAll(/cannot find library (\S+) needed by/g)].map((m) => m[1]),
    ),
  ];
  if (sonames.length === 0) return error;
  return new ToolError(
    `${error.message}: the wheel links ${sonames.join(", ")}, which no package installed on this host provides; convert with --check-archive to make the packages that ship ${sonames.length === 1 ? "it" : "them"} build dependencies (and --install-build-deps to install them)`,
    error.tool,
    error.logTail,
    error.logFile,
  );
}

/** The package apt-get installs for a relation: its first alternative's name. */
function firstPackage(relation: string): string {
  return relation.split("|")[0]?.trim().split(/[\s(]/)[0] ?? relation;
}

/**
 * Makes sure this host has the packages of `needs`: installs those it lacks with apt-get when
 * `options.installBuildDeps` (as root), else refuses the build naming them.
 */
export async function ensureBuildHostNeeds(
  needs: readonly string[],
  options: BuildOptions,
  run: Omit<RunOptions, "label">,
): Promise<void> {
  if (needs.length === 0) return;
  let missing = await unmet(needs);
  if (missing.length > 0 && options.installBuildDeps === true) {
    const packages = missing.map(firstPackage);
    await runTool("apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
      ...run,
      env: { ...run.env, DEBIAN_FRONTEND: "noninteractive" },
      label: `apt-get install ${packages.join(" ")}`,
    });
    missing = await unmet(needs);
  }
  if (missing.length === 0) return;
  throw new UserError(
    `this host lacks the system libraries the wheel links, which dpkg-shlibdeps must find: install ${missing.join(", ")} (apt-get install ${missing.map(firstPackage).join(" ")}), or build with --install-build-deps`,
    { field: "Build-Depends" },
  );
}
