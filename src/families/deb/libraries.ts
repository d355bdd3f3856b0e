/**
 * The Build-Depends of the system libraries a platform wheel links (see ../libraries.ts): the
 * packages that ship them, since dpkg-shlibdeps must find the libraries on the build host to
 * write `${shlibs:Depends}`; those every build host has are left out. A library another wheel of
 * a batch ships comes from that wheel's package: a Build-Depends and a Depends on it, and a line
 * of debian/shlibs.local that gives dpkg-shlibdeps the dependency, since the package ships no
 * shlibs file for a library outside the public library directories.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { PackageFacts } from "../../targets/common/facts.js";
import type { EpochLookup } from "../../mapping/archive-epochs.js";
import { debPackageVersion } from "../../mapping/deb-version.js";
import type { PlanArchive, SetLibraries, SetLibrary } from "../../targets/types.js";
import { systemLibraries } from "../libraries.js";
import { compare } from "../../targets/common/files.js";

/** The Build-Depends a wheel's libraries need, with what was found. */
export interface LibraryNeeds {
  /** Relations for Build-Depends, one per library: `libzmq5`, `libblas3 | libblas.so.3`. */
  relations: string[];
  /** Of those, what the build host must have: the archive's packages, not the batch's. */
  hostNeeds: string[];
  /** Relations on the batch's packages whose libraries the wheel links, for Depends. */
  depends: string[];
  /** debian/shlibs.local lines for those libraries: `libfoo 1 python3-foo (>= 1.0)`. */
  shlibsLocal: string[];
  /** Those libraries, for the builder. */
  setLibraries: SetLibrary[];
  diagnostics: Diagnostic[];
}

/**
 * A soname as dpkg-shlibdeps splits it into a library name and version (`libfoo.so.1`: `libfoo
 * 1`, `libfoo-1.2.so`: `libfoo 1.2`); null for one it cannot split (`libfoo.so`), which no
 * shlibs file can name and dpkg-shlibdeps passes over; null too for a soname with characters
 * no library name has (it comes from the wheel), which then has only its Depends.
 */
export function shlibsKey(soname: string): string | null {
  if (!/^[A-Za-z0-9._+-]+$/.test(soname)) return null;
  const match = /^(.+)\.so\.(.+)$/.exec(soname) ?? /^(.+)-(\d.*)\.so$/.exec(soname);
  return match === null ? null : `${match[1] ?? ""} ${match[2] ?? ""}`;
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
      compare(a, b),
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
  set?: { libraries: SetLibraries; epochOf: EpochLookup },
): LibraryNeeds {
  const found = systemLibraries(facts, archive, set?.libraries);
  const needs: LibraryNeeds = {
    relations: [],
    hostNeeds: [],
    depends: [],
    shlibsLocal: [],
    setLibraries: [],
    diagnostics: [...found.diagnostics],
  };
  for (const library of found.libraries ?? []) {
    if (library.preinstalled) continue;
    const relation = alternatives(library.soname, library.packages).join(" | ");
    // One package often ships several of the sonames (libxslt1.1: libxslt.so.1, libexslt.so.0).
    if (!needs.relations.includes(relation)) needs.relations.push(relation);
    if (!needs.hostNeeds.includes(relation)) needs.hostNeeds.push(relation);
    needs.diagnostics.push(
      diagnostic(
        "library-build-depends",
        "info",
        `${library.soname} (needed by ${library.neededBy}) is in ${relation}: a build dependency, so that dpkg-shlibdeps finds it`,
      ),
    );
  }
  for (const { neededBy, library } of found.fromSet) {
    // Any revision of the release the batch built it from: the ABI it was linked against.
    const upstream = debPackageVersion(library.version, set?.epochOf(library.package) ?? 0);
    const relation = `${library.package} (>= ${upstream.version})`;
    if (!needs.relations.includes(relation)) needs.relations.push(relation);
    if (!needs.depends.includes(relation)) needs.depends.push(relation);
    const key = shlibsKey(library.soname);
    if (key !== null) needs.shlibsLocal.push(`${key} ${relation}`);
    needs.setLibraries.push(library);
    needs.diagnostics.push(
      diagnostic(
        "library-from-set",
        "info",
        `${library.soname} (needed by ${neededBy}) is shipped by ${library.wheel} of the batch: ${relation} in Build-Depends and Depends`,
      ),
    );
  }
  return needs;
}
