/**
 * Which modules of a wheel have their imports read while the wheel is verified: the Python
 * sources of site-packages, and only in a wheel that has commands and extras (the one question
 * the imports answer is which extras the package's own commands need).
 */
import { moduleOfPath, packageOfPath, scanImports, type PythonImport } from "./python-imports.js";
import type { ContentCheck, EntryPoint, RawMetadata, WheelMember } from "./types.js";

/** Source files larger than this are no hand-written modules; their imports are not read. */
const MAX_MODULE_SIZE = 4 * 1024 * 1024;

/**
 * A content check that reads the imports of the wheel's Python modules into `found` (by member
 * path), or null when the wheel has no console or GUI scripts or no extras.
 */
export function moduleImportCheck(
  members: readonly WheelMember[],
  entryPoints: readonly EntryPoint[],
  metadata: RawMetadata,
): { check: ContentCheck; found: Map<string, PythonImport[]> } | null {
  const commands = entryPoints.some(
    (e) => e.group === "console_scripts" || e.group === "gui_scripts",
  );
  if (!commands || (metadata.fields.get("provides-extra") ?? []).length === 0) return null;
  const packages = new Map<string, string>();
  for (const member of members) {
    if (member.distInfo || (member.scheme !== "purelib" && member.scheme !== "platlib")) continue;
    if (moduleOfPath(member.installPath) !== null)
      packages.set(member.path, packageOfPath(member.installPath));
  }
  const found = new Map<string, PythonImport[]>();
  const check: ContentCheck = {
    applies: (path, size) => size <= MAX_MODULE_SIZE && packages.has(path),
    run(content, path) {
      // Undecodable bytes become U+FFFD, which no import statement contains.
      found.set(path, scanImports(content.toString("utf8"), packages.get(path) ?? ""));
      return [];
    },
  };
  return { check, found };
}
