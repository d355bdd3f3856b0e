/**
 * The RPM family's archive index (docs/architecture.md, "Archive index"), read from a
 * repository's repodata: `repomd.xml` names `primary.xml` (gzip, xz or zstd), which lists every
 * package with its EVR, Provides (`python3dist(x)`, sonames) and source RPM. The XML is streamed
 * through saxes: Fedora's primary.xml is hundreds of megabytes unpacked.
 */
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { UserError } from "../../errors.js";
import { openArchiveFile, resolveLocation } from "../../native/archive-files.js";
import type { TargetProfile } from "../../profiles/types.js";
import type {
  ArchiveIndex,
  ArchiveOrigin,
  ArchivePackage,
  ArchiveProvide,
  ArchiveSnapshot,
} from "../archive.js";
import type { RelationInArchive } from "../types.js";
import { rpmVersionSatisfies } from "./version-order.js";

/** Words of RPM's rich-dependency syntax, which are not names. */
const richKeywords = new Set(["with", "without", "or", "and", "if", "unless", "else"]);

/**
 * The capabilities an RPM relation names:
 * `(python3dist(a) >= 1 with python3dist(a) < 2)` → `python3dist(a)`. Versions start with a
 * digit (or an epoch), names with a letter.
 */
export function rpmRelationNames(relation: string): string[] {
  const words = relation.match(/[A-Za-z_][\w.+-]*(?:\([^()\s]*\))?/g) ?? [];
  return [...new Set(words.filter((word) => !richKeywords.has(word)))];
}

/** Streams XML through saxes, calling `open`/`close` per element and `text` per text node. */
async function parseXml(
  stream: Readable,
  location: string,
  handlers: {
    open: (tag: SaxesTagPlain) => void;
    close?: (tag: SaxesTagPlain) => void;
    text?: (text: string) => void;
  },
): Promise<void> {
  const parser = new SaxesParser();
  parser.on("opentag", handlers.open);
  if (handlers.close !== undefined) parser.on("closetag", handlers.close);
  if (handlers.text !== undefined) parser.on("text", handlers.text);
  stream.setEncoding("utf8");
  try {
    for await (const chunk of stream) parser.write(chunk as string);
    parser.close();
  } catch (error) {
    throw new UserError(`${location}: not readable repodata: ${(error as Error).message}`, {
      file: location,
    });
  }
}

/** `epoch:ver-rel` from a `<version>` or `<rpm:entry>` element's attributes; null without `ver`. */
function evr(attributes: Record<string, string>): string | null {
  const { epoch, ver, rel } = attributes;
  if (ver === undefined) return null;
  const prefix = epoch !== undefined && epoch !== "0" ? `${epoch}:` : "";
  return `${prefix}${ver}${rel === undefined ? "" : `-${rel}`}`;
}

/** The location of `primary.xml` that `repomd.xml` names. */
async function primaryLocation(
  repository: string,
): Promise<{ primary: string; origin: ArchiveOrigin }> {
  const repomd = repository.endsWith("repomd.xml")
    ? repository
    : resolveLocation(repository, "repodata/repomd.xml");
  const base = repomd.slice(0, -"repodata/repomd.xml".length);
  const opened = await openArchiveFile(repomd);
  let inPrimary = false;
  const found: { href: string | null } = { href: null };
  await parseXml(opened.stream, repomd, {
    open(tag) {
      if (tag.name === "data") inPrimary = tag.attributes.type === "primary";
      else if (tag.name === "location" && inPrimary) found.href ??= tag.attributes.href ?? null;
    },
  });
  const { href } = found;
  if (href === null) {
    throw new UserError(`${repomd} names no primary data`, { file: repomd });
  }
  return { primary: resolveLocation(base, href), origin: { location: repomd, date: opened.date } };
}

/** `python-cffi-1.15.1-5.fc39.src.rpm` → `python-cffi`. */
function sourceName(sourceRpm: string, fallback: string): string {
  return /^(.+)-[^-]+-[^-]+\.src\.rpm$/.exec(sourceRpm)?.[1] ?? fallback;
}

/** Reads the packages of one repository's `primary.xml` (source packages left out). */
async function readPrimary(
  repository: string,
  packages: ArchivePackage[],
): Promise<ArchiveOrigin[]> {
  const { primary, origin } = await primaryLocation(repository);
  const opened = await openArchiveFile(primary);
  let current: {
    name: string;
    arch: string;
    version: string | null;
    source: string;
    provides: ArchiveProvide[];
  } | null = null;
  let field: "name" | "arch" | "sourcerpm" | null = null;
  let inProvides = false;
  await parseXml(opened.stream, primary, {
    open(tag) {
      if (tag.name === "package") {
        current = { name: "", arch: "", version: null, source: "", provides: [] };
      } else if (current === null) return;
      else if (tag.name === "name" || tag.name === "arch") field = tag.name;
      else if (tag.name === "rpm:sourcerpm") field = "sourcerpm";
      else if (tag.name === "version") current.version = evr(tag.attributes);
      else if (tag.name === "rpm:provides") inProvides = true;
      else if (tag.name === "rpm:entry" && inProvides) {
        const name = tag.attributes.name;
        if (name !== undefined) current.provides.push({ name, version: evr(tag.attributes) });
      }
    },
    text(text) {
      if (current === null || field === null) return;
      if (field === "sourcerpm") current.source += text;
      else current[field] += text;
    },
    close(tag) {
      if (tag.name === "rpm:provides") inProvides = false;
      else if (tag.name === "package" && current !== null) {
        const { name, arch, version, source, provides } = current;
        if (arch !== "src" && version !== null && name !== "") {
          packages.push({ name, version, source: sourceName(source, name), provides });
        }
        current = null;
      }
      field = null;
    },
  });
  return [origin, { location: primary, date: opened.date }];
}

/** A soname capability of a 64-bit library (`libzmq.so.5()(64bit)`) → the soname. */
function sonameOf(capability: string): string | null {
  return /^([^()\s]+\.so[^()\s]*)\(.*\)\(64bit\)$/.exec(capability)?.[1] ?? null;
}

/**
 * Reads the target's archive from the repositories named in `sources` (a directory or URL with
 * `repodata/`, or its `repomd.xml`). There is no default: RPM hosts keep their metadata in the
 * package manager's own caches, so the configuration names the repositories.
 */
export async function readRpmArchive(
  profile: TargetProfile,
  sources: readonly string[],
): Promise<ArchiveSnapshot> {
  if (sources.length === 0) {
    throw new UserError(
      `no repository is configured for ${profile.name}: name its repodata (a directory or mirror URL with repodata/repomd.xml) in wheel2pkg.toml under [archive.targets.${profile.id}] sources`,
      { field: "--check-archive" },
    );
  }
  const packages: ArchivePackage[] = [];
  const origins: ArchiveOrigin[] = [];
  for (const repository of sources) origins.push(...(await readPrimary(repository, packages)));
  const libraries = new Map<string, Set<string>>();
  for (const pkg of packages) {
    for (const provide of pkg.provides) {
      const soname = sonameOf(provide.name);
      if (soname !== null)
        libraries.set(soname, (libraries.get(soname) ?? new Set()).add(pkg.name));
    }
  }
  return {
    format: 1,
    target: profile.id,
    read: new Date().toISOString(),
    origins,
    packages,
    libraries: Object.fromEntries([...libraries].map(([soname, set]) => [soname, [...set].sort()])),
    preinstalled: [],
  };
}

/** A parsed relation: a capability with an optional version clause, or an operator's operands. */
type Rich =
  | { kind: "leaf"; name: string; op: string | null; version: string | null }
  | { kind: "op"; op: string; operands: Rich[] };

/** Parses an RPM relation, rich (`(a >= 1 with a < 2)`) or plain (`a >= 1`). */
function parseRich(relation: string): Rich {
  const tokens = relation.match(/\(|\)|[^\s()]+(?:\([^()\s]*\))?(?:\([^()\s]*\))?/g) ?? [];
  let at = 0;
  const term = (): Rich => {
    if (tokens[at] === "(") {
      at += 1;
      const operands: Rich[] = [term()];
      let op = "and";
      while (at < tokens.length && tokens[at] !== ")") {
        op = tokens[at] ?? op;
        at += 1;
        operands.push(term());
      }
      at += 1;
      return operands.length === 1 ? (operands[0] as Rich) : { kind: "op", op, operands };
    }
    const name = tokens[at] ?? "";
    at += 1;
    const op = tokens[at];
    if (op !== undefined && /^[<>=]=?$/.test(op)) {
      const version = tokens[at + 1] ?? "";
      at += 2;
      return { kind: "leaf", name, op, version };
    }
    return { kind: "leaf", name, op: null, version: null };
  };
  return term();
}

/**
 * What the archive offers for an RPM relation and whether dnf or zypper could satisfy it. The
 * packages that satisfy a term are collected, so that `with` asks one package to satisfy both
 * sides, as rpm does. openSUSE's `python-<name>` is looked up as the primary flavor's package.
 */
export function rpmRelationInArchive(
  relation: string,
  archive: ArchiveIndex,
  profile: TargetProfile,
): RelationInArchive {
  const offered = new Set<string>();
  // openSUSE's macros rename a singlespec `python-<name>` to each flavor's package.
  const flavor =
    profile.rpm?.dependencyStyle === "singlespec" ? profile.rpm.flavors?.[0] : undefined;
  const archiveName = (name: string) =>
    flavor !== undefined && name.startsWith("python-") ? `${flavor.name}-${name.slice(7)}` : name;
  const satisfying = (rich: Rich): Set<string> => {
    if (rich.kind === "leaf") {
      const found = new Set<string>();
      const name = archiveName(rich.name);
      for (const offer of archive.offers(name)) {
        const shown = `${offer.package.name} ${offer.package.version}`;
        const at = offer.version === null ? "" : ` ${offer.version}`;
        offered.add(offer.provided ? `${name}${at} (provided by ${shown})` : shown);
        if (rich.op === null || rich.version === null) found.add(offer.package.name);
        else if (
          offer.version !== null &&
          rpmVersionSatisfies(offer.version, rich.op, rich.version)
        ) {
          found.add(offer.package.name);
        }
      }
      return found;
    }
    const sets = rich.operands.map(satisfying);
    if (rich.op === "or") return new Set(sets.flatMap((set) => [...set]));
    if (rich.op === "with") {
      return new Set([...(sets[0] ?? [])].filter((name) => sets.every((set) => set.has(name))));
    }
    // `and`, and what wheel2pkg does not write (`if`, `unless`): every operand must be met.
    return sets.every((set) => set.size > 0) ? new Set(sets.flatMap((set) => [...set])) : new Set();
  };
  const satisfied = satisfying(parseRich(relation)).size > 0;
  const offers = [...offered];
  const status = satisfied ? "satisfied" : offers.length > 0 ? "version-unavailable" : "unknown";
  return { relation, offers, status };
}
