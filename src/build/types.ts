/** What a native build produced. */
export interface BuildResult {
  /** `.src.rpm`, or `.dsc` (with its tarballs beside it). */
  sourcePackages: string[];
  /** `.rpm` / `.deb` files. */
  binaryPackages: string[];
  /** The full log of the build. */
  logFile: string;
}
