/**
 * Archive indices read once and saved (docs/architecture.md, "Archive index"): a target's index
 * is read from its sources by its family, saved as JSON with the date of every file it came
 * from, and used from there while those files are unchanged, so that checks work offline and a
 * batch reads the archive once.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Config } from "../config/types.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { printable, UserError } from "../errors.js";
import { fileDate, isUrl } from "../native/archive-files.js";
import type { TargetProfile } from "../profiles/types.js";
import { ArchiveIndex, type ArchiveSnapshot } from "./archive.js";
import { familyOf } from "./index.js";

/** How `--check-archive` gets its indices. */
export interface ArchiveOptions {
  /** Read the sources again even when the saved index is current (`--refresh-archive`). */
  refresh?: boolean;
  /** Directory of saved indices; default: the config's `[archive] cache`, else the user cache. */
  cacheDirectory?: string;
}

/** A target's archive index, and what the user should know of where it came from. */
export interface LoadedArchive {
  index: ArchiveIndex;
  diagnostics: Diagnostic[];
}

/** What is saved: the sources as configured (empty: the host's lists) and the snapshot. */
interface SavedIndex {
  sources: string[];
  snapshot: ArchiveSnapshot;
}

/** Where indices are saved when nothing says otherwise: `$XDG_CACHE_HOME/wheel2pkg/archive`. */
export function defaultArchiveCache(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  return join(base, "wheel2pkg", "archive");
}

async function readSaved(file: string, profile: TargetProfile): Promise<SavedIndex | null> {
  try {
    // A file of another format or target (or a damaged one) is read again, not trusted.
    const saved = JSON.parse(await readFile(file, "utf8")) as Partial<SavedIndex> | null;
    const snapshot = saved?.snapshot as Partial<ArchiveSnapshot> | undefined;
    const ok =
      snapshot?.format === 1 && snapshot.target === profile.id && Array.isArray(saved?.sources);
    return ok ? (saved as SavedIndex) : null;
  } catch {
    return null;
  }
}

/** Whether a saved index still describes its sources: the same list, local files unchanged. */
async function current(saved: SavedIndex, sources: readonly string[]): Promise<boolean> {
  if (saved.sources.join("\n") !== sources.join("\n")) return false;
  for (const origin of saved.snapshot.origins) {
    if (isUrl(origin.location)) continue;
    if ((await fileDate(origin.location)) !== origin.date) return false;
  }
  return true;
}

/** Saves atomically (a file beside it renamed into place); a failure is a warning only. */
async function save(file: string, directory: string, saved: SavedIndex): Promise<Diagnostic[]> {
  try {
    await mkdir(directory, { recursive: true });
    // Unique to this writer: several processes may save the same target's index at once.
    const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
    await writeFile(partial, JSON.stringify(saved));
    await rename(partial, file);
    return [];
  } catch (error) {
    return [
      diagnostic(
        "archive-index-unsaved",
        "warning",
        `the archive index of ${saved.snapshot.target} could not be saved in ${directory}: ${(error as Error).message}`,
      ),
    ];
  }
}

/**
 * The archive index of a target: the saved one while its sources are unchanged (and always for
 * URLs, until `refresh`), else read by the target's family and saved. When the sources cannot
 * be read (offline) a saved index is used with a warning; with none, the error stands.
 */
export async function loadArchive(
  profile: TargetProfile,
  config: Config,
  options: ArchiveOptions = {},
): Promise<LoadedArchive> {
  const family = familyOf(profile);
  const sources = [...(config.archive.sources.get(profile.id) ?? [])];
  const directory = options.cacheDirectory ?? config.archive.cache ?? defaultArchiveCache();
  const file = join(directory, `${profile.id}.json`);
  const saved = await readSaved(file, profile);
  const index = (snapshot: ArchiveSnapshot) =>
    new ArchiveIndex(snapshot, (a, b) => family.compareVersions(a, b));
  if (saved !== null && options.refresh !== true && (await current(saved, sources))) {
    return { index: index(saved.snapshot), diagnostics: [] };
  }
  let snapshot: ArchiveSnapshot;
  try {
    snapshot = await family.readArchive(profile, sources);
  } catch (error) {
    if (saved === null || !(error instanceof UserError)) throw error;
    return {
      index: index(saved.snapshot),
      diagnostics: [
        diagnostic(
          "archive-index-saved",
          "warning",
          `${profile.id}: the archive could not be read (${printable(error.describe())}); using the index saved ${saved.snapshot.read.slice(0, 10)}`,
        ),
      ],
    };
  }
  const diagnostics = await save(file, directory, { sources, snapshot });
  return { index: index(snapshot), diagnostics };
}
