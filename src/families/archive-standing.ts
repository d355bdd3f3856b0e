/**
 * How a package made from a wheel stands against the archive's package of the same name
 * (docs/version-translation.md, "Replacing the archive's package"): the same upstream release,
 * whatever the archive's spelling, is rebuilt locally above the archive's version; a newer
 * release in the archive makes the converted package a downgrade, which is said.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { compareVersions, parseVersion, type Pep440Version } from "../model/version.js";

/**
 * Repack marks the archive appends to an upstream version when it repacked the tarball
 * (`2.14.0+dfsg`, `1.2+ds1`, `3.0~repack2`, `4.1+dfsg.1`): they say nothing of the release.
 */
const repackMark = /[+~.](?:dfsg|ds|repack)[0-9.]*$/;

/**
 * The PEP 440 release an archive's upstream version part carries (the epoch and revision or
 * release already taken off): its repack mark dropped, pre-releases as dpkg and rpm write them
 * (`1.0~rc1`), post-releases after `+` or `^` (`1.0+post1`, `1.0^post1`). Null when it is no
 * PEP 440 version at all (`0.0~git20230101.abc`): then nothing is claimed about it.
 */
export function archiveRelease(upstream: string): Pep440Version | null {
  const spelled = upstream
    .replace(repackMark, "")
    .replace(/[+^](?=post\d)/, ".")
    .replace(/~/g, "");
  const parsed = parseVersion(spelled);
  // A local label here is a distribution's own suffix (`+really`, `+git…`), not the release's.
  return parsed === null || parsed.local !== null ? null : parsed;
}

/** How the package stands against the archive's package of its name. */
export type ArchiveStanding =
  /** The archive has no package of that name, or one whose release cannot be read. */
  | { kind: "none" }
  /** The archive has the same release (PEP 440 equal): the package is rebuilt above it. */
  | { kind: "same-release"; archiveVersion: string }
  /** The archive has a newer release: the converted package would be a downgrade. */
  | { kind: "newer"; archiveVersion: string }
  /** The archive has an older release. */
  | { kind: "older"; archiveVersion: string };

/**
 * Compares the wheel's version with the release the archive's package carries.
 * `archiveUpstream` is the archive version's upstream part (no epoch, no revision or release).
 */
export function archiveStanding(
  wheelVersion: string,
  archiveVersion: string | undefined,
  archiveUpstream: string | undefined,
): ArchiveStanding {
  if (archiveVersion === undefined || archiveUpstream === undefined) return { kind: "none" };
  const release = archiveRelease(archiveUpstream);
  const wheel = parseVersion(wheelVersion);
  if (release === null || wheel === null) return { kind: "none" };
  // The archive's own epoch is not PEP 440's: compare the releases, the wheel's public part.
  const order = compareVersions({ ...wheel, epoch: 0, local: null }, release);
  if (order === 0) return { kind: "same-release", archiveVersion };
  return order < 0 ? { kind: "newer", archiveVersion } : { kind: "older", archiveVersion };
}

/**
 * What is said of a standing: an info when the package is rebuilt above the archive's same
 * release, a warning when the archive's release is newer or the chosen version still sorts
 * at or below the archive's (`sortsAbove` false), the same release included.
 */
export function standingDiagnostics(
  packageName: string,
  chosen: string,
  standing: ArchiveStanding,
  sortsAbove: boolean,
  archive: string,
): Diagnostic[] {
  if (standing.kind === "none" && sortsAbove) return [];
  if (standing.kind === "same-release" && sortsAbove) {
    return [
      diagnostic(
        "archive-same-release",
        "info",
        `the ${archive} has the same release as ${packageName} ${standing.archiveVersion}; the package is versioned ${chosen}, a local build that sorts just above it and below the archive's next version`,
        "Version",
      ),
    ];
  }
  if (standing.kind === "older" && sortsAbove) return [];
  const archiveVersion = standing.kind === "none" ? "" : ` ${standing.archiveVersion}`;
  const why = standing.kind === "newer" ? "a newer release" : "a version that sorts at or above it";
  return [
    diagnostic(
      "archive-version-newer",
      "warning",
      `the ${archive} has ${packageName}${archiveVersion}, ${why}: ${packageName} ${chosen} would be a downgrade, and the package manager keeps or reinstates the archive's`,
      "Version",
    ),
  ];
}
