/**
 * The Build-Depends of the system libraries a platform wheel links (see ../libraries.ts): the
 * packages that ship them, since dpkg-shlibdeps must find the libraries on the build host to
 * write `${shlibs:Depends}`; those every build host has are left out.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { PackageFacts } from "../../targets/common/facts.js";
import type { PlanArchive } from "../../targets/types.js";
import { systemLibraries } from "../libraries.js";

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
 * The Build-Depends of the libraries the wheel's ELF files need, from the archive's Contents;
 * nothing without an index. A soname no package ships refuses the wheel (`systemLibraries`).
 */
export function libraryNeeds(
  facts: Pick<PackageFacts, "files" | "wheel">,
  archive: PlanArchive | undefined,
): LibraryNeeds {
  const found = systemLibraries(facts, archive);
  const needs: LibraryNeeds = { relations: [], diagnostics: [...found.diagnostics] };
  for (const library of found.libraries ?? []) {
    if (library.preinstalled) continue;
    const relation = alternatives(library.soname, library.packages).join(" | ");
    // One package often ships several of the sonames (libxslt1.1: libxslt.so.1, libexslt.so.0).
    if (!needs.relations.includes(relation)) needs.relations.push(relation);
    needs.diagnostics.push(
      diagnostic(
        "library-build-depends",
        "info",
        `${library.soname} (needed by ${library.neededBy}) is in ${relation}: a build dependency, so that dpkg-shlibdeps finds it`,
      ),
    );
  }
  return needs;
}
