/**
 * The Debian family's side of the payload rule (docs/architecture.md, "Payload compression"):
 * the xz level that debian/rules asks of dpkg-deb and that the direct builder writes with.
 */
import type { PayloadEffort } from "../../targets/common/payload.js";

/** xz's level for a payload effort: 2 as a rule, 0 (xz's fastest) for big packages. */
export function xzLevel(effort: PayloadEffort): number {
  return effort === "fast" ? 0 : 2;
}
