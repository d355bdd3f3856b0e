/**
 * An RPM repository of built .rpms (repodata from createrepo_c), and what can be said of
 * whether they install: dnf would need the target's own repodata, which a host of another
 * release does not have, so the check says why it cannot be made instead of guessing.
 */
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { onFileSystem } from "../../errors.js";
import { captureTool, queryTool } from "../../native/run.js";
import type { InstallCheck, Repository } from "../../native/types.js";
import type { TargetProfile } from "../../profiles/types.js";

/**
 * Writes `directory` as a repository of the .rpms: each copied in, then `repodata/` by
 * createrepo_c. Written beside and renamed into place.
 */
export async function writeRpmRepository(
  directory: string,
  rpms: readonly string[],
  profile: TargetProfile,
): Promise<Repository> {
  const target = resolve(directory);
  const staging = `${target}.part-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await onFileSystem(target, "cannot write the repository", () =>
    mkdir(staging, { recursive: true }),
  );
  try {
    const packages: Repository["packages"] = [];
    for (const rpm of rpms) {
      const file = join(staging, basename(rpm));
      await copyFile(rpm, file);
      const query = "%{NAME}\\n%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n%{ARCH}";
      const [name = "", version = "", architecture = ""] = (
        await captureTool("rpm", ["-qp", "--nosignature", "--qf", query, file])
      ).split("\n");
      packages.push({ name, version, architecture, file: join(target, basename(rpm)) });
    }
    await captureTool("createrepo_c", ["--quiet", "--no-database", "."], staging);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    packages.sort((a, b) => a.name.localeCompare(b.name));
    const configuration = [
      `[wheel2pkg-${profile.id}]`,
      `name=wheel2pkg packages for ${profile.name}`,
      `baseurl=file://${target}`,
      "enabled=1",
      "gpgcheck=0",
      "",
    ].join("\n");
    return { directory: target, packages, configuration };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Whether the packages install on the target. dnf must resolve them against the target's own
 * repositories; this host has none configured for another release, so the verdict is that it
 * cannot be checked here, and why.
 */
export async function checkRpmInstall(
  _repository: Repository,
  profile: TargetProfile,
): Promise<InstallCheck> {
  const dnf = await queryTool("dnf", ["--version"]);
  const source =
    dnf === null
      ? `this host has no dnf to ask about ${profile.id}`
      : `dnf on this host has no repodata of ${profile.name}`;
  return { checked: false, source, results: [] };
}
