/**
 * The libraries a package links that other packages of a batch ship (docs/architecture.md,
 * "Libraries of the set"), found where those packages were built: each providing `.deb` is
 * unpacked into the scratch directory, and dpkg-shlibdeps looks for libraries in its tree (`-S`)
 * under the directory the library is installed in (`-l`), as it would on a host where the
 * package is installed. Which package each library gives the dependency on is said by
 * debian/shlibs.local, which planning wrote.
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "../../../errors.js";
import { runTool, type RunOptions } from "../../../native/run.js";
import type { SetLibrary } from "../../../targets/types.js";
import { siteDir } from "./dh-python.js";

/** Where dpkg-shlibdeps finds the batch's libraries: package trees and library directories. */
export interface SetLibrarySearch {
  /** Unpacked package trees (`-S`). */
  roots: string[];
  /** Directories below a tree's root (`-l`), absolute on the target. */
  directories: string[];
}

/**
 * Unpacks the built packages that ship the libraries into `scratch`; a library whose package
 * is not among `built` (its build failed or was not asked for) is an error on `tree`, the source
 * tree being built, naming the `.deb` it lacks, the library and the wheel that ships it.
 */
export async function unpackSetLibraries(
  libraries: readonly SetLibrary[],
  built: readonly string[],
  tree: string,
  scratch: string,
  run: Omit<RunOptions, "cwd" | "label">,
): Promise<SetLibrarySearch> {
  const search: SetLibrarySearch = { roots: [], directories: [] };
  for (const library of libraries) {
    const deb = built.find(
      (file) => file.endsWith(".deb") && basename(file).startsWith(`${library.package}_`),
    );
    if (deb === undefined) {
      throw new UserError(
        `links ${library.soname}, which ${library.wheel} of the batch ships, but no ${library.package}_*.deb was built of it (its build failed or was not asked for)`,
        { file: tree },
      );
    }
    const root = join(scratch, "set", library.package);
    if (!search.roots.includes(root)) {
      await mkdir(root, { recursive: true });
      await runTool("dpkg-deb", ["-x", deb, root], {
        cwd: scratch,
        ...run,
        label: `dpkg-deb -x ${library.package}`,
      });
      search.roots.push(root);
    }
    const directory = `/${siteDir}/${dirname(library.path)}`.replace(/\/\.$/, "");
    if (!search.directories.includes(directory)) search.directories.push(directory);
  }
  return search;
}
