/**
 * What the steps of one running batch share: the options as resolved, the pools, the order gate
 * and the requirements the set was found to have.
 */
import type { LimitFunction } from "p-limit";
import type { Config } from "../config/index.js";
import type { TargetProfile } from "../profiles/types.js";
import type { SetLibraries } from "../targets/types.js";
import type { EntryLedger } from "./ledger.js";
import type { BatchEvent, BatchOptions } from "./options.js";
import type { OrderGate } from "./order-gate.js";
import type { SetRequirements } from "./requirements.js";

/** The state of a batch between its first pass and its report. */
export interface BatchRun {
  options: BatchOptions;
  profiles: readonly TargetProfile[];
  targetIds: readonly string[];
  /** Absolute output directory. */
  outDir: string;
  /** The user's config with a name rule for each project of the set. */
  config: Config;
  /** The part of every stamp key that does not depend on the wheel (keys.ts). */
  common: string;
  /** The digest of the whole input, for the stamps' fast key (read.ts). */
  setDigest: string;
  /** Whether packages are built (binary and source, or source only). */
  building: boolean;
  sourceOnly: boolean;
  /** The pool of reading, planning and writing, and the pool of native builds. */
  work: LimitFunction;
  builds: LimitFunction;
  aborted: () => boolean;
  emit: (event: BatchEvent) => void;
  gate: OrderGate;
  /** Wheel path → how that wheel maps on each target, and what it requires there. */
  requirements: SetRequirements;
  /** Target id → the shared libraries the set's wheels ship (libraries.ts). */
  libraries: ReadonlyMap<string, SetLibraries>;
  ledger: EntryLedger;
  /** Builds waiting for their dependencies or running; awaited before the report. */
  buildTasks: Promise<void>[];
}
