/**
 * The version of a Debian package that replaces the archive's package of the same name
 * (docs/version-translation.md, "Replacing the archive's package"). A wheel of the release the
 * archive has becomes a local build of the archive's version, spelled as devscripts'
 * deb-reversion spells one: the archive's full version with `LOCAL.<n>` after its revision
 * (`2.14.0+dfsg-1` → `2.14.0+dfsg-1LOCAL.1`). Letters sort before every other character in a
 * revision, so it sorts above the archive's version and below the archive's next one: a new
 * upload (`-2`), a binNMU (`-1+b1`), a stable or security update (`-1+deb12u1`).
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { PlanArchive } from "../../targets/types.js";
import { archiveStanding, standingDiagnostics } from "../archive-standing.js";
import { compareDebianVersions, splitDebianVersion } from "./version-order.js";

/** The marker of a local build in a Debian revision, as deb-reversion writes it. */
const localBuild = "LOCAL.";

/**
 * The full version (`[epoch:]upstream-revision`) of the package `binaryName` made from a wheel
 * of `wheelVersion`, given `ownVersion`, the one its version translation gives, and the
 * revision the user asked for (`release`, the local build's number here).
 */
export function debianVersionOverArchive(
  binaryName: string,
  wheelVersion: string,
  ownVersion: string,
  release: string,
  archive: PlanArchive | undefined,
): { version: string; diagnostics: Diagnostic[] } {
  const replaced = archive?.package(binaryName);
  if (archive === undefined || replaced === undefined) {
    return { version: ownVersion, diagnostics: [] };
  }
  const parts = splitDebianVersion(replaced.version);
  const standing = archiveStanding(wheelVersion, replaced.version, parts.upstream);
  // A native version has no revision; the local build's revision then follows an implicit 0.
  const version =
    standing.kind === "same-release"
      ? `${replaced.version}${parts.revision === "" ? "-0" : ""}${localBuild}${release}`
      : ownVersion;
  const sortsAbove = compareDebianVersions(version, replaced.version) > 0;
  return {
    version,
    diagnostics: standingDiagnostics(binaryName, version, standing, sortsAbove, archive.describe()),
  };
}
