/**
 * The first pass of a batch: a second wheel of one project refused from the file names, every
 * other wheel's hash taken (recorded by an earlier run while the file's size and mtime are
 * unchanged, else its bytes hashed), then each wheel either recognised from the stamps of a run
 * over exactly the same input (nothing opened), or read: its metadata validated, so that the
 * set's projects and requirements are known before anything is planned. A wheel that cannot be
 * read is refused here, on its own.
 */
import { basename, resolve } from "node:path";
import type { LimitFunction } from "p-limit";
import type { Diagnostic } from "../diagnostics.js";
import { asFileSystemError, printable, UserError } from "../errors.js";
import { normalizeName } from "../model/name.js";
import { readPackage } from "../convert/plan.js";
import type { TargetProfile } from "../profiles/types.js";
import { parseWheelFilename, type WheelLimits } from "../wheel/index.js";
import { itemTargets, type BatchItem } from "./input.js";
import { setProject, type SetMember, type SetProject } from "./set.js";
import {
  earlierOutput,
  earlierRefusal,
  hashOf,
  outputSuffices,
  stampedDirectories,
  WheelHashes,
  type StampSnapshot,
} from "./stamp.js";
import type { LintSummary } from "./types.js";
import { compare } from "../targets/common/files.js";

/** An entry known from an earlier run's stamp: how it ended, and what it reported. */
export interface KnownEntry {
  status: "skipped-unchanged" | "refused";
  key: string;
  directory: string | null;
  artifacts: string[];
  error: string | null;
  snapshot: StampSnapshot;
  /** The lint summary of the packages an earlier build made, or null. */
  builtLint: LintSummary | null;
}

/** One wheel after the first pass. */
export interface ReadWheel {
  item: BatchItem;
  /** The set's view of the wheel, or null when it was refused (or the batch was stopped). */
  project: SetProject | null;
  /** The wheel as read, or null when it was not opened (known from stamps, or refused). */
  member: SetMember | null;
  /** Target id → the entry an identical earlier run left, when every target has one. */
  known: Map<string, KnownEntry> | null;
  /** Why the wheel was refused, or null. */
  error: string | null;
  sha256: string;
  diagnostics: Diagnostic[];
  milliseconds: number;
}

/** What the first pass needs to recognise earlier output. */
export interface ReadContext {
  profiles: readonly TargetProfile[];
  outDir: string;
  /** Hash of everything but the wheels (config, templates, options, version). */
  common: string;
  /** False when stamps may not be trusted without reading (`--force`, `--check-archive`). */
  trustStamps: boolean;
  build: boolean;
  sourceOnly: boolean;
  aborted: () => boolean;
  onRead: (wheel: string) => void;
  /** The configuration's `[limits]` on what a wheel may declare. */
  limits: Readonly<Partial<WheelLimits>>;
}

/** The key under which a run over exactly the same input finds its own stamps. */
export function fastKey(
  common: string,
  setDigest: string,
  target: string,
  item: BatchItem,
): string {
  return hashOf({
    common,
    set: setDigest,
    target,
    release: item.release ?? null,
    withExtras: item.withExtras ?? null,
  });
}

/** Why a wheel could not be read, as its entries report it; a bug is not a reason. */
function failure(error: unknown, wheel: string): string {
  const described = asFileSystemError(error, "cannot read the wheel", wheel);
  if (described instanceof UserError) return described.describe();
  if ((error as NodeJS.ErrnoException).code !== undefined) {
    return printable(`${wheel}: ${(error as Error).message}`);
  }
  throw error;
}

/** Every target's entry from stamps of an identical run, or null if one target lacks it. */
async function knownEntries(
  read: ReadWheel,
  context: ReadContext,
  setDigest: string,
  directories: (target: string, targetDir: string) => Promise<Map<string, string[]>>,
): Promise<Map<string, KnownEntry> | null> {
  let project: string;
  try {
    project = normalizeName(parseWheelFilename(read.item.wheel).distribution);
  } catch {
    return null;
  }
  const known = new Map<string, KnownEntry>();
  for (const profile of context.profiles.filter((p) => itemTargets(read.item, p.id))) {
    const fast = fastKey(context.common, setDigest, profile.id, read.item);
    const targetDir = resolve(context.outDir, profile.id);
    // The directory the file name tells, else one whose stamp names this wheel.
    const guessed = resolve(targetDir, `${profile.naming.source}${project}`);
    let directory = guessed;
    let output = await earlierOutput(guessed, null, fast);
    if (output === null) {
      const stamped = await directories(profile.id, targetDir);
      for (const candidate of stamped.get(basename(read.item.wheel)) ?? []) {
        if (candidate === guessed) continue;
        output = await earlierOutput(candidate, null, fast);
        if (output === null) continue;
        directory = candidate;
        break;
      }
    }
    if (output?.snapshot != null && outputSuffices(output, context)) {
      known.set(profile.id, {
        status: "skipped-unchanged",
        key: output.key,
        directory,
        artifacts: output.artifacts ?? [],
        error: null,
        snapshot: output.snapshot,
        builtLint: output.builtLint,
      });
      continue;
    }
    const refusal = await earlierRefusal(targetDir, read.item.wheel, null, fast);
    if (refusal?.snapshot == null) return null;
    known.set(profile.id, {
      status: "refused",
      key: refusal.key,
      directory: null,
      artifacts: [],
      error: refusal.error,
      snapshot: refusal.snapshot,
      builtLint: null,
    });
  }
  return known;
}

async function readOne(read: ReadWheel, context: ReadContext): Promise<void> {
  // Read once, every RECORD hash checked: planning starts from this read.
  const wheel = await readPackage(read.item.wheel, context.limits, context.profiles);
  const { pkg, diagnostics } = wheel;
  read.member = { read: wheel, pkg };
  read.project = setProject(pkg);
  read.diagnostics = diagnostics;
}

/** Why a wheel is refused when an earlier one by path provides the same project. */
function providedAlready(wheel: string, project: string, first: string): string {
  return `${wheel}: the set already provides ${project} with ${first}`;
}

/**
 * Refuses, from the file names alone, every wheel of a project an earlier wheel by path already
 * provides, so that neither is hashed or read twice for nothing; a name that does not parse is
 * left to the read, which refuses it with the reason.
 */
function refuseNamesakes(reads: readonly ReadWheel[]): void {
  const owner = new Map<string, string>();
  for (const read of [...reads].sort((a, b) => compare(a.item.wheel, b.item.wheel))) {
    let project: string;
    try {
      project = normalizeName(parseWheelFilename(read.item.wheel).distribution);
    } catch {
      continue;
    }
    const first = owner.get(project);
    if (first === undefined) owner.set(project, read.item.wheel);
    else read.error = providedAlready(read.item.wheel, project, first);
  }
}

/**
 * Hashes and reads every wheel of the set in the pool; returns the reads and the digest of the
 * whole input. When two wheels provide the same project, the first by path stays in the set and
 * the others are refused: they would write the same packages.
 */
export async function readSet(
  items: readonly BatchItem[],
  pool: LimitFunction,
  context: ReadContext,
): Promise<{ reads: ReadWheel[]; setDigest: string }> {
  const reads = items.map((item): ReadWheel => ({
    item,
    project: null,
    member: null,
    known: null,
    error: null,
    sha256: "",
    diagnostics: [],
    milliseconds: 0,
  }));
  refuseNamesakes(reads);
  const hashes = await WheelHashes.load(context.outDir);
  await Promise.all(
    reads.map((read) =>
      pool(async () => {
        if (context.aborted() || read.error !== null) return;
        context.onRead(read.item.wheel);
        const started = performance.now();
        try {
          read.sha256 = await hashes.sha256(read.item.wheel, context.trustStamps);
        } catch (error) {
          read.error = failure(error, read.item.wheel);
        }
        read.milliseconds = Math.round(performance.now() - started);
      }),
    ),
  );
  if (!context.aborted()) await hashes.save();
  // Each target's stamped directories, read once and only when a file name does not tell one.
  const stamped = new Map<string, Promise<Map<string, string[]>>>();
  const directories = (target: string, targetDir: string): Promise<Map<string, string[]>> => {
    let found = stamped.get(target);
    if (found === undefined) {
      found = stampedDirectories(targetDir);
      stamped.set(target, found);
    }
    return found;
  };
  const setDigest = hashOf(
    reads
      .map((r) => [basename(r.item.wheel), r.sha256])
      .sort((a, b) => compare(a[0] ?? "", b[0] ?? "")),
  );
  await Promise.all(
    reads.map((read) =>
      pool(async () => {
        if (context.aborted() || read.sha256 === "") return;
        const started = performance.now();
        try {
          read.known = context.trustStamps
            ? await knownEntries(read, context, setDigest, directories)
            : null;
          const first = read.known?.values().next().value;
          if (first !== undefined) {
            read.project = { ...first.snapshot.project, wheel: read.item.wheel };
            read.diagnostics = first.snapshot.diagnostics;
          } else await readOne(read, context);
        } catch (error) {
          read.error = failure(error, read.item.wheel);
        }
        read.milliseconds += Math.round(performance.now() - started);
      }),
    ),
  );
  const owner = new Map<string, string>();
  for (const read of [...reads].sort((a, b) => compare(a.item.wheel, b.item.wheel))) {
    if (read.project === null) continue;
    const first = owner.get(read.project.project);
    if (first === undefined) owner.set(read.project.project, read.item.wheel);
    else {
      read.error = providedAlready(read.item.wheel, read.project.project, first);
      read.project = null;
      read.member = null;
      read.known = null;
    }
  }
  return { reads, setDigest };
}
