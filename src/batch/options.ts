/**
 * The library interface of a batch: the options `runBatch` takes and the events it
 * reports while it runs.
 */
import type { Builder } from "../config/types.js";
import type { Config } from "../config/index.js";
import type { TargetProfile } from "../profiles/types.js";
import type { DebianExtrasPolicy, PackagingOptions } from "../targets/types.js";
import type { BatchItem } from "./input.js";
import type { BatchEntry } from "./types.js";

/** What a batch reports while it runs (for a progress display). */
export type BatchEvent =
  | { type: "start"; wheels: number; targets: string[] }
  | { type: "step"; wheel: string; step: "read" | "plan" | "write" | "build"; target?: string }
  | { type: "done"; entry: BatchEntry };

/** Options of `runBatch`. */
export interface BatchOptions {
  items: readonly BatchItem[];
  profiles: readonly TargetProfile[];
  outDir: string;
  config?: Config;
  /** User template directories (default: the config's). */
  templateDirs?: readonly string[];
  /** Extras folded for every wheel without its own `with-extras`. */
  withExtras?: readonly string[];
  debianExtras?: DebianExtrasPolicy;
  /** Identity, release and changelog for every wheel (a manifest's `release` wins). */
  packaging?: Partial<Omit<PackagingOptions, "date">>;
  build?: boolean;
  /** Build the source packages only (SRPM, `.dsc`), as build farms take them; implies `build`. */
  sourceOnly?: boolean;
  /** Who writes binary packages (default: the config's `builder`, else the family's default). */
  builder?: Builder;
  /** Redo packages whose stamp says they are unchanged. */
  force?: boolean;
  /** Look names outside the set up in this host's package index. */
  checkArchive?: boolean;
  /** Size of each pool (default: the number of cores). */
  jobs?: number;
  /** Stops the batch: nothing new starts, and unfinished entries end as `interrupted`. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}
