/**
 * Core metadata (METADATA, versions 1.0–2.x): a lenient read of the raw header fields into a
 * typed `Metadata`, then validation that collects every problem, each naming its field, and
 * throws them together as one MetadataError.
 */
import type { Diagnostic } from "../diagnostics.js";
import { MetadataError, UserError } from "../errors.js";
import type { RawMetadata } from "../wheel/types.js";
import { isValidExtra, isValidName, normalizeExtra, normalizeName } from "./name.js";
import { parseRequirement } from "./requirement.js";
import { parseSpecifiers } from "./specifier.js";
import type { Requirement, Specifier } from "./types.js";
import { isValidVersion } from "./version.js";
import { checkFieldNames, checkMetadataVersion, FieldReader } from "./metadata-fields.js";

/** A `Project-URL` entry. */
export interface ProjectUrl {
  label: string;
  url: string;
}

/** Typed core metadata of a distribution. Absent single fields are null, lists empty. */
export interface Metadata {
  metadataVersion: string;
  name: string;
  /** PEP 503 normalized name. */
  normalizedName: string;
  /** The version as written in METADATA (see WheelPackage.version for the normalized one). */
  version: string;
  summary: string | null;
  /** The long description: the message body, else the `Description` field. */
  description: string | null;
  descriptionContentType: string | null;
  keywords: string[];
  homePage: string | null;
  downloadUrl: string | null;
  projectUrls: ProjectUrl[];
  author: string | null;
  authorEmail: string | null;
  maintainer: string | null;
  maintainerEmail: string | null;
  /** Free-text `License` field. */
  license: string | null;
  /** SPDX `License-Expression` (metadata 2.4), unvalidated. */
  licenseExpression: string | null;
  licenseFiles: string[];
  classifiers: string[];
  requiresDist: Requirement[];
  /** null when the field is absent. */
  requiresPython: Specifier[] | null;
  requiresExternal: string[];
  /** Normalized (PEP 685) extra names. */
  providesExtra: string[];
  providesDist: string[];
  obsoletesDist: string[];
  dynamic: string[];
  platform: string[];
  supportedPlatform: string[];
}

/** Options of parseMetadata. */
export interface ParseMetadataOptions {
  /** Turn format warnings (multi-line Summary, repeated fields, bad Project-URL…) into problems. */
  strict?: boolean;
}

function readSummary(reader: FieldReader): string | null {
  const summary = reader.one("Summary");
  if (summary === null || !/[\r\n]/.test(summary)) return summary;
  reader.warn(
    "metadata-summary-multiline",
    "Summary",
    "Summary spans several lines; joined into one",
  );
  return summary.split(/\s*[\r\n]+\s*/).join(" ");
}

function readKeywords(reader: FieldReader): string[] {
  // Metadata 1.x separated keywords by spaces, later versions by commas.
  return reader
    .all("Keywords")
    .flatMap((value) => value.split(value.includes(",") ? "," : /\s+/))
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

function readProjectUrls(reader: FieldReader): ProjectUrl[] {
  return reader.all("Project-URL").map((value) => {
    const comma = value.indexOf(",");
    if (comma < 0) {
      reader.warn(
        "metadata-project-url-malformed",
        "Project-URL",
        `expected "label, url", found ${JSON.stringify(value)}`,
      );
      return { label: "", url: value };
    }
    return { label: value.slice(0, comma).trim(), url: value.slice(comma + 1).trim() };
  });
}

function readRequirements(reader: FieldReader): Requirement[] {
  return reader.all("Requires-Dist").flatMap((line) => {
    try {
      return [parseRequirement(line)];
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reader.problem("Requires-Dist", error.message);
      return [];
    }
  });
}

function readRequiresPython(reader: FieldReader): Specifier[] | null {
  const value = reader.one("Requires-Python");
  if (value === null) return null;
  try {
    return parseSpecifiers(value);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    reader.problem("Requires-Python", error.message);
    return null;
  }
}

/**
 * The declared extras, normalized (PEP 685). An extra whose normalized name is not one (letters,
 * digits and single `-`) is dropped with a warning naming it, whatever the Metadata-Version: no
 * package, relation or file name is ever made from it, and its requirements are reported as
 * requirements of an undeclared extra.
 */
function readExtras(reader: FieldReader): string[] {
  const extras = new Set<string>();
  for (const extra of reader.all("Provides-Extra")) {
    if (!isValidExtra(extra)) {
      reader.warn(
        "metadata-extra-invalid",
        "Provides-Extra",
        `invalid extra name ${JSON.stringify(extra)} (PEP 685) is dropped`,
      );
      continue;
    }
    extras.add(normalizeExtra(extra));
  }
  return [...extras];
}

/** Control characters but tab, newline and carriage return: C0, DEL and C1. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Fields with a grammar: a control character makes them invalid, and they are refused (or, for
 * an extra, dropped) as such rather than cleaned into something the wheel did not say.
 */
const structuredFields = new Set([
  "metadata-version",
  "name",
  "version",
  "requires-dist",
  "requires-python",
  "provides-extra",
  "provides-dist",
  "obsoletes-dist",
  "dynamic",
]);

/**
 * METADATA whose free text holds no control characters (an ESC would reach a terminal, a BEL or
 * NUL a package's control file), and the fields they were removed from.
 */
function withoutControlCharacters(raw: RawMetadata): { raw: RawMetadata; fields: string[] } {
  const touched = new Set<string>();
  const clean = (text: string, field: string): string => {
    if (structuredFields.has(field)) return text;
    const cleaned = text.replace(controlCharacters, "");
    if (cleaned !== text) touched.add(field);
    return cleaned;
  };
  const fields = new Map<string, string[]>();
  for (const [name, values] of raw.fields) {
    fields.set(
      name,
      values.map((value) => clean(value, name)),
    );
  }
  return {
    raw: { fields, body: clean(raw.body, "description") },
    fields: [...touched].sort(),
  };
}

/**
 * Reads METADATA leniently into a typed Metadata, then validates it. Every problem is
 * collected and thrown together as one MetadataError(source, problems); warnings come back
 * as diagnostics. `source` names the file for messages, e.g.
 * `six-1.16.0-py3-none-any.whl: six-1.16.0.dist-info/METADATA`.
 */
export function parseMetadata(
  original: RawMetadata,
  source: string,
  options: ParseMetadataOptions = {},
): { metadata: Metadata; diagnostics: Diagnostic[] } {
  const cleaned = withoutControlCharacters(original);
  const raw = cleaned.raw;
  const reader = new FieldReader(raw, options.strict ?? false);
  if (cleaned.fields.length > 0) {
    reader.warn(
      "metadata-control-characters",
      cleaned.fields.join(", "),
      `control characters removed from ${cleaned.fields.join(", ")}`,
    );
  }
  const metadataVersion = reader.required("Metadata-Version");
  const parsedMetadataVersion = checkMetadataVersion(reader, metadataVersion);
  const name = reader.required("Name");
  if (name !== "" && !isValidName(name)) {
    reader.problem("Name", `invalid distribution name ${JSON.stringify(name)} (PEP 508)`);
  }
  const version = reader.required("Version");
  if (version !== "" && !isValidVersion(version)) {
    reader.problem("Version", `invalid version ${JSON.stringify(version)} (not PEP 440)`);
  }
  checkFieldNames(reader, raw, parsedMetadataVersion);
  const dynamic = reader.all("Dynamic");
  for (const field of dynamic) {
    if (["name", "version", "metadata-version"].includes(field.toLowerCase())) {
      reader.problem("Dynamic", `${field} cannot be dynamic`);
    }
  }
  const descriptionField = reader.one("Description");
  const metadata: Metadata = {
    metadataVersion,
    name,
    normalizedName: normalizeName(name),
    version,
    summary: readSummary(reader),
    // The wheel reader has already unfolded the Description header's continuation lines.
    description: raw.body.trim() !== "" ? raw.body : descriptionField,
    descriptionContentType: reader.one("Description-Content-Type"),
    keywords: readKeywords(reader),
    homePage: reader.one("Home-page"),
    downloadUrl: reader.one("Download-URL"),
    projectUrls: readProjectUrls(reader),
    author: reader.one("Author"),
    authorEmail: reader.one("Author-email"),
    maintainer: reader.one("Maintainer"),
    maintainerEmail: reader.one("Maintainer-email"),
    license: reader.one("License"),
    licenseExpression: reader.one("License-Expression"),
    licenseFiles: reader.all("License-File"),
    classifiers: reader.all("Classifier"),
    requiresDist: readRequirements(reader),
    requiresPython: readRequiresPython(reader),
    requiresExternal: reader.all("Requires-External"),
    providesExtra: readExtras(reader),
    providesDist: reader.all("Provides-Dist"),
    obsoletesDist: reader.all("Obsoletes-Dist"),
    dynamic,
    platform: reader.all("Platform"),
    supportedPlatform: reader.all("Supported-Platform"),
  };
  if (reader.problems.length > 0) throw new MetadataError(source, reader.problems);
  return { metadata, diagnostics: reader.diagnostics };
}
