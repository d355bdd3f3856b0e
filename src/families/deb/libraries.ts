/**
 * The system libraries a platform wheel links, found in the target's archive index
 * (docs/architecture.md, "Archive index"): each soname its ELF files need (`DT_NEEDED`) that the
 * wheel does not ship itself (auditwheel's `<name>.libs/`), looked up in the archive's Contents.
 * The packages that ship them become Build-Depends, since dpkg-shlibdeps must find the libraries
 * on the build host to write `${shlibs:Depends}`; a soname no package ships is a refusal.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { UnsupportedWheelError } from "../../errors.js";
import type { PackageFacts } from "../../targets/common/facts.js";
import type { TargetArchive } from "../../targets/types.js";

/** The Build-Depends a wheel's libraries need, with what was found. */
export interface LibraryNeeds {
  /** Relations for Build-Depends, one per library: `libzmq5`, `libblas3 | libblas.so.3`. */
  relations: string[];
  diagnostics: Diagnostic[];
}

/** Alternatives kept in one relation: enough for a library several packages ship. */
const mostAlternatives = 4;

/**
 * The packages that ship a soname, those named after it first (`libzmq.so.5`: `libzmq5`), then
 * the shorter names; a virtual package named after the soname (libblas.so.3, which the
 * alternatives of BLAS implementations provide) last, so a real package comes first.
 */
function alternatives(soname: string, packages: readonly string[]): string[] {
  const stem = soname.replace(/\.so(?:\.[^/]*)?$/, "").toLowerCase();
  const real = packages.filter((p) => p !== soname);
  real.sort(
    (a, b) =>
      Number(b.startsWith(stem)) - Number(a.startsWith(stem)) ||
      a.length - b.length ||
      a.localeCompare(b),
  );
  return [...real.slice(0, mostAlternatives), ...(packages.includes(soname) ? [soname] : [])];
}

/**
 * The Build-Depends of the libraries the wheel's ELF files need, from the archive's Contents.
 * Without an index (or one without Contents) nothing is looked up; a library every build host
 * has (libc6, libstdc++6) is left out; a soname no package ships refuses the wheel, naming it.
 */
export function libraryNeeds(
  facts: PackageFacts,
  archive: TargetArchive | undefined,
): LibraryNeeds {
  const needs: LibraryNeeds = { relations: [], diagnostics: [] };
  if (archive === undefined) return needs;
  const shipped = new Set(
    facts.files.map((file) => file.path.slice(file.path.lastIndexOf("/") + 1)),
  );
  const neededBy = new Map<string, string>();
  for (const file of facts.files) {
    for (const soname of file.elf?.needed ?? []) {
      if (!shipped.has(soname) && !neededBy.has(soname)) neededBy.set(soname, file.path);
    }
  }
  if (neededBy.size === 0) return needs;
  const missing: string[] = [];
  for (const [soname, file] of [...neededBy].sort(([a], [b]) => a.localeCompare(b))) {
    const packages = archive.librariesOf(soname);
    if (packages === undefined) {
      needs.diagnostics.push(
        diagnostic(
          "libraries-not-looked-up",
          "warning",
          `the ${archive.describe()} has no file lists (Contents): the system libraries the wheel links are not looked up`,
        ),
      );
      return { relations: [], diagnostics: needs.diagnostics };
    }
    if (packages.length === 0) {
      missing.push(`${soname} (needed by ${file})`);
      continue;
    }
    if (packages.some((p) => archive.preinstalled(p))) continue;
    const relation = alternatives(soname, packages).join(" | ");
    needs.relations.push(relation);
    needs.diagnostics.push(
      diagnostic(
        "library-build-depends",
        "info",
        `${soname} (needed by ${file}) is in ${relation}: a build dependency, so that dpkg-shlibdeps finds it`,
      ),
    );
  }
  if (missing.length > 0) {
    throw new UnsupportedWheelError(
      `no package of the ${archive.describe()} ships ${missing.length === 1 ? "the library" : "the libraries"} ${missing.join(", ")}`,
      { file: facts.wheel.filename },
    );
  }
  return needs;
}
