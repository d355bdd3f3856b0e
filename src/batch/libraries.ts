/**
 * The shared libraries a batch's wheels ship, which the set's other wheels may link
 * (docs/architecture.md, "Libraries of the set"): a cmeel wheel's `cmeel.prefix/lib/libboost_*`,
 * linked by the wheels built on it. On each target, a soname is offered by the package the batch
 * makes of the wheel that ships it; src/families/libraries.ts decides whether a wheel's soname
 * comes from there.
 */
import { basename } from "node:path";
import { setLibrariesLinked, type LinkingFile } from "../families/libraries.js";
import type { ArchiveIndex } from "../families/index.js";
import type { SetLibraries, SetLibrary } from "../targets/types.js";
import type { WheelPackage } from "../model/package.js";
import type { ReadWheel } from "./read.js";
import type { SetRequirements } from "./requirements.js";
import { compare } from "../targets/common/files.js";

/** A file name that a shared library has: `libfoo.so`, `libfoo.so.1.2`. */
const libraryName = /\.so(?:\.[^/]*)?$/;

/** The wheel's files as the library look-up reads them: where installed, and what they link. */
export function linkingFiles(pkg: WheelPackage): LinkingFile[] {
  return pkg.members.map((member) => ({ path: member.installPath, elf: member.elf ?? null }));
}

/** A look-up of the set's libraries on one target. */
class SetLibraryTable implements SetLibraries {
  constructor(private readonly bySoname: ReadonlyMap<string, SetLibrary>) {}

  shippedBy(soname: string): SetLibrary | undefined {
    return this.bySoname.get(soname);
  }
}

/**
 * The shared libraries each target's packages of the set ship, by target id: every ELF shared
 * object in a wheel's site directory, under its file name (the name a linking file asks for,
 * as a wheel's own libraries are matched). When two wheels ship one soname, the wheel whose
 * project sorts first offers it, so the answer never depends on the order of the wheels.
 */
export function setLibraries(
  reads: readonly ReadWheel[],
  requirements: SetRequirements,
  targetIds: readonly string[],
): Map<string, SetLibraries> {
  const tables = new Map<string, Map<string, SetLibrary>>(targetIds.map((id) => [id, new Map()]));
  const members = reads
    .flatMap((r) => (r.member === null ? [] : [r.member.pkg]))
    .sort((a, b) => compare(a.metadata.normalizedName, b.metadata.normalizedName));
  for (const pkg of members) {
    const mapped = requirements.get(pkg.path)?.mapped;
    if (mapped == null || mapped instanceof Error) continue;
    for (const target of mapped) {
      if ("error" in target) continue;
      const table = tables.get(target.profile.id);
      if (table === undefined) continue;
      for (const member of pkg.members) {
        if (member.scheme !== "purelib" && member.scheme !== "platlib") continue;
        if (member.elf?.type !== "shared" || !libraryName.test(member.installPath)) continue;
        const soname = basename(member.installPath);
        if (table.has(soname)) continue;
        table.set(soname, {
          soname,
          project: pkg.metadata.normalizedName,
          wheel: pkg.filename.filename,
          path: member.installPath,
          package: target.names.binary,
          version: pkg.version,
        });
      }
    }
  }
  return new Map([...tables].map(([id, table]) => [id, new SetLibraryTable(table)]));
}

/**
 * Adds to what each wheel requires on each target the set's projects whose libraries it links:
 * their packages are built first, and the wheel's package depends on them.
 */
export function addLibraryRequirements(
  reads: readonly ReadWheel[],
  requirements: SetRequirements,
  libraries: ReadonlyMap<string, SetLibraries>,
  archives: ReadonlyMap<string, ArchiveIndex> | null,
): void {
  for (const read of reads) {
    if (read.member === null) continue;
    const { pkg } = read.member;
    const wheel = requirements.get(read.item.wheel);
    if (wheel === undefined) continue;
    for (const [id, target] of wheel.targets) {
      const linked = setLibrariesLinked(linkingFiles(pkg), libraries.get(id), archives?.get(id));
      const providers = linked.map((l) => l.library.project);
      target.requires = [...new Set([...target.requires, ...providers])].sort();
    }
  }
}
