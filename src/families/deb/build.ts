import { access, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { onFileSystem } from "../../errors.js";
import type { TargetProfile } from "../../profiles/types.js";
import { buildEnvironment, runTool } from "../../native/run.js";
import { ensureBuildHostNeeds, missingLibraries } from "./build-needs.js";
import type { BuildOptions, BuildResult } from "../../native/types.js";

/** The host's Debian codename (`bookworm`), or null when it is not Debian-like. */
export async function hostSuite(): Promise<string | null> {
  try {
    const osRelease = await readFile("/etc/os-release", "utf8");
    return /^VERSION_CODENAME=(.*)$/m.exec(osRelease)?.[1]?.replace(/"/g, "") ?? null;
  } catch {
    return null;
  }
}

/** Files a debhelper build leaves in `debian/`; a tree holding one was built in before. */
const buildTraces = ["debian/files", "debian/debhelper-build-stamp", "debian/.debhelper"];

/** Whether the source tree is as written: no build has run in it. */
async function untouched(tree: string): Promise<boolean> {
  for (const trace of buildTraces) {
    try {
      await access(join(tree, trace));
      return false;
    } catch {
      // Absent: look at the next one.
    }
  }
  return true;
}

/** Every path in a directory tree (directories too), relative to it. */
async function treePaths(root: string): Promise<Set<string>> {
  return new Set(await readdir(root, { recursive: true }));
}

/**
 * Puts a source tree back as it was before a build: removes what the build added (the staged
 * binary package tree, substvars, debian/files, debhelper's records), keeps everything else.
 */
async function restoreTree(root: string, before: ReadonlySet<string>): Promise<void> {
  for (const path of await treePaths(root)) {
    const parent = dirname(path);
    // A new directory goes as a whole; what is below it has a new parent and is passed over.
    if (!before.has(path) && (parent === "." || before.has(parent))) {
      await rm(join(root, path), { recursive: true, force: true });
    }
  }
}

/**
 * Builds the Debian source package (3.0 quilt: the wheel in the orig tarball, debian/ in the
 * debian tarball) and the binary packages with dpkg-buildpackage. `dir` holds the unpacked
 * source tree `tree`; the artifacts and `build.log` land in `dir`, and the tree is left as it was.
 * The host must have `hostNeeds` (the packages of the libraries the wheel links), or is told
 * which to install.
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
  hostNeeds: readonly string[] = [],
): Promise<BuildResult> {
  const logFile = join(dir, "build.log");
  await onFileSystem(logFile, "cannot write the build log", () => writeFile(logFile, ""));
  const env = buildEnvironment(sourceDateEpoch);
  const cancel = options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal };
  // The orig tarball holds the upstream wheel only, with fixed owners, order and times. The
  // wheel is a zip, compressed already: gzip wraps it in a fraction of the time xz takes
  // (numpy: under a second instead of eleven) for a tarball less than 1% larger.
  const orig = `${sourceName}_${upstreamVersion.replace(/^\d+:/, "")}.orig.tar.gz`;
  await runTool(
    "tar",
    [
      "--sort=name",
      `--mtime=@${sourceDateEpoch}`,
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--format=gnu",
      "-czf",
      orig,
      `${tree}/${wheelFile}`,
    ],
    { cwd: dir, logFile, env, label: `tar ${orig}`, ...cancel },
  );
  const treeDir = join(dir, tree);
  const run = { cwd: treeDir, logFile, env, ...cancel };
  // A tree just written holds nothing to clean, and dpkg-buildpackage's `debian/rules clean`
  // would start make, dh and dh_clean only to find that out. A tree that an earlier build left
  // files in is cleaned first, so that none of them reach the source package.
  if (!(await untouched(treeDir))) {
    await runTool("debian/rules", ["clean"], { ...run, label: `debian/rules clean ${tree}` });
  }
  const written = await treePaths(treeDir);
  const args = [
    "-us",
    "-uc",
    options.sourceOnly === true ? "--build=source" : "--build=full",
    "--no-pre-clean",
  ];
  // Build-Depends are checked where the host is the target release; elsewhere they cannot be.
  const host = await hostSuite();
  const notes: string[] = [];
  if (host !== profile.deb?.suite) {
    args.push("-d");
    notes.push(
      `built with this host's (${host ?? "not Debian"}) dpkg, debhelper and dh-python, not ${profile.name}'s; build it on ${profile.deb?.suite ?? profile.id} (sbuild, a chroot) for a package its archive would build alike`,
    );
  }
  await ensureBuildHostNeeds(hostNeeds, options, run);
  try {
    await runTool("dpkg-buildpackage", args, { ...run, label: `dpkg-buildpackage ${tree}` });
  } catch (error) {
    throw missingLibraries(error);
  }
  // What dh_clean would remove, without starting it; a failed build keeps its tree to look at.
  await restoreTree(treeDir, written);
  const names = (await readdir(dir)).sort();
  return {
    logFile,
    notes,
    sourcePackages: names.filter((name) => name.endsWith(".dsc")).map((name) => join(dir, name)),
    binaryPackages: names.filter((name) => name.endsWith(".deb")).map((name) => join(dir, name)),
  };
}
