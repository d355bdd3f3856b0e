/**
 * The library interface of a batch: the options `runBatch` takes and the events it
 * reports while it runs.
 */
import type { Builder } from "../config/types.js";
import type { Config } from "../config/index.js";
import type { ArchiveIndex } from "../families/index.js";
import type { TargetProfile } from "../profiles/types.js";
import type { ClosurePlan } from "../resolve/index.js";
import type { DebianExtrasPolicy, PackagingOptions } from "../targets/types.js";
import type { BatchItem } from "./input.js";
import type { BatchEntry } from "./types.js";

/** What a batch reports while it runs (for a progress display). */
export type BatchEvent =
  | {
      type: "start";
      wheels: number;
      targets: string[];
      /** Target id → the wheels converted for it (fewer than `wheels` for pulled-in ones). */
      perTarget: Record<string, number>;
    }
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
  /** Who writes binary packages (default: the config's `builder`, else the family's default). */
  builder?: Builder;
  /** Redo packages whose stamp says they are unchanged. */
  force?: boolean;
  /** Measure requirements outside the set against each target's archive index. */
  checkArchive?: boolean;
  /** The closure `--resolve` computed, for the report (its wheels are among `items`). */
  closure?: ClosurePlan;
  /**
   * After building: write a repository per target under this directory (`<repo>/<target>/`)
   * and ask the package manager whether its packages install.
   */
  repo?: string;
  /**
   * The indices `checkArchive` uses, by target id (read, or taken as saved, when absent). With
   * `closure` and without `checkArchive`: the indices the closure asked, which planning uses in
   * the same way, so that it knows which extras each target can satisfy.
   */
  archives?: ReadonlyMap<string, ArchiveIndex>;
  /** Size of each pool (default: the number of cores). */
  jobs?: number;
  /** Stops the batch: nothing new starts, and unfinished entries end as `interrupted`. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}
