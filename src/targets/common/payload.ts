/**
 * How hard a built package's payload is compressed: one rule for every family
 * (docs/architecture.md, "Payload compression"). Each family turns the answer into its own
 * compressor's settings; both depend on the wheel's files alone, so a rebuild gives the same
 * bytes.
 */
import type { InstalledFile } from "./files.js";

/** Files adding up to this many bytes make a big package. */
export const bigPayload = 32 * 1024 * 1024;

/**
 * `usual`: the family's usual compression, whose cost is small beside the rest of the build;
 * `fast`: a cheap level, for big packages, where compression is most of the build (numpy: 57 MB
 * of files, xz -2 4.0 CPU seconds for 11.9 MB, xz -0 1.9 s for 14.0 MB).
 */
export type PayloadEffort = "usual" | "fast";

/** The compression effort of a package that installs `files`, by their total size. */
export function payloadEffort(files: readonly Pick<InstalledFile, "size">[]): PayloadEffort {
  return files.reduce((sum, file) => sum + file.size, 0) >= bigPayload ? "fast" : "usual";
}
