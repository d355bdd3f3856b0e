/**
 * What both families' repository writers share: the packages copied into a directory beside
 * the repository, described, indexed by the family's tools, and renamed into place, so the
 * repository is the old one or the new one, never half of either.
 */
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { onFileSystem } from "../errors.js";
import type { Repository } from "../native/types.js";
import { compare } from "../targets/common/files.js";

type RepositoryPackage = Repository["packages"][number];

/**
 * Writes `directory` from `files`: `describe` reads each package copied into the staging
 * directory, `index` writes the family's metadata there and returns the configuration line.
 */
export async function writeStagedRepository(
  directory: string,
  files: readonly string[],
  describe: (file: string) => Promise<Omit<RepositoryPackage, "file">>,
  index: (staging: string, packages: readonly RepositoryPackage[]) => Promise<string>,
): Promise<Repository> {
  const target = resolve(directory);
  const staging = `${target}.part-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await onFileSystem(target, "cannot write the repository", () =>
    mkdir(staging, { recursive: true }),
  );
  try {
    const packages: RepositoryPackage[] = [];
    for (const source of files) {
      const file = join(staging, basename(source));
      await copyFile(source, file);
      packages.push({ ...(await describe(file)), file: join(target, basename(source)) });
    }
    const configuration = await index(staging, packages);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    packages.sort((a, b) => compare(a.name, b.name));
    return { directory: target, packages, configuration };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
