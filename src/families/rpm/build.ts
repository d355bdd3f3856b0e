import { appendFile, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { onFileSystem, ToolError } from "../../errors.js";
import type { TargetProfile } from "../../profiles/types.js";
import { buildEnvironment, runTool } from "../../native/run.js";
import { inStableDirectory } from "./stable-dir.js";
import type { BuildOptions, BuildResult } from "../../native/types.js";
import { foreignHostSetup } from "./foreign-host.js";

/**
 * A dependency generator failed while rpmbuild went on: its packages lack the relations the
 * generator should have written (python3dist() Provides and Requires), so they are removed and
 * the build fails with the generator's own words.
 */
async function refuseBuilt(
  dir: string,
  specFile: string,
  logFile: string,
  failures: readonly string[],
): Promise<never> {
  for (const name of await readdir(dir)) {
    if (name.endsWith(".rpm")) await rm(join(dir, name), { force: true });
  }
  const report = failures.join("\n");
  await onFileSystem(logFile, "cannot write the build log", () =>
    appendFile(
      logFile,
      `# wheel2pkg: a dependency generator failed; no package was kept.\n${report}\n`,
    ),
  );
  const first = failures[0]?.split("\n") ?? [];
  const said = first.slice(1).filter((line) => line.trim() !== "");
  // The generator's own error line (`ModuleNotFoundError: …`, `Error: …`), else its last word.
  const cause =
    said.findLast((line) => /^(\w*Error\b|error:)/.test(line.trim())) ??
    said.at(-1) ??
    "no message";
  throw new ToolError(
    `rpmbuild ${specFile}: the dependency generator ${first[0]?.split(" ")[0] ?? ""} failed (${cause}); the packages would lack the Provides and Requires it writes, so none was kept`,
    "rpmbuild",
    report,
    logFile,
  );
}

/**
 * Builds the SRPM and the binary RPMs from `<dir>/<name>.spec` and the wheel beside it, with
 * rpmbuild. The results and `build.log` land in `dir`; rpmbuild's work trees live in a
 * directory of the package's own (stable-dir.ts) that is removed afterwards.
 */
export async function buildRpm(
  dir: string,
  specFile: string,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions = {},
  checkNeeds: readonly string[] = [],
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
      const foreign = await foreignHostSetup(profile, work);
      if (foreign !== null) {
        notes.push(foreign.note);
        args.push("--nodeps", ...foreign.args);
        if (checkNeeds.length > 0) {
          // Its dependencies are not installed here: the import check would only find that out.
          args.push("--nocheck");
          notes.push(
            `%check did not run: the import check needs ${checkNeeds.join(", ")} installed, which this host's rpm cannot install; it runs where BuildRequires are installed (mock, ${profile.name}'s build system)`,
          );
        }
        await onFileSystem(logFile, "cannot write the build log", () =>
          writeFile(logFile, foreign.logHeader),
        );
      }
      args.push(join(dir, specFile));
      // A generator's failure is the cause to report, whether or not rpmbuild noticed it.
      const generatorFailures = async () => {
        const failed = (await foreign?.generatorFailures()) ?? [];
        if (failed.length > 0) await refuseBuilt(dir, specFile, logFile, failed);
      };
      try {
        await runTool("rpmbuild", args, {
          cwd: dir,
          logFile,
          env: { ...buildEnvironment(sourceDateEpoch), ...(foreign?.env ?? {}) },
          label: `rpmbuild ${specFile}`,
          ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
        });
      } catch (error) {
        if (error instanceof ToolError) await generatorFailures();
        throw error;
      }
      await generatorFailures();
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
