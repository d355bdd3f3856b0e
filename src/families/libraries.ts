/**
 * The system libraries a platform wheel links, found in the target's archive index
 * (docs/architecture.md, "Archive index"): each soname its ELF files need (`DT_NEEDED`) that the
 * wheel does not ship itself (auditwheel's `<name>.libs/`), with the packages of the archive
 * that ship it. A soname no package ships refuses the target, naming it: a package made from
 * the wheel could never be installed there.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { UnsupportedWheelError } from "../errors.js";
import type { PackageFacts } from "../targets/common/facts.js";
import type { PlanArchive } from "../targets/types.js";

/** One system library the wheel links, and the archive's packages that ship it. */
export interface SystemLibrary {
  soname: string;
  /** The first file of the wheel that needs it. */
  neededBy: string;
  packages: string[];
  /** Whether every build host has one of those packages (libc6, libstdc++6). */
  preinstalled: boolean;
}

/** The wheel's system libraries; null when there is no index, or it has no file lists. */
export interface SystemLibraries {
  libraries: SystemLibrary[] | null;
  diagnostics: Diagnostic[];
}

/**
 * Looks up, in the target's archive index, each system library the wheel's ELF files need.
 * Without an index nothing is looked up; an index without file lists (Debian without
 * Contents) says so; a soname no package ships throws an UnsupportedWheelError naming it.
 */
export function systemLibraries(
  facts: Pick<PackageFacts, "files" | "wheel">,
  archive: PlanArchive | undefined,
): SystemLibraries {
  if (archive === undefined) return { libraries: null, diagnostics: [] };
  const shipped = new Set(
    facts.files.map((file) => file.path.slice(file.path.lastIndexOf("/") + 1)),
  );
  const neededBy = new Map<string, string>();
  for (const file of facts.files) {
    for (const soname of file.elf?.needed ?? []) {
      if (!shipped.has(soname) && !neededBy.has(soname)) neededBy.set(soname, file.path);
    }
  }
  if (neededBy.size === 0) return { libraries: [], diagnostics: [] };
  const libraries: SystemLibrary[] = [];
  const missing: string[] = [];
  for (const [soname, file] of [...neededBy].sort(([a], [b]) => a.localeCompare(b))) {
    const packages = archive.librariesOf(soname);
    if (packages === undefined) {
      const message = `the ${archive.describe()} has no file lists (Contents): the system libraries the wheel links are not looked up`;
      return {
        libraries: null,
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
    throw new UnsupportedWheelError(
      `no package of the ${archive.describe()} ships ${missing.length === 1 ? "the library" : "the libraries"} ${missing.join(", ")}`,
      { file: facts.wheel.filename },
    );
  }
  return { libraries, diagnostics: [] };
}
