/**
 * The Debian family's archive index (docs/architecture.md, "Archive index"): `Packages` indices
 * give every binary package with its version, Provides and source; `Contents-<arch>` indices
 * give the shared libraries each package ships. Read from apt's own lists when this host runs
 * the target's release, else from the files or mirror URLs the configuration names; one reader
 * per file, never a process per name.
 */
import { readdir, readFile } from "node:fs/promises";
import { UserError } from "../../errors.js";
import { fileDate, openArchiveFile, textLines } from "../../native/archive-files.js";
import type { TargetProfile } from "../../profiles/types.js";
import type {
  ArchiveIndex,
  ArchiveOrigin,
  ArchivePackage,
  ArchiveProvide,
  ArchiveSnapshot,
} from "../archive.js";
import type { RelationInArchive } from "../types.js";
import { debianVersionSatisfies } from "./version-order.js";

/** The package names a Debian relation field names: `a (>= 1) | b` → `a`, `b`. */
export function debianRelationNames(relation: string): string[] {
  return relation
    .split("|")
    .map((alternative) => alternative.trim().split(/[\s(:]/)[0] ?? "")
    .filter(Boolean);
}

/** One alternative of a relation: `python3-foo:any (>= 1.2)`. */
interface Alternative {
  name: string;
  op: string | null;
  version: string | null;
}

function parseAlternative(text: string): Alternative {
  const match = /^\s*([^\s(:]+)(?::\S+)?\s*(?:\(\s*(<<|<=|=|>=|>>|<|>)\s*([^\s)]+)\s*\))?/.exec(
    text,
  );
  return { name: match?.[1] ?? text.trim(), op: match?.[2] ?? null, version: match?.[3] ?? null };
}

/**
 * What the archive offers for a Debian relation and whether apt could satisfy it: a package of
 * the name at a version the relation admits, or a package providing the name (at a version,
 * when the relation asks one; Debian policy §7.5).
 */
export function debianRelationInArchive(
  relation: string,
  archive: ArchiveIndex,
): RelationInArchive {
  const offered: string[] = [];
  let satisfied = false;
  for (const alternative of relation.split("|").map(parseAlternative)) {
    for (const offer of archive.offers(alternative.name)) {
      offered.push(
        offer.provided
          ? `${alternative.name}${offer.version === null ? "" : ` ${offer.version}`} (provided by ${offer.package.name} ${offer.package.version})`
          : `${offer.package.name} ${offer.package.version}`,
      );
      if (alternative.op === null || alternative.version === null) satisfied = true;
      else if (
        offer.version !== null &&
        debianVersionSatisfies(offer.version, alternative.op, alternative.version)
      ) {
        satisfied = true;
      }
    }
  }
  const status = satisfied ? "satisfied" : offered.length > 0 ? "version-unavailable" : "unknown";
  return { relation, offers: offered, status };
}

/** A `Provides` field: `a, b (= 1.0), c:any`. */
function parseProvides(text: string): ArchiveProvide[] {
  return text
    .split(",")
    .map((item) => parseAlternative(item))
    .filter((p) => p.name !== "")
    .map((p) => ({ name: p.name, version: p.op === "=" ? p.version : null }));
}

/** The fields of a stanza that the index keeps, and those it reads to find what is preinstalled. */
const kept = new Set([
  "package",
  "version",
  "source",
  "provides",
  "essential",
  "depends",
  "pre-depends",
]);

/** Reads one `Packages` index: its packages, and what they depend on (for the preinstalled set). */
async function readPackages(
  location: string,
  packages: ArchivePackage[],
  essentials: Set<string>,
  dependsOn: Map<string, string[]>,
): Promise<ArchiveOrigin> {
  const opened = await openArchiveFile(location);
  let fields = new Map<string, string>();
  let current: string | null = null;
  const finish = () => {
    const name = fields.get("package");
    const version = fields.get("version");
    if (name !== undefined && version !== undefined) {
      const source = (fields.get("source") ?? name).split(/\s/, 1)[0] ?? name;
      packages.push({
        name,
        version,
        source,
        provides: parseProvides(fields.get("provides") ?? ""),
      });
      if (fields.get("essential") === "yes") essentials.add(name);
      const needs = [fields.get("depends"), fields.get("pre-depends")]
        .filter((f) => f !== undefined)
        .flatMap((field) => field.split(","))
        .map((group) => parseAlternative(group.split("|")[0] ?? "").name);
      if (needs.length > 0) dependsOn.set(name, needs);
    }
    fields = new Map();
    current = null;
  };
  for await (const line of textLines(opened.stream)) {
    if (line === "") {
      finish();
      continue;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (current !== null) fields.set(current, `${fields.get(current) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    const field = line.slice(0, colon).toLowerCase();
    current = kept.has(field) ? field : null;
    if (current !== null) fields.set(current, line.slice(colon + 1).trim());
  }
  finish();
  return { location, date: opened.date };
}

/** The multiarch triplet of a Debian architecture, where its shared libraries live. */
const triplets: Readonly<Record<string, string>> = {
  amd64: "x86_64-linux-gnu",
  arm64: "aarch64-linux-gnu",
  armhf: "arm-linux-gnueabihf",
  i386: "i386-linux-gnu",
  ppc64el: "powerpc64le-linux-gnu",
  riscv64: "riscv64-linux-gnu",
  s390x: "s390x-linux-gnu",
};

/**
 * A path in a Contents index that is a shared library the dynamic loader finds by soname for
 * `arch`: in its multiarch directory (or a directory below it, as alternatives keep
 * libblas.so.3), or in `/lib`, `/usr/lib` and `/lib64` themselves.
 */
function libraryPath(arch: string): RegExp {
  const triplet = (triplets[arch] ?? arch).replace(/[.]/g, "\\.");
  return new RegExp(
    `^(?:usr/)?lib(?:64)?/(?:${triplet}/(?:[^\\s]+/)?)?([^/\\s]+\\.so(?:\\.\\d[^/\\s]*)?)$`,
  );
}

/** Reads one `Contents-<arch>` index into soname → packages. */
async function readContents(
  location: string,
  arch: string,
  libraries: Map<string, Set<string>>,
): Promise<ArchiveOrigin> {
  const opened = await openArchiveFile(location);
  const path = libraryPath(arch);
  for await (const line of textLines(opened.stream)) {
    const split = /^(\S.*?)\s+(\S+)$/.exec(line);
    if (split === null) continue;
    const soname = path.exec(split[1] ?? "")?.[1];
    if (soname === undefined) continue;
    const set = libraries.get(soname) ?? new Set();
    for (const qualified of (split[2] ?? "").split(",")) {
      set.add(qualified.slice(qualified.lastIndexOf("/") + 1));
    }
    libraries.set(soname, set);
  }
  return { location, date: opened.date };
}

/** This host's release codename (`bookworm`), or null. */
async function hostCodename(): Promise<string | null> {
  try {
    const text = await readFile("/etc/os-release", "utf8");
    return /^VERSION_CODENAME=(.*)$/m.exec(text)?.[1]?.replace(/"/g, "") ?? null;
  } catch {
    return null;
  }
}

/** Where apt keeps its lists. */
export const aptListsDirectory = "/var/lib/apt/lists";

/** The distro architecture of this host's machine (`amd64`), as the profile names it. */
function hostArchitecture(profile: TargetProfile): string {
  const machine = { x64: "x86_64", arm64: "aarch64", ppc64: "ppc64le", s390x: "s390x" }[
    process.arch as string
  ];
  return profile.architectures[machine ?? process.arch] ?? "amd64";
}

/**
 * The `Packages` and `Contents` lists apt keeps for the target's suite and its updates (not
 * backports, which apt does not prefer), when this host runs that release; null otherwise.
 */
export async function hostAptLists(
  profile: TargetProfile,
  directory = aptListsDirectory,
): Promise<string[] | null> {
  const suite = profile.deb?.suite;
  if (suite === undefined || (await hostCodename()) !== suite) return null;
  const arch = hostArchitecture(profile);
  const lists = new RegExp(
    `_dists_${suite}(?:-updates|-security)?_[^_]+_(?:binary-${arch}_Packages|Contents-${arch})(?:\\.\\w+)?$`,
  );
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return null;
  }
  const found = names.filter((name) => lists.test(name)).sort();
  return found.some((name) => /_Packages(\.\w+)?$/.test(name))
    ? found.map((name) => `${directory}/${name}`)
    : null;
}

/** The packages every build host has: the Essential ones, build-essential, and their needs. */
function preinstalledSet(essentials: Set<string>, dependsOn: Map<string, string[]>): string[] {
  const reached = new Set<string>();
  const queue = [...essentials, "build-essential"];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...(dependsOn.get(name) ?? []));
  }
  return [...reached].sort();
}

/**
 * Reads the target's archive: the given `Packages` and `Contents-<arch>` files or URLs (any of
 * their compressions), or, when none are given, apt's lists on a host that runs the target's
 * release. A target with neither is a UserError saying what to configure.
 */
export async function readDebianArchive(
  profile: TargetProfile,
  sources: readonly string[],
): Promise<ArchiveSnapshot> {
  const host = sources.length > 0 ? null : await hostAptLists(profile);
  const locations = sources.length > 0 ? [...sources] : host;
  if (locations === null) {
    throw new UserError(
      `this host does not run ${profile.name}, so apt's lists are not its archive: name its Packages (and Contents-<arch>) files or mirror URLs in wheel2pkg.toml under [archive.targets.${profile.id}] sources`,
      { field: "--check-archive" },
    );
  }
  const packages: ArchivePackage[] = [];
  const essentials = new Set<string>();
  const dependsOn = new Map<string, string[]>();
  const libraries = new Map<string, Set<string>>();
  const origins: ArchiveOrigin[] = [];
  let contents = false;
  for (const location of locations) {
    const base = location.slice(location.lastIndexOf("/") + 1);
    const contentsOf = /(?:^|_)Contents-([a-z0-9]+)/.exec(base)?.[1];
    if (contentsOf !== undefined) {
      contents = true;
      origins.push(await readContents(location, contentsOf, libraries));
    } else {
      origins.push(await readPackages(location, packages, essentials, dependsOn));
    }
  }
  // apt-get update renames lists into place: the directory's date says when any list changed,
  // one came or one went, so a saved index of apt's lists is read again then.
  const listsDate = host === null ? null : await fileDate(aptListsDirectory);
  if (listsDate !== null) origins.push({ location: aptListsDirectory, date: listsDate });
  return {
    format: 1,
    target: profile.id,
    read: new Date().toISOString(),
    origins,
    packages,
    libraries: contents
      ? Object.fromEntries([...libraries].map(([soname, set]) => [soname, [...set].sort()]))
      : null,
    preinstalled: preinstalledSet(essentials, dependsOn),
  };
}
