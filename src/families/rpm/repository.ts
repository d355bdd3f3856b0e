/**
 * An RPM repository of built .rpms (repodata from createrepo_c), and what can be said of
 * whether they install: dnf would need the target's own repodata, which a host of another
 * release does not have, so the check says why it cannot be made instead of guessing.
 */
import { resolve } from "node:path";
import { captureTool, queryTool } from "../../native/run.js";
import type { InstallCheck, Repository } from "../../native/types.js";
import type { TargetProfile } from "../../profiles/types.js";
import { writeStagedRepository } from "../repository-staging.js";

/**
 * Writes `directory` as a repository of the .rpms: each copied in, then `repodata/` by
 * createrepo_c. Written beside and renamed into place.
 */
export async function writeRpmRepository(
  directory: string,
  rpms: readonly string[],
  profile: TargetProfile,
): Promise<Repository> {
  const query = "%{NAME}\\n%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n%{ARCH}";
  return writeStagedRepository(
    directory,
    rpms,
    async (file) => {
      const [name = "", version = "", architecture = ""] = (
        await captureTool("rpm", ["-qp", "--nosignature", "--qf", query, file])
      ).split("\n");
      return { name, version, architecture };
    },
    async (staging) => {
      await captureTool("createrepo_c", ["--quiet", "--no-database", "."], staging);
      return [
        `[wheel2pkg-${profile.id}]`,
        `name=wheel2pkg packages for ${profile.name}`,
        `baseurl=file://${resolve(directory)}`,
        "enabled=1",
        "gpgcheck=0",
        "",
      ].join("\n");
    },
  );
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
