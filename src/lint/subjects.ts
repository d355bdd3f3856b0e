/**
 * What several rules read the same way from different inputs: the packages' summaries, the
 * paths they install, their relations. A rule asks here instead of knowing every input format.
 */
import type { TargetProfile } from "../profiles/types.js";
import { field, fieldLine } from "./inputs/deb822.js";
import { specTag, targetPath } from "./inputs/spec.js";
import type { LintInput } from "./types.js";

/** A value of one package, where it was written. */
export interface Located<T> {
  /** The binary package it belongs to. */
  pkg: string;
  value: T;
  file?: string;
  line?: number;
}

/** Each binary package's one-line summary (RPM Summary, Debian synopsis). */
export function summaries(input: LintInput): Located<string>[] {
  switch (input.kind) {
    case "spec":
      return input.spec.packages.flatMap((pkg) => {
        const tag = specTag(pkg, "summary");
        return tag === undefined ? [] : [{ pkg: pkg.name, value: tag.value, line: tag.line }];
      });
    case "debian-dir":
      return (input.debian.control ?? []).slice(1).map((paragraph) => ({
        pkg: field(paragraph, "Package") ?? "",
        value: (field(paragraph, "Description") ?? "").split("\n")[0] ?? "",
        file: "control",
        line: fieldLine(paragraph, "Description"),
      }));
    case "rpm":
    case "deb":
      return [{ pkg: input.built.name, value: input.built.summary }];
    default:
      return [];
  }
}

/** Every installed path, macros expanded: spec `%files` entries or a built package's files. */
export function installedPaths(
  input: LintInput,
  profile: TargetProfile,
): Located<{ path: string; dir: boolean }>[] {
  switch (input.kind) {
    case "spec":
      return input.spec.files.flatMap((section) =>
        section.entries
          .filter((entry) => !entry.ghost)
          .map((entry) => ({
            pkg: section.name,
            value: {
              path: targetPath(entry.path, profile).replace(/(.)\/$/, "$1"),
              dir: entry.dir,
            },
            line: entry.line,
          })),
      );
    case "rpm":
    case "deb":
      return input.built.files.map((file) => ({
        pkg: input.built.name,
        value: { path: file.path, dir: file.directory },
        file: file.path,
      }));
    default:
      return [];
  }
}

/** Runtime relations (RPM Requires of each package; built package's requirements). */
export function runtimeRequires(input: LintInput): Located<string>[] {
  switch (input.kind) {
    case "spec":
      return input.spec.packages.flatMap((pkg) =>
        pkg.tags
          .filter((tag) => tag.tag === "requires")
          .flatMap((tag) =>
            splitRelations(tag.value).map((value) => ({ pkg: pkg.name, value, line: tag.line })),
          ),
      );
    case "rpm":
      return input.built.requires.map((value) => ({ pkg: input.built.name, value }));
    default:
      return [];
  }
}

/** Splits a Requires value into relations (a comma list, or one rich dependency). */
function splitRelations(value: string): string[] {
  if (value.startsWith("(")) return [value];
  return value
    .split(",")
    .map((relation) => relation.trim())
    .filter((relation) => relation !== "");
}

/** Whether a path is inside one of the target's site-packages directories. */
export function inSitePackages(path: string, profile: TargetProfile): boolean {
  return [profile.paths.purelib, profile.paths.platlib].some((dir) => path.startsWith(`${dir}/`));
}
