/**
 * The Release of an RPM package that replaces the repository's package of the same name
 * (docs/version-translation.md, "Replacing the archive's package"). A wheel of the release the
 * repository has is rebuilt as a minor bump of the repository's Release, after Fedora's
 * versioning guidelines: `.<n>` after it, ahead of the dist tag (`1.fc41` → `1.1%{?dist}`,
 * `1.1.fc41`), which sorts above the repository's and below its next Release.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { TargetProfile } from "../../profiles/types.js";
import type { PlanArchive } from "../../targets/types.js";
import { archiveStanding, standingDiagnostics } from "../archive-standing.js";
import { compareRpmVersions, splitEvr } from "./version-order.js";

/**
 * The Release to write for the package `binaryName` made from a wheel of `wheelVersion`, whose
 * `[epoch:]version` is `evr`, given the Release the user asked for; the dist tag is not part of
 * it (the spec appends `%{?dist}` where the distribution does).
 */
export function rpmReleaseOverArchive(
  binaryName: string,
  wheelVersion: string,
  evr: string,
  release: string,
  profile: TargetProfile,
  archive: PlanArchive | undefined,
): { release: string; diagnostics: Diagnostic[] } {
  const replaced = archive?.package(binaryName);
  if (archive === undefined || replaced === undefined) return { release, diagnostics: [] };
  const parts = splitEvr(replaced.version);
  const standing = archiveStanding(wheelVersion, replaced.version, parts.version);
  // openSUSE has no dist tag (its profile writes `%{nil}`).
  const tag = profile.rpm?.distTag ?? "";
  const distTag = tag.startsWith(".") ? tag : "";
  const repositoryRelease = parts.release ?? "0";
  const bumped =
    standing.kind === "same-release"
      ? `${withoutDistTag(repositoryRelease, distTag)}.${release}`
      : release;
  const chosen = `${evr}-${bumped}${distTag}`;
  const sortsAbove = compareRpmVersions(chosen, replaced.version) > 0;
  return {
    release: bumped,
    diagnostics: standingDiagnostics(binaryName, chosen, standing, sortsAbove, archive.describe()),
  };
}

/** A Release without the distribution's dist tag and what follows it (`3.fc41.2` → `3`). */
function withoutDistTag(release: string, distTag: string): string {
  const at = distTag === "" ? -1 : release.indexOf(distTag);
  return at < 0 ? release : release.slice(0, at);
}
