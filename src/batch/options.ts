/**
 * The library interface of a batch: the options `runBatch` takes and the events it
 * reports while it runs.
 */
import type { Config } from "../config/index.js";
import type { ArchiveIndex } from "../families/index.js";
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
  /** Install what the build host lacks of a package's build needs first (apt-get, as root). */
  installBuildDeps?: boolean;
  /** Build the source packages only (SRPM, `.dsc`), as build farms take them; implies `build`. */
  sourceOnly?: boolean;
  /** Redo packages whose stamp says they are unchanged. */
  force?: boolean;
  /** Measure requirements outside the set against each target's archive index. */
  checkArchive?: boolean;
  /** The indices `checkArchive` uses, by target id (read, or taken as saved, when absent). */
  archives?: ReadonlyMap<string, ArchiveIndex>;
  /** Size of each pool (default: the number of cores). */
  jobs?: number;
  /** Stops the batch: nothing new starts, and unfinished entries end as `interrupted`. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}
