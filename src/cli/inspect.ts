import { printable } from "../errors.js";
import type { Diagnostic } from "../diagnostics.js";
import { buildPackage, type WheelPackage } from "../model/package.js";
import { specifiersToString } from "../model/specifier.js";
import { markerToString } from "../model/markers.js";
import { emptyConfig } from "../config/index.js";
import type { ArchiveIndex, RelationInArchive } from "../families/index.js";
import { archiveFindings, archiveNote, relationsInArchive } from "../families/archive-relations.js";
import type { Config } from "../config/types.js";
import { mapTargets } from "../convert/index.js";
import type { TargetProfile } from "../profiles/types.js";
import { readWheel } from "../wheel/index.js";
import { json, printDiagnostics, type Output } from "./output.js";

/** The `inspect --json` document: the wheel as wheel2pkg reads it. */
export interface InspectReport {
  wheel: string;
  name: string;
  normalizedName: string;
  version: string;
  metadataVersion: string;
  summary: string | null;
  license: { expression: string | null; text: string | null; files: string[] };
  homepage: string | null;
  projectUrls: { label: string; url: string }[];
  requiresPython: string | null;
  requirements: {
    requirement: string;
    name: string;
    extras: string[];
    specifier: string;
    marker: string | null;
    /** Per requested target: how the requirement maps, for the main package and each extra. */
    targets: Record<string, TargetMapping[]>;
  }[];
  providesExtra: string[];
  tags: WheelPackage["tags"];
  rootIsPurelib: boolean;
  entryPoints: { group: string; name: string; value: string }[];
  files: { count: number; size: number; bySchema: Record<string, number> };
  diagnostics: Diagnostic[];
}

/** How one requirement maps for one target (main package, or one extra). */
export interface TargetMapping {
  extra: string | null;
  dependencies: string[];
  breaks: string[];
  diagnostics: Diagnostic[];
  /** `--check-archive`: what the target's archive offers for each relation. */
  archive?: RelationInArchive[];
}

/** Every requirement's mappings for a target, by requirement text, measured against its archive. */
function mappingsFor(
  pkg: WheelPackage,
  profile: TargetProfile,
  config: Config,
  archive: ArchiveIndex | undefined,
): Map<string, TargetMapping[]> {
  const [target] = mapTargets(
    pkg,
    [profile],
    config,
    [],
    archive === undefined ? {} : { archives: new Map([[profile.id, archive]]) },
  );
  if (target === undefined) return new Map();
  if ("error" in target) throw target.error;
  const { mapped } = target;
  const byRequirement = new Map<string, TargetMapping[]>();
  for (const m of [...mapped.main, ...[...mapped.extras.values()].flat()]) {
    const list = byRequirement.get(m.requirement) ?? [];
    list.push({
      extra: m.extra,
      dependencies: m.dependencies,
      breaks: m.breaks,
      diagnostics: m.diagnostics,
      ...(archive === undefined ? {} : { archive: relationsInArchive(m, profile, archive) }),
    });
    byRequirement.set(m.requirement, list);
  }
  return byRequirement;
}

/**
 * Reads a wheel's metadata without reading the bodies of its other files and, for each given
 * target, maps every requirement (nothing dropped without a diagnostic).
 */
export async function inspectWheel(
  path: string,
  profiles: readonly TargetProfile[] = [],
  options: { checkArchive?: boolean; refreshArchive?: boolean; config?: Config } = {},
): Promise<InspectReport> {
  const contents = await readWheel(path, {
    verify: false,
    ...(options.config === undefined ? {} : { limits: options.config.limits }),
  });
  const { pkg, diagnostics } = buildPackage(contents);
  const { metadata } = pkg;
  const config = options.config ?? emptyConfig;
  // Loaded only when asked: reading an archive index is the slow part of an inspect.
  const archives =
    options.checkArchive === true || options.refreshArchive === true
      ? await (
          await import("./archive.js")
        ).runArchives(profiles, config, {
          checkArchive: true,
          refreshArchive: options.refreshArchive === true,
        })
      : undefined;
  const perTarget = profiles.map(
    (profile) =>
      [profile.id, mappingsFor(pkg, profile, config, archives?.indices.get(profile.id))] as const,
  );
  if (archives !== undefined) {
    diagnostics.push(...archives.diagnostics);
    for (const [id, mappings] of perTarget) {
      const profile = profiles.find((p) => p.id === id) as TargetProfile;
      for (const [requirement, list] of mappings) {
        for (const m of list) {
          diagnostics.push(...archiveFindings(requirement, m.archive ?? [], profile));
        }
      }
    }
  }
  const byScheme: Record<string, number> = {};
  for (const member of pkg.members) byScheme[member.scheme] = (byScheme[member.scheme] ?? 0) + 1;
  return {
    wheel: pkg.filename.filename,
    name: pkg.name,
    normalizedName: pkg.normalizedName,
    version: pkg.version,
    metadataVersion: metadata.metadataVersion,
    summary: metadata.summary,
    license: {
      expression: metadata.licenseExpression,
      text: metadata.license,
      files: [...pkg.licenseFiles],
    },
    homepage: metadata.homePage,
    projectUrls: metadata.projectUrls,
    requiresPython:
      metadata.requiresPython === null ? null : specifiersToString(metadata.requiresPython),
    requirements: metadata.requiresDist.map((r) => ({
      requirement: r.raw,
      name: r.normalizedName,
      extras: r.extras,
      specifier: specifiersToString(r.specifiers),
      marker: r.marker === null ? null : markerToString(r.marker),
      targets: Object.fromEntries(
        perTarget.map(([id, mappings]) => [id, mappings.get(r.raw) ?? []]),
      ),
    })),
    providesExtra: metadata.providesExtra,
    tags: pkg.tags,
    rootIsPurelib: pkg.wheel.rootIsPurelib,
    entryPoints: pkg.entryPoints.map(({ group, name, value }) => ({ group, name, value })),
    files: {
      count: pkg.members.length,
      size: pkg.members.reduce((sum, member) => sum + member.size, 0),
      bySchema: byScheme,
    },
    diagnostics,
  };
}

/** Prints an inspect report as text or JSON. */
export function printInspect(
  output: Output,
  report: InspectReport,
  asJson: boolean,
  verbose: boolean,
): void {
  if (asJson) {
    output.out(json(report));
    return;
  }
  const lines = [
    `${report.name} ${report.version}  (${report.wheel})`,
    `  summary:         ${report.summary ?? "-"}`,
    `  license:         ${report.license.expression ?? report.license.text?.split("\n")[0] ?? "-"}`,
    `  license files:   ${report.license.files.join(", ") || "-"}`,
    `  homepage:        ${report.homepage ?? report.projectUrls[0]?.url ?? "-"}`,
    `  metadata:        ${report.metadataVersion}`,
    `  tags:            ${report.tags.pythonTags.join(".")}-${report.tags.abiTags.join(".")}-${report.tags.platforms.map((p) => p.raw).join(".")}`,
    `  kind:            ${report.tags.pure ? "pure Python (noarch)" : `platform (${report.tags.machine ?? "?"})`}`,
    `  requires-python: ${report.requiresPython ?? "-"}`,
    `  files:           ${report.files.count} (${report.files.size} bytes uncompressed)`,
  ];
  if (report.entryPoints.length > 0) {
    lines.push("  entry points:");
    for (const e of report.entryPoints) lines.push(`    [${e.group}] ${e.name} = ${e.value}`);
  }
  if (report.requirements.length > 0) {
    lines.push("  requirements:");
    for (const r of report.requirements) {
      lines.push(`    ${r.requirement}`);
      for (const [target, mappings] of Object.entries(r.targets)) {
        for (const m of mappings) {
          const relations = m.dependencies.length > 0 ? m.dependencies.join(", ") : "(none)";
          lines.push(`      ${target}${m.extra === null ? "" : ` [${m.extra}]`}: ${relations}`);
          for (const found of m.archive ?? []) {
            lines.push(`        ${found.relation}: ${archiveNote(found)}`);
          }
        }
      }
    }
  }
  if (report.providesExtra.length > 0)
    lines.push(`  extras:          ${report.providesExtra.join(", ")}`);
  output.out(`${lines.map(printable).join("\n")}\n`);
  printDiagnostics(output, report.diagnostics, verbose);
}
