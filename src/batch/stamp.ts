/**
 * Skip-unchanged: each package a batch writes carries a stamp recording the hash of everything
 * its content depends on (wheel bytes, config, templates, options, the set's names, wheel2pkg's
 * version). The stamp is one of the package's planned files, so it is renamed into place with
 * the package: a stamp never describes a half-written directory.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import type { PlannedFile } from "../convert/plan.js";
import { asFileSystemError, onFileSystem } from "../errors.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SetProject } from "./set.js";
import type { ExtraRequirements, LintSummary, UnresolvedRequirement } from "./types.js";
import { compare } from "../targets/common/files.js";

/** The stamp's file name inside a package directory (hidden; no build tool packs it). */
export const stampFile = ".wheel2pkg-stamp.json";
/** Written beside it once a native build has finished. */
export const builtStampFile = ".wheel2pkg-built.json";

/** The sha256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  return onFileSystem(path, "cannot read", async () => {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest("hex");
  });
}

/** A wheel's hash and the size and mtime of the file it was computed from. */
interface HashedFile {
  size: string;
  mtimeNs: string;
  sha256: string;
}

/** Where a batch remembers its wheels' hashes: `<out>/.wheel2pkg-wheels.json`. */
export const wheelHashesFile = ".wheel2pkg-wheels.json";

/**
 * The wheels' hashes an earlier batch recorded, by absolute path. A wheel whose size and mtime
 * (to the nanosecond) are those recorded is taken as unchanged without reading it, as make and
 * rsync decide; content rewritten in place with the same size and mtime restored goes unseen
 * until `--force`, which hashes every wheel again.
 */
export class WheelHashes {
  private readonly next = new Map<string, HashedFile>();

  private constructor(
    private readonly path: string,
    private readonly earlier: ReadonlyMap<string, HashedFile>,
  ) {}

  /** The hashes recorded under `outDir` (none when absent or unreadable: every wheel is hashed). */
  static async load(outDir: string): Promise<WheelHashes> {
    const path = join(outDir, wheelHashesFile);
    const earlier = new Map<string, HashedFile>();
    const recorded = (await readJson(path))?.wheels;
    if (typeof recorded === "object" && recorded !== null) {
      for (const [wheel, value] of Object.entries(recorded as Record<string, unknown>)) {
        const entry = value as Partial<HashedFile> | null;
        if (
          typeof entry?.size === "string" &&
          typeof entry.mtimeNs === "string" &&
          typeof entry.sha256 === "string"
        ) {
          earlier.set(wheel, { size: entry.size, mtimeNs: entry.mtimeNs, sha256: entry.sha256 });
        }
      }
    }
    return new WheelHashes(path, earlier);
  }

  /**
   * The sha256 of a wheel: the recorded one when its size and mtime are unchanged (and `trust`),
   * else read and hashed. Either way it is recorded for `save`.
   */
  async sha256(wheel: string, trust: boolean): Promise<string> {
    const info = await onFileSystem(wheel, "cannot read", () => stat(wheel, { bigint: true }));
    const size = info.size.toString();
    const mtimeNs = info.mtimeNs.toString();
    const earlier = this.earlier.get(wheel);
    const sha256 =
      trust && earlier?.size === size && earlier.mtimeNs === mtimeNs
        ? earlier.sha256
        : await sha256File(wheel);
    this.next.set(wheel, { size, mtimeNs, sha256 });
    return sha256;
  }

  /** Records this run's wheels (whole or not at all); wheels of earlier runs only are dropped. */
  async save(): Promise<void> {
    const wheels = Object.fromEntries([...this.next].sort(([a], [b]) => compare(a, b)));
    await onFileSystem(dirname(this.path), "cannot create directory", () =>
      mkdir(dirname(this.path), { recursive: true }),
    );
    await replaceFile(this.path, `${JSON.stringify({ wheels }, null, 2)}\n`);
  }
}

/** The sha256 of a JSON value (keys in the order given: callers build it deterministically). */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** The hash of a directory tree's file names and contents (user templates); "" when absent. */
export async function treeHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      compare(a.name, b.name),
    );
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        hash.update(`${relative(root, path)}\0`);
        hash.update(await readFile(path));
        hash.update("\0");
      }
    }
  };
  try {
    await walk(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw asFileSystemError(error, "cannot read the templates", root);
  }
  return hash.digest("hex");
}

/**
 * What a stamp remembers of its run so that a rerun over exactly the same input (every wheel's
 * bytes, the options: `fastKey`) can report the entry without opening the wheel at all.
 */
export interface StampSnapshot {
  fastKey: string;
  project: SetProject;
  requires: string[];
  unresolved: UnresolvedRequirement[];
  /** What the extras add (absent in stamps of older runs). */
  extras?: ExtraRequirements[];
  diagnostics: Diagnostic[];
  /** The lint summary of the package's packaging (absent in stamps of older runs). */
  lint?: LintSummary | null;
}

function stampText(key: string, wheel: string, snapshot: StampSnapshot): string {
  return `${JSON.stringify({ key, wheel: basename(wheel), snapshot }, null, 2)}\n`;
}

/** The stamp as a planned file, to be written with the package. */
export function stampPlannedFile(key: string, wheel: string, snapshot: StampSnapshot): PlannedFile {
  return { path: stampFile, content: stampText(key, wheel, snapshot), mode: 0o644 };
}

/** Writes a file whole or not at all: a temporary file renamed into place. */
async function replaceFile(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw asFileSystemError(error, "cannot write", path);
  }
}

/** Records a newer snapshot in the stamp of an unchanged package (its key stays the same). */
export async function refreshStamp(
  directory: string,
  key: string,
  wheel: string,
  snapshot: StampSnapshot,
): Promise<void> {
  await replaceFile(join(directory, stampFile), stampText(key, wheel, snapshot));
}

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = JSON.parse(await readFile(path, "utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function snapshotOf(stamp: Record<string, unknown> | null): StampSnapshot | null {
  const snapshot = stamp?.snapshot;
  return typeof snapshot === "object" && snapshot !== null ? (snapshot as StampSnapshot) : null;
}

/** What an earlier run left in a package directory that is still valid for `key`. */
export interface EarlierOutput {
  key: string;
  /** Artifacts of a finished build, or null when the package was not built (or not fully). */
  artifacts: string[] | null;
  /** Whether that build made the source package only. */
  sourceOnly: boolean;
  /** The lint summary of the binary packages that build made, or null. */
  builtLint: LintSummary | null;
  snapshot: StampSnapshot | null;
}

/** Whether an earlier output answers a run that builds (or not), or builds sources only. */
export function outputSuffices(
  earlier: EarlierOutput,
  build: { build: boolean; sourceOnly: boolean },
): boolean {
  if (!build.build && !build.sourceOnly) return true;
  return earlier.artifacts !== null && (build.sourceOnly || !earlier.sourceOnly);
}

async function builtArtifacts(
  directory: string,
  key: string,
): Promise<{ artifacts: string[]; sourceOnly: boolean; lint: LintSummary | null } | null> {
  const built = await readJson(join(directory, builtStampFile));
  if (built?.key !== key || !Array.isArray(built.artifacts)) return null;
  const artifacts = built.artifacts.filter((a): a is string => typeof a === "string");
  for (const artifact of artifacts) {
    try {
      await stat(artifact);
    } catch {
      return null;
    }
  }
  const lint = typeof built.lint === "object" ? (built.lint as LintSummary | null) : null;
  return { artifacts, sourceOnly: built.sourceOnly === true, lint };
}

/**
 * The earlier output of a package with the same key (or, given `fastKey`, whose snapshot has
 * that fast key), or null when there is none. A build counts only when every artifact exists.
 */
export async function earlierOutput(
  directory: string,
  key: string | null,
  fastKey?: string,
): Promise<EarlierOutput | null> {
  const stamp = await readJson(join(directory, stampFile));
  const snapshot = snapshotOf(stamp);
  const stampKey = typeof stamp?.key === "string" ? stamp.key : null;
  if (stampKey === null) return null;
  if (key !== null ? stampKey !== key : snapshot?.fastKey !== fastKey) return null;
  const built = await builtArtifacts(directory, stampKey);
  return {
    key: stampKey,
    artifacts: built?.artifacts ?? null,
    sourceOnly: built?.sourceOnly ?? false,
    builtLint: built?.lint ?? null,
    snapshot,
  };
}

/**
 * The package directories of a target's output by the wheel their stamp names (file name),
 * for the packages whose directory the wheel's file name does not tell (a name the family maps).
 */
export async function stampedDirectories(targetDir: string): Promise<Map<string, string[]>> {
  const byWheel = new Map<string, string[]>();
  let entries;
  try {
    entries = await readdir(targetDir, { withFileTypes: true });
  } catch {
    return byWheel;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const directory = join(targetDir, entry.name);
    const wheel = (await readJson(join(directory, stampFile)))?.wheel;
    if (typeof wheel === "string") byWheel.set(wheel, [...(byWheel.get(wheel) ?? []), directory]);
  }
  return byWheel;
}

/** Records a finished build and its lint (write then rename: the stamp is whole or absent). */
export async function writeBuiltStamp(
  directory: string,
  key: string,
  artifacts: readonly string[],
  sourceOnly: boolean,
  lint: LintSummary | null,
): Promise<void> {
  await replaceFile(
    join(directory, builtStampFile),
    `${JSON.stringify({ key, sourceOnly, artifacts, lint }, null, 2)}\n`,
  );
}

/** Where refusals are remembered: `<out>/<target>/.wheel2pkg-refused/<wheel>.json`. */
function refusalPath(targetDir: string, wheel: string): string {
  return join(targetDir, ".wheel2pkg-refused", `${basename(wheel)}.json`);
}

/** A refusal an earlier run recorded. */
export interface EarlierRefusal {
  key: string;
  error: string;
  snapshot: StampSnapshot | null;
}

/**
 * The refusal an earlier run recorded for this wheel on this target with the same key (or
 * snapshot fast key), or null. Planning is a pure function of what the key hashes, so the same
 * refusal would follow.
 */
export async function earlierRefusal(
  targetDir: string,
  wheel: string,
  key: string | null,
  fastKey?: string,
): Promise<EarlierRefusal | null> {
  const stamp = await readJson(refusalPath(targetDir, wheel));
  const snapshot = snapshotOf(stamp);
  if (typeof stamp?.key !== "string" || typeof stamp.error !== "string") return null;
  if (key !== null ? stamp.key !== key : snapshot?.fastKey !== fastKey) return null;
  return { key: stamp.key, error: stamp.error, snapshot };
}

/** Remembers a refusal (or, with `error` null, forgets it once the wheel converts). */
export async function recordRefusal(
  targetDir: string,
  wheel: string,
  key: string,
  error: string | null,
  snapshot?: StampSnapshot,
): Promise<void> {
  const path = refusalPath(targetDir, wheel);
  if (error === null) {
    await onFileSystem(path, "cannot remove", () => rm(path, { force: true }));
    return;
  }
  await onFileSystem(dirname(path), "cannot create directory", () =>
    mkdir(dirname(path), { recursive: true }),
  );
  await replaceFile(path, `${JSON.stringify({ key, error, snapshot }, null, 2)}\n`);
}
