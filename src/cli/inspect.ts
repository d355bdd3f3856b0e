import type { Diagnostic } from "../diagnostics.js";
import { buildPackage, type WheelPackage } from "../model/package.js";
import { specifiersToString } from "../model/specifier.js";
import { markerToString } from "../model/markers.js";
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
  }[];
  providesExtra: string[];
  tags: WheelPackage["tags"];
  rootIsPurelib: boolean;
  entryPoints: { group: string; name: string; value: string }[];
  files: { count: number; size: number; bySchema: Record<string, number> };
  diagnostics: Diagnostic[];
}

/** Reads a wheel's metadata without reading the bodies of its other files. */
export async function inspectWheel(path: string): Promise<InspectReport> {
  const contents = await readWheel(path, { verify: false });
  const { pkg, diagnostics } = buildPackage(contents);
  const { metadata } = pkg;
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
    for (const r of report.requirements) lines.push(`    ${r.requirement}`);
  }
  if (report.providesExtra.length > 0)
    lines.push(`  extras:          ${report.providesExtra.join(", ")}`);
  output.out(`${lines.join("\n")}\n`);
  printDiagnostics(output, report.diagnostics, verbose);
}
