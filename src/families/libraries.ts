/**
 * Where each shared library a platform wheel links comes from, decided here and nowhere else
 * (docs/architecture.md, "Archive index" and "Libraries of the set"): each soname its ELF files
 * need (`DT_NEEDED`) is the wheel's own when it ships a file of that name (auditwheel's
 * `<name>.libs/`, cmeel's `cmeel.prefix/lib/`), else, in a batch, the package of another wheel
 * of the set that ships it, else the packages of the target's archive that ship it. A soname
 * that none of them has refuses the target, naming it: a package made from the wheel could
 * never be installed there.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { UnsupportedWheelError } from "../errors.js";
import type { PackageFacts } from "../targets/common/facts.js";
import type { InstalledFile } from "../targets/common/files.js";
import type { PlanArchive, SetLibraries, SetLibrary } from "../targets/types.js";
import { compare } from "../targets/common/files.js";

/** One system library the wheel links, and the archive's packages that ship it. */
export interface SystemLibrary {
  soname: string;
  /** The first file of the wheel that needs it. */
  neededBy: string;
  packages: string[];
  /** Whether every build host has one of those packages (libc6, libstdc++6). */
  preinstalled: boolean;
}

/** A library another wheel of the batch ships, as the wheel links it. */
export interface LinkedSetLibrary {
  /** The first file of the wheel that needs it. */
  neededBy: string;
  library: SetLibrary;
}

/**
 * The wheel's libraries: those of the archive (null when there is no index, or it has no file
 * lists) and those of the batch's other wheels.
 */
export interface SystemLibraries {
  libraries: SystemLibrary[] | null;
  fromSet: LinkedSetLibrary[];
  diagnostics: Diagnostic[];
}

/** A file of a wheel as the look-up reads it: where it is installed and what it links. */
export type LinkingFile = Pick<InstalledFile, "path" | "elf">;

/** Each soname the wheel's ELF files need that it does not ship itself, with its first user. */
function linkedElsewhere(files: readonly LinkingFile[]): Map<string, string> {
  const shipped = new Set(files.map((file) => file.path.slice(file.path.lastIndexOf("/") + 1)));
  const neededBy = new Map<string, string>();
  for (const file of files) {
    for (const soname of file.elf?.needed ?? []) {
      if (!shipped.has(soname) && !neededBy.has(soname)) neededBy.set(soname, file.path);
    }
  }
  return new Map([...neededBy].sort(([a], [b]) => compare(a, b)));
}

/**
 * The set's libraries a wheel links, without looking further: what orders a batch's builds.
 * A library every build host has (libc6's) comes from the archive even when a wheel ships a
 * copy, so that no package depends on another for its C library.
 */
export function setLibrariesLinked(
  files: readonly LinkingFile[],
  set: SetLibraries | undefined,
  archive: PlanArchive | undefined,
): LinkedSetLibrary[] {
  if (set === undefined) return [];
  const linked: LinkedSetLibrary[] = [];
  for (const [soname, file] of linkedElsewhere(files)) {
    const library = set.shippedBy(soname);
    if (library === undefined) continue;
    if (archive?.librariesOf(soname)?.some((p) => archive.preinstalled(p)) === true) continue;
    linked.push({ neededBy: file, library });
  }
  return linked;
}

/**
 * Looks up, in the target's archive index, each system library the wheel's ELF files need.
 * Without an index nothing is looked up; an index without file lists (Debian without
 * Contents) says so; a soname no package ships throws an UnsupportedWheelError naming it.
 */
export function systemLibraries(
  facts: Pick<PackageFacts, "files" | "wheel">,
  archive: PlanArchive | undefined,
  set?: SetLibraries,
): SystemLibraries {
  const fromSet = setLibrariesLinked(facts.files, set, archive);
  if (archive === undefined) return { libraries: null, fromSet, diagnostics: [] };
  const inSet = new Set(fromSet.map((linked) => linked.library.soname));
  const neededBy = [...linkedElsewhere(facts.files)].filter(([soname]) => !inSet.has(soname));
  const libraries: SystemLibrary[] = [];
  const missing: string[] = [];
  for (const [soname, file] of neededBy) {
    const packages = archive.librariesOf(soname);
    if (packages === undefined) {
      const message = `the ${archive.describe()} has no file lists (Contents): the system libraries the wheel links are not looked up`;
      return {
        libraries: null,
        fromSet,
        diagnostics: [diagnostic("libraries-not-looked-up", "warning", message)],
      };
    }
    if (packages.length === 0) missing.push(`${soname} (needed by ${file})`);
    else {
      const preinstalled = packages.some((p) => archive.preinstalled(p));
      libraries.push({ soname, neededBy: file, packages, preinstalled });
    }
  }
  if (missing.length > 0) {
    const orSet = set === undefined ? "" : ", nor does another wheel of the batch";
    throw new UnsupportedWheelError(
      `no package of the ${archive.describe()} ships ${missing.length === 1 ? "the library" : "the libraries"} ${missing.join(", ")}${orSet}`,
      { file: facts.wheel.filename },
    );
  }
  return { libraries, fromSet, diagnostics: [] };
}
