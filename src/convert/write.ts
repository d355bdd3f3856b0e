import { randomBytes } from "node:crypto";
import { copyFile, mkdir, rename, rm, writeFile, chmod } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
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
 * an earlier output of the same package).
 */
export async function writePackage(
  outDir: string,
  planned: PlannedPackage,
): Promise<WrittenPackage> {
  const directory = packageDirectory(outDir, planned);
  const parent = dirname(directory);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.${planned.plan.directory}.tmp-${suffix}`);
  try {
    await mkdir(staging);
    for (const file of planned.files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { mode: file.mode });
      // The mode given to writeFile is filtered by the umask; set it exactly.
      await chmod(path, file.mode);
    }
    const wheelTarget = join(staging, planned.plan.wheelPath);
    await mkdir(dirname(wheelTarget), { recursive: true });
    await copyFile(planned.wheelSource, wheelTarget);
    await chmod(wheelTarget, 0o644);
    const old = join(parent, `.${planned.plan.directory}.old-${suffix}`);
    let replaced = false;
    try {
      await rename(directory, old);
      replaced = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await rename(staging, directory);
    if (replaced) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { directory, planned };
}
