/**
 * The vocabulary of a dependency closure (docs/architecture.md, "Resolving a closure"): where
 * wheels come from, what was chosen for each target, and what could not be satisfied and why.
 */

/** One wheel file a source offers. */
export interface WheelCandidate {
  /** The file name (PEP 427). */
  filename: string;
  /** PEP 503 name of the project, from the file name. */
  project: string;
  /** The version as the file name writes it. */
  version: string;
  /** Where it is: a local path (`--find-links`) or an absolute URL (an index). */
  location: { kind: "file"; path: string } | { kind: "url"; url: string };
  /** Lower-case hex SHA-256 the index gives, or null (a local file, or an index without one). */
  sha256: string | null;
  /** `data-requires-python` / `requires-python` of the index, or null. */
  requiresPython: string | null;
  /** The reason a yanked file was yanked ("" when none was given), or null when it is not. */
  yanked: string | null;
  /** The source, for messages: the directory or the index URL. */
  source: string;
}

/** Why a requirement could not be satisfied. */
export type UnsatisfiedReason =
  /** No source has a wheel of the project (or none in a version the requirement allows). */
  | "no-wheel"
  /** Wheels exist in allowed versions, but none suits the target's Python, platform or glibc. */
  | "no-compatible-tag"
  /** The requirers ask for versions no single wheel satisfies, or the set's own wheel has another. */
  | "version-conflict"
  /** The downloaded file does not have the hash its index gives. */
  | "hash-mismatch"
  /** The wheel was fetched but cannot be read (a bad zip, bad metadata). */
  | "unreadable";

/** A chain of requirers, from a wheel given to the batch to the requirement: `app → httpx[cli] → rich>=13`. */
export type RequirerChain = readonly string[];

/** A requirement that nothing satisfies on a target. */
export interface UnsatisfiedRequirement {
  /** The requirement as its requirer wrote it. */
  requirement: string;
  /** PEP 503 name of the required project. */
  project: string;
  /** From the given wheel down to the requirement, each step `project[extras]`. */
  chain: RequirerChain;
  reason: UnsatisfiedReason;
  /** The details behind the reason, in words (the versions seen, the tag refused, the hashes). */
  detail: string;
}

/** A wheel the closure adds to the set for a target. */
export interface PulledWheel {
  project: string;
  version: string;
  /** The local file (in the cache when it came from an index). */
  wheel: string;
  /** Where it was found: the find-links directory or the file's URL. */
  source: string;
  /** The extras the requirers asked for, normalized and sorted. */
  extras: string[];
  /** Each requirer, as `project` or `project[extra]`, sorted. */
  requiredBy: string[];
  /** One chain from a given wheel to this one, for the plan. */
  chain: RequirerChain;
}

/** A requirement the target's archive satisfies. */
export interface ArchiveSatisfied {
  requirement: string;
  project: string;
  /** The relations the requirement maps to on the target, as the archive was asked. */
  relations: string[];
  /** The requirers, as `project` or `project[extra]`. */
  requiredBy: string[];
  /** What the archive has for each relation (`python3-six (>= 1.10): archive: python3-six 1.16.0-4 (…)`). */
  detail: string;
}

/** The closure of the given wheels on one target. */
export interface TargetClosure {
  target: string;
  /** Whether the target's archive index could be read, and which it is (or why not). */
  archive: { checked: boolean; source: string };
  pulled: PulledWheel[];
  satisfiedByArchive: ArchiveSatisfied[];
  unsatisfied: UnsatisfiedRequirement[];
}

/** The closure on every target, in the order the targets were given. */
export interface ClosurePlan {
  targets: TargetClosure[];
  /** Notes on the sources (an unverified file, a pre-release taken because it was asked for). */
  notes: string[];
}
