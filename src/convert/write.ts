import { randomBytes } from "node:crypto";
import { copyFile, mkdir, rename, rm, writeFile, chmod } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { asFileSystemError, onFileSystem } from "../errors.js";
import type { PlannedPackage } from "./plan.js";

/** Where a package was written. */
export interface WrittenPackage {
  /** The package's directory: `<out>/<target>/<source name>`. */
  directory: string;
  planned: PlannedPackage;
}

/** The directory of a planned package under an output directory. */
export function packageDirectory(outDir: string, planned: PlannedPackage): string {
  // Absolute: native tools run inside the directory and are given paths into it.
  return resolve(outDir, planned.plan.target, planned.plan.directory);
}

/**
 * Writes one planned package so that its directory is either complete or absent: everything
 * goes into a hidden staging directory beside it, which is then renamed into place (replacing
 * an earlier output of the same package). When the file system refuses (read-only, full,
 * permission), the staging directory is removed, an earlier output stays as it was, and the
 * FileSystemError names the package directory.
 */
export async function writePackage(
  outDir: string,
  planned: PlannedPackage,
): Promise<WrittenPackage> {
  const directory = packageDirectory(outDir, planned);
  const parent = dirname(directory);
  await onFileSystem(parent, "cannot create directory", () => mkdir(parent, { recursive: true }));
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.${planned.plan.directory}.tmp-${suffix}`);
  // Failures inside the hidden staging directory are reported on the package directory.
  const inPackage = <T>(action: string, operation: () => Promise<T>): Promise<T> =>
    onFileSystem(directory, action, operation);
  try {
    await inPackage("cannot create directory", () => mkdir(staging));
    for (const file of planned.files) {
      const path = join(staging, file.path);
      await inPackage(`cannot write ${file.path}`, async () => {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, { mode: file.mode });
        // The mode given to writeFile is filtered by the umask; set it exactly.
        await chmod(path, file.mode);
      });
    }
    const wheelTarget = join(staging, planned.plan.wheelPath);
    await inPackage(`cannot write ${planned.plan.wheelPath}`, async () => {
      await mkdir(dirname(wheelTarget), { recursive: true });
      await copyFile(planned.wheelSource, wheelTarget);
      await chmod(wheelTarget, 0o644);
    });
    await moveIntoPlace(
      staging,
      directory,
      join(parent, `.${planned.plan.directory}.old-${suffix}`),
    );
  } catch (error) {
    // The original error matters; a staging directory that cannot be removed either is left
    // for the next batch run, which removes those of dead processes.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return { directory, planned };
}

/** Renames the staging directory to the package directory, moving an earlier one aside first. */
async function moveIntoPlace(staging: string, directory: string, old: string): Promise<void> {
  let replaced = false;
  try {
    await rename(directory, old);
    replaced = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw asFileSystemError(error, "cannot replace the earlier output", directory);
    }
  }
  try {
    await rename(staging, directory);
  } catch (error) {
    if (replaced) await rename(old, directory).catch(() => undefined);
    throw asFileSystemError(error, "cannot move the new output into place", directory);
  }
  // The new output is in place: an old one that will not go is removed by the next batch run.
  if (replaced) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}
