import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { onFileSystem } from "../../errors.js";
import type { TargetProfile } from "../../profiles/types.js";
import { buildEnvironment, queryTool, runTool } from "../../native/run.js";
import { inStableDirectory } from "./stable-dir.js";
import type { BuildOptions, BuildResult } from "../../native/types.js";

/**
 * Whether the host's rpm knows the target's Python macros. On a host of another distribution
 * (rpmbuild on Debian, say) it does not: the profile's own macro values are loaded instead, and
 * BuildRequires cannot be checked against the host's (empty) rpm database.
 */
let foreignHost: Promise<boolean> | undefined;
function isForeignHost(): Promise<boolean> {
  // The host does not change while wheel2pkg runs: asked once, not once per build.
  foreignHost ??= queryTool("rpm", ["--eval", "%{?python3_sitelib}"]).then(
    (value) => value === null || value.trim() === "",
  );
  return foreignHost;
}

/**
 * On a foreign host, writes the macro file that stands in for the target distro's macros into
 * `work` and returns its path (for rpm's `--load`); null on a host of the target's own kind.
 */
export async function foreignHostMacros(
  profile: TargetProfile,
  work: string,
): Promise<string | null> {
  if (!(await isForeignHost())) return null;
  const macros = join(work, "target.macros");
  await onFileSystem(macros, "cannot write", () => writeFile(macros, hostMacroFile(profile)));
  return macros;
}

/** The macro file that stands in for the target distro's macros on a foreign host. */
function hostMacroFile(profile: TargetProfile): string {
  const macros = {
    // The RPM distributions' /bin/sh is bash, and their build scripts rely on it (brp-compress
    // uses `read -d`): run by a dash /bin/sh, it would leave man pages uncompressed.
    _buildshell: "/bin/bash",
    __brp_compress: "/bin/bash /usr/lib/rpm/brp-compress %{?_prefix}",
    ...(profile.rpm?.hostMacros ?? {}),
    dist: profile.rpm?.distTag ?? "",
  };
  return Object.entries(macros)
    .map(([name, value]) => `%${name} ${value}\n`)
    .join("");
}

/**
 * Builds the SRPM and the binary RPMs from `<dir>/<name>.spec` and the wheel beside it, with
 * rpmbuild. The results and `build.log` land in `dir`; rpmbuild's work trees live in a
 * temporary directory that is removed afterwards.
 */
export async function buildRpm(
  dir: string,
  specFile: string,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const logFile = join(dir, "build.log");
  const notes: string[] = [];
  // rpmbuild's work trees, and the sources seen through a link, at a path of the package's own:
  // the paths the build scripts in the source RPM's header name are the same on every build.
  await inStableDirectory(
    specFile.replace(/\.spec$/, ""),
    async (stable) => {
      const work = join(stable, "top");
      const sources = join(stable, "SOURCES");
      await onFileSystem(stable, "cannot create directory", async () => {
        await mkdir(work);
        await symlink(dir, sources);
      });
      await onFileSystem(logFile, "cannot write the build log", () => writeFile(logFile, ""));
      const args = [
        options.sourceOnly === true ? "-bs" : "-ba",
        "--define",
        `_topdir ${work}`,
        "--define",
        `_sourcedir ${sources}`,
        "--define",
        `_specdir ${dir}`,
        "--define",
        `_srcrpmdir ${dir}`,
        "--define",
        `_rpmdir ${dir}`,
        "--define",
        "_rpmfilename %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
        "--define",
        "_buildhost reproducible",
        "--define",
        "use_source_date_epoch_as_buildtime 1",
        "--define",
        "clamp_mtime_to_source_date_epoch 1",
      ];
      const macros = await foreignHostMacros(profile, work);
      if (macros !== null) {
        notes.push(
          `built with this host's rpmbuild and ${profile.name}'s Python macros from the target profile, not ${profile.name}'s own tools; BuildRequires were not checked (build it in ${profile.name}'s build system, mock for instance, for a package it would build alike)`,
        );
        args.push("--nodeps", "--load", macros);
        await onFileSystem(logFile, "cannot write the build log", () =>
          writeFile(
            logFile,
            `# This host is not ${profile.name}: its macros are loaded from the target profile and BuildRequires are not checked.\n`,
          ),
        );
      }
      args.push(join(dir, specFile));
      await runTool("rpmbuild", args, {
        cwd: dir,
        logFile,
        env: buildEnvironment(sourceDateEpoch),
        label: `rpmbuild ${specFile}`,
        ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
      });
    },
    options.cancelSignal,
  );
  const names = (await readdir(dir)).sort();
  return {
    logFile,
    notes,
    sourcePackages: names
      .filter((name) => name.endsWith(".src.rpm"))
      .map((name) => join(dir, name)),
    binaryPackages: names
      .filter((name) => name.endsWith(".rpm") && !name.endsWith(".src.rpm"))
      .map((name) => join(dir, name)),
  };
}
