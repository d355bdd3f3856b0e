/**
 * `.dist-info/WHEEL`: the wheel format version, whether the root is purelib, and the tags.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { WheelError, type Location } from "../errors.js";
import { parseEmailHeaders, unfoldLine } from "./email-headers.js";
import { printableName } from "./printable-name.js";
import type { WheelInfo } from "./types.js";

/** WHEEL parsed, with the notes a reader should see (e.g. a newer minor format version). */
export interface ParsedWheelInfo {
  info: WheelInfo;
  diagnostics: Diagnostic[];
}

/**
 * Parses WHEEL text. Refuses a missing or malformed `Wheel-Version`, a major version other than 1
 * (the spec says readers must), and a missing or non-boolean `Root-Is-Purelib`; a newer minor
 * version is read but reported as a warning, as the spec asks.
 */
export function parseWheelInfo(text: string, where: Location = {}): ParsedWheelInfo {
  const { headers } = parseEmailHeaders(text, where);
  const values = new Map<string, string[]>();
  for (const header of headers) {
    const key = header.name.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), unfoldLine(header)]);
  }
  const fail = (field: string, message: string): never => {
    throw new WheelError(message, { ...where, field });
  };
  const single = (field: string): string | null => {
    const found = values.get(field.toLowerCase()) ?? [];
    if (found.length > 1) fail(field, `${field} is given ${found.length} times`);
    return found[0] ?? null;
  };

  const versionText = single("Wheel-Version");
  if (versionText === null) return fail("Wheel-Version", "Wheel-Version is missing");
  const match = /^(\d+)\.(\d+)$/.exec(versionText);
  if (match === null) {
    return fail(
      "Wheel-Version",
      `Wheel-Version "${printableName(versionText)}" is not MAJOR.MINOR`,
    );
  }
  const wheelVersion = { major: Number(match[1]), minor: Number(match[2]) };
  if (wheelVersion.major !== 1) {
    fail(
      "Wheel-Version",
      `unsupported Wheel-Version ${versionText}: only wheel format 1.x can be read`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  if (wheelVersion.minor > 0) {
    diagnostics.push(
      diagnostic(
        "wheel-version-newer",
        "warning",
        `Wheel-Version ${versionText} is newer than 1.0; features of it may be ignored`,
        "Wheel-Version",
      ),
    );
  }

  const purelibText = single("Root-Is-Purelib");
  if (purelibText === null) return fail("Root-Is-Purelib", "Root-Is-Purelib is missing");
  const purelib = purelibText.toLowerCase();
  if (purelib !== "true" && purelib !== "false") {
    fail(
      "Root-Is-Purelib",
      `Root-Is-Purelib must be true or false, not "${printableName(purelibText)}"`,
    );
  }
  const rootIsPurelib = purelib === "true";

  return {
    info: {
      wheelVersion,
      generator: single("Generator"),
      rootIsPurelib,
      tags: values.get("tag") ?? [],
      build: single("Build"),
    },
    diagnostics,
  };
}
