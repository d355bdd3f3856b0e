/**
 * After a batch has built its packages: with `repo`, one repository per target from the binary
 * packages of its entries (built now or earlier), and the package manager's verdict on whether
 * they install there (docs/architecture.md, "Publishing a batch").
 */
import { join, resolve } from "node:path";
import { familyOf } from "../families/index.js";
import type { TargetProfile } from "../profiles/types.js";
import { errorMessage } from "./entry.js";
import type { BatchEntry, RepositoryReport } from "./types.js";

/**
 * Writes `<repo>/<target>/` for each target with binary packages, asks whether they install
 * (with the target's archive, from `archiveSources` where the family reads it from there), and
 * fills in each entry's `install`. A repository that cannot be written is reported with
 * its error; the others go on.
 */
export async function publishRepositories(
  repo: string,
  profiles: readonly TargetProfile[],
  entries: readonly BatchEntry[],
  archiveSources: ReadonlyMap<string, readonly string[]>,
): Promise<RepositoryReport[]> {
  const reports: RepositoryReport[] = [];
  for (const profile of profiles) {
    const family = familyOf(profile);
    const mine = entries.filter(
      (e) => e.target === profile.id && (e.status === "built" || e.status === "skipped-unchanged"),
    );
    const files = mine.flatMap((e) => e.artifacts.filter((a) => family.isBinaryPackage(a)));
    if (files.length === 0) continue;
    const directory = resolve(join(repo, profile.id));
    try {
      const repository = await family.writeRepository(directory, files, profile);
      const sources = archiveSources.get(profile.id) ?? [];
      const install = await family.checkInstall(repository, profile, sources);
      const byFile = new Map(
        repository.packages.map((p) => [p.file.slice(p.file.lastIndexOf("/") + 1), p.name]),
      );
      for (const entry of mine) {
        const names = new Set(
          entry.artifacts.map((a) => byFile.get(a.slice(a.lastIndexOf("/") + 1))),
        );
        entry.install = install.checked
          ? install.results.filter((r) => names.has(r.package))
          : null;
      }
      reports.push({
        target: profile.id,
        directory: repository.directory,
        configuration: repository.configuration,
        packages: repository.packages.length,
        install,
        error: null,
      });
    } catch (error) {
      reports.push({
        target: profile.id,
        directory,
        configuration: "",
        packages: 0,
        install: { checked: false, source: "no repository was written", results: [] },
        error: errorMessage(error),
      });
    }
  }
  return reports;
}
