/**
 * The Python packages of a real Debian archive, for the tests that measure the version
 * translation against it: apt's `Packages` lists on this host (read with apt-helper, which
 * undoes their compression), or a committed sample in the same format; each package's version
 * split into epoch, upstream, repack suffix and revision, and the PEP 440 version it carries.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One binary package of an archive. */
export interface ArchiveEntry {
  package: string;
  version: string;
}

/** The `Package` and `Version` of each stanza of a `Packages` file (`#` lines are comments). */
export function readPackages(text: string): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string) =>
      new RegExp(`^${name}:[ \\t]*(\\S+)`, "m").exec(stanza.replace(/^#.*$/gm, ""))?.[1];
    const name = field("Package");
    const version = field("Version");
    if (name !== undefined && version !== undefined) entries.push({ package: name, version });
  }
  return entries;
}

const listsDirectory = "/var/lib/apt/lists";
const aptHelper = "/usr/lib/apt/apt-helper";

/** apt's `Packages` lists on this host, or none (no apt, or `apt-get update` never ran). */
export function hostPackagesLists(): string[] {
  if (!existsSync(listsDirectory) || !existsSync(aptHelper)) return [];
  return readdirSync(listsDirectory)
    .filter((name) => /_Packages(\.(lz4|gz|xz|zst))?$/.test(name))
    .map((name) => join(listsDirectory, name));
}

/** The packages of one of apt's lists, decompressed by apt itself. */
export function readHostList(path: string): ArchiveEntry[] {
  const text = execFileSync(aptHelper, ["cat-file", path], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  return readPackages(text);
}

/** A Debian version taken apart, and the PEP 440 version its upstream part carries. */
export interface ArchiveRelease {
  epoch: number;
  /** The upstream part without the repack suffix. */
  upstream: string;
  /** `+dfsg`, `+ds1`, `~dfsg`, `+repack`… or "". */
  repack: string;
  revision: string;
  /** The PEP 440 version the upstream part carries, as upstream writes it; null if none. */
  pep440: string | null;
  /** Whether the upstream part uses Debian's notation for what follows the release (`~rc1`). */
  debianNotation: boolean;
}

const repackSuffix = /([+~](?:dfsg|ds|repack)\d*(?:\.\d+)?)$/;
const debianForm = /^(\d+(?:\.\d+)*)(?:~(a|b|rc)(\d+))?(?:\+post(\d+))?(?:(~~|~)dev(\d+))?$/;
const upstreamForm = /^\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?$/;

/** Takes a Debian version apart: `1:1.24.2-1+deb12u1`, `2.14.0+dfsg-1`, `1.0~rc1-2`. */
export function archiveRelease(version: string): ArchiveRelease {
  const epochMatch = /^(\d+):/.exec(version);
  const epoch = epochMatch === null ? 0 : Number(epochMatch[1]);
  const rest = epochMatch === null ? version : version.slice(epochMatch[0].length);
  const dash = rest.lastIndexOf("-");
  const full = dash < 0 ? rest : rest.slice(0, dash);
  const revision = dash < 0 ? "" : rest.slice(dash + 1);
  const repack = repackSuffix.exec(full)?.[1] ?? "";
  const upstream = full.slice(0, full.length - repack.length);
  const debian = debianForm.exec(upstream);
  if (debian !== null) {
    const [, release = "", label, pre, post, , dev] = debian;
    let pep440 = release;
    if (label !== undefined) pep440 += `${label}${pre ?? ""}`;
    if (post !== undefined) pep440 += `.post${post}`;
    if (dev !== undefined) pep440 += `.dev${dev}`;
    return { epoch, upstream, repack, revision, pep440, debianNotation: true };
  }
  const pep440 = upstreamForm.test(upstream) ? upstream : null;
  return { epoch, upstream, repack, revision, pep440, debianNotation: false };
}
