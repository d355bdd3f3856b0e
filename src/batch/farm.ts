/**
 * Handing a batch to the distro build farms (`--source-only`): a JSON Lines build manifest that
 * lists every source package the batch made, in dependency order, so that `mock --chain`,
 * sbuild or OBS build each package after the set's packages it requires.
 */
import type { BatchReport } from "./types.js";

/** One line of the build manifest. */
export interface BuildManifestLine {
  /** 1-based place in the build order of the set (per target, the same order). */
  position: number;
  target: string;
  project: string;
  version: string | null;
  /** The `.src.rpm` or `.dsc` (its tarballs lie beside it). */
  source: string;
  /** The set's projects this package must be built after. */
  requires: string[];
}

/**
 * The build manifest of a report: each target's source packages in the set's build order (the
 * targets in the order they were given). Entries without a source package are left out.
 */
export function buildManifest(report: BatchReport): BuildManifestLine[] {
  const rank = new Map(report.order.map((project, index) => [project, index]));
  const lines: BuildManifestLine[] = [];
  for (const target of report.targets) {
    const entries = report.entries
      .filter((e) => e.target === target && e.project !== null)
      .sort((a, b) => (rank.get(a.project ?? "") ?? 0) - (rank.get(b.project ?? "") ?? 0));
    for (const entry of entries) {
      const source = entry.artifacts.find((a) => a.endsWith(".src.rpm") || a.endsWith(".dsc"));
      if (source === undefined || entry.project === null) continue;
      lines.push({
        position: (rank.get(entry.project) ?? 0) + 1,
        target,
        project: entry.project,
        version: entry.version,
        source,
        requires: entry.requires,
      });
    }
  }
  return lines;
}

/** The manifest as JSON Lines text. */
export function buildManifestText(report: BatchReport): string {
  return buildManifest(report)
    .map((line) => `${JSON.stringify(line)}\n`)
    .join("");
}
