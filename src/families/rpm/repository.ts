/**
 * An RPM repository of built .rpms, with repodata from createrepo_c, which dnf and zypper read
 * (whether its packages install is asked in install-check.ts).
 */
import { resolve } from "node:path";
import { captureTool } from "../../native/run.js";
import type { Repository } from "../../native/types.js";
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
