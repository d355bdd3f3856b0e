import type { Builder } from "../config/types.js";

/** Options of a native build. */
export interface BuildOptions {
  /** Ends the running tool when aborted (a batch stopped by Ctrl-C). */
  cancelSignal?: AbortSignal;
  /** Build only the source package (SRPM; `.dsc` with its tarballs), for a build farm. */
  sourceOnly?: boolean;
  /**
   * Who writes the binary packages of a family that has more than one way: `dpkg` runs the
   * family's native build (dpkg-buildpackage), `direct` writes them in-process. Default: {@link defaultBuilder}.
   */
  builder?: Builder;
}

export type { Builder };

/** The builder used when none is asked for. */
export const defaultBuilder: Builder = "direct";

/** What a native build produced. */
export interface BuildResult {
  /** `.src.rpm`, or `.dsc` (with its tarballs beside it). */
  sourcePackages: string[];
  /** `.rpm` / `.deb` files. */
  binaryPackages: string[];
  /** The full log of the build. */
  logFile: string;
  /** What the user should know of how it was built (a host toolchain that is not the target's). */
  notes: string[];
}

/** What a look-up in the host's package index found. */
export interface ArchiveCheck {
  /** False when this host has no index for the target's family (no apt-cache, dnf or zypper). */
  checked: boolean;
  /** The index that answered, e.g. `apt-cache (bookworm)`. */
  source: string;
  /** Names the index does not know (or knows only as a virtual name nothing provides). */
  missing: string[];
}
