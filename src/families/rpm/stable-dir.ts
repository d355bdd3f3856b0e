/**
 * A build directory whose path depends on the package alone. rpmbuild writes the expanded build
 * scripts into the source RPM's header, and with them the paths of the sources and the build
 * root: built in a fresh temporary directory each time, two builds of the same inputs gave
 * source RPMs (and so binary RPMs, through their Sourcepkgid) that differ in those paths only.
 * At one path per package, they are byte-identical. Two builds of the same package at once take
 * turns; a directory left by a process that died is taken over.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { onFileSystem } from "../../errors.js";

/** Whether a process is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `use` with the directory `<tmp>/wheel2pkg-rpmbuild/<name>` made for it alone, and
 * removes the directory afterwards. `name` must be a file name (a spec file's base name).
 */
export async function inStableDirectory<T>(
  name: string,
  use: (directory: string) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const parent = join(tmpdir(), "wheel2pkg-rpmbuild");
  const directory = join(parent, name);
  await onFileSystem(parent, "cannot create directory", () => mkdir(parent, { recursive: true }));
  for (;;) {
    try {
      await mkdir(directory);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(join(directory, "owner"), "utf8").catch(() => "0"));
    // A directory whose owner is gone (or that never got one, after a while) is stale.
    if (owner > 0 && !alive(owner)) {
      await rm(directory, { recursive: true, force: true });
      continue;
    }
    signal?.throwIfAborted();
    await sleep(200);
    if (owner === 0) {
      const again = await readFile(join(directory, "owner"), "utf8").catch(() => null);
      if (again === null) await rm(directory, { recursive: true, force: true });
    }
  }
  try {
    await writeFile(join(directory, "owner"), String(process.pid));
    return await use(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
