/**
 * Leftovers of an interrupted run: writePackage stages each package in a hidden
 * `.<name>.tmp-<pid>-<hex>` directory (and moves a replaced one to `.old-`); a process killed
 * before renaming leaves it behind. A batch removes those whose process is gone.
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

const leftover = /^\..+\.(?:tmp|old)-(\d+)-[0-9a-f]{8}$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the staging directories of dead processes under `<outDir>/<target>/`. */
export async function removeStaleStaging(
  outDir: string,
  targets: readonly string[],
): Promise<string[]> {
  const removed: string[] = [];
  for (const target of targets) {
    let names: string[];
    try {
      names = await readdir(join(outDir, target));
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = Number(leftover.exec(name)?.[1] ?? NaN);
      if (Number.isNaN(pid) || pid === process.pid || running(pid)) continue;
      await rm(join(outDir, target, name), { recursive: true, force: true });
      removed.push(join(target, name));
    }
  }
  return removed;
}
