/** Options of a native build. */
export interface BuildOptions {
  /** Ends the running tool when aborted (a batch stopped by Ctrl-C). */
  cancelSignal?: AbortSignal;
  /** Build only the source package (SRPM; `.dsc` with its tarballs), for a build farm. */
  sourceOnly?: boolean;
  /** Install what the build host lacks of the plan's `buildHostNeeds` first (apt-get, as root). */
  installBuildDeps?: boolean;
}

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
