/**
 * The Version and Release of an RPM package that replaces the repository's package of the same
 * name (docs/version-translation.md, "Replacing the archive's package"). A wheel of the release
 * the repository has is rebuilt as the repository's Version, spelled as the repository spells
 * it, with a minor bump of its Release after Fedora's versioning guidelines: `.<n>` after it,
 * ahead of the dist tag (`1.fc41` → `1.1%{?dist}`, `1.1.fc41`), which sorts above the
 * repository's and below its next Release. The repository's spelling matters as much as the
 * Release: rpm orders `1.16` below `1.16.0` and `1.0^post1` below `1.0.post1`, though PEP 440
 * calls each pair one release, and no Release lifts a lower Version.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { TargetProfile } from "../../profiles/types.js";
import type { PlanArchive } from "../../targets/types.js";
import { archiveStanding, standingDiagnostics } from "../archive-standing.js";
import { compareRpmVersions, splitEvr } from "./version-order.js";

/**
 * The Version and Release to write for the package `binaryName` made from a wheel of
 * `wheelVersion`, whose own Epoch and Version are `epoch` and `version`, given the Release the
 * user asked for; the dist tag is not part of the Release (the spec appends `%{?dist}` where
 * the distribution does).
 */
export function rpmVersionOverArchive(
  binaryName: string,
  wheelVersion: string,
  own: { epoch: number | null; version: string },
  release: string,
  profile: TargetProfile,
  archive: PlanArchive | undefined,
): { version: string; release: string; diagnostics: Diagnostic[] } {
  const replaced = archive?.package(binaryName);
  if (archive === undefined || replaced === undefined) {
    return { version: own.version, release, diagnostics: [] };
  }
  const parts = splitEvr(replaced.version);
  const standing = archiveStanding(wheelVersion, replaced.version, parts.version);
  // openSUSE has no dist tag (its profile writes `%{nil}`).
  const tag = profile.rpm?.distTag ?? "";
  const distTag = tag.startsWith(".") ? tag : "";
  const repositoryRelease = parts.release ?? "0";
  const same = standing.kind === "same-release";
  // A Version read as a PEP 440 release holds only a version's characters: an inert spec token.
  const version = same ? parts.version : own.version;
  const bumped = same ? `${withoutDistTag(repositoryRelease, distTag)}.${release}` : release;
  const chosen = `${own.epoch === null ? "" : `${own.epoch}:`}${version}-${bumped}${distTag}`;
  const sortsAbove = compareRpmVersions(chosen, replaced.version) > 0;
  return {
    version,
    release: bumped,
    diagnostics: standingDiagnostics(binaryName, chosen, standing, sortsAbove, archive.describe()),
  };
}

/** A Release without the distribution's dist tag and what follows it (`3.fc41.2` → `3`). */
function withoutDistTag(release: string, distTag: string): string {
  const at = distTag === "" ? -1 : release.indexOf(distTag);
  return at < 0 ? release : release.slice(0, at);
}
