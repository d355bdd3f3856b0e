import { readFile, readdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { TargetProfile } from "../profiles/types.js";
import { buildEnvironment, runTool } from "./run.js";
import type { BuildOptions, BuildResult } from "./types.js";

/** The host's Debian codename (`bookworm`), or null when it is not Debian-like. */
async function hostSuite(): Promise<string | null> {
  try {
    const osRelease = await readFile("/etc/os-release", "utf8");
    return /^VERSION_CODENAME=(.*)$/m.exec(osRelease)?.[1]?.replace(/"/g, "") ?? null;
  } catch {
    return null;
  }
}

/**
 * Builds the Debian source package (3.0 quilt: the wheel in the orig tarball, debian/ in the
 * debian tarball) and the binary packages with dpkg-buildpackage. `dir` holds the unpacked
 * source tree `tree`; the artifacts and `build.log` land in `dir`.
 */
export async function buildDeb(
  dir: string,
  tree: string,
  wheelFile: string,
  sourceName: string,
  upstreamVersion: string,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const logFile = join(dir, "build.log");
  await writeFile(logFile, "");
  const env = buildEnvironment(sourceDateEpoch);
  const cancel = options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal };
  // The orig tarball holds the upstream wheel only, with fixed owners, order and times.
  const orig = `${sourceName}_${upstreamVersion.replace(/^\d+:/, "")}.orig.tar.xz`;
  await runTool(
    "tar",
    [
      "--sort=name",
      `--mtime=@${sourceDateEpoch}`,
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--format=gnu",
      "-cJf",
      orig,
      `${tree}/${wheelFile}`,
    ],
    { cwd: dir, logFile, env, label: `tar ${orig}`, ...cancel },
  );
  const args = ["-us", "-uc", options.sourceOnly === true ? "--build=source" : "--build=full"];
  // Build-Depends are checked where the host is the target release; elsewhere they cannot be.
  if ((await hostSuite()) !== profile.deb?.suite) args.push("-d");
  await runTool("dpkg-buildpackage", args, {
    cwd: join(dir, tree),
    logFile,
    env,
    label: `dpkg-buildpackage ${basename(tree)}`,
    ...cancel,
  });
  await runTool("dh_clean", [], {
    cwd: join(dir, tree),
    logFile,
    env,
    label: "dh_clean",
    ...cancel,
  });
  const names = (await readdir(dir)).sort();
  return {
    logFile,
    sourcePackages: names.filter((name) => name.endsWith(".dsc")).map((name) => join(dir, name)),
    binaryPackages: names.filter((name) => name.endsWith(".deb")).map((name) => join(dir, name)),
  };
}
