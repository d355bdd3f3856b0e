/**
 * The core metadata fields wheel2pkg knows, with the Metadata-Version that introduced each
 * (packaging.python.org "Core metadata specifications"). Used to flag unknown fields and
 * fields newer than the version a file declares; and the reader that collects problems and
 * diagnostics while fields are read.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { RawMetadata } from "../wheel/types.js";

/** A known METADATA field. */
export interface MetadataField {
  /** Canonical spelling, e.g. `Requires-Dist`. */
  name: string;
  /** Metadata-Version that introduced it. */
  since: [number, number];
}

/** The newest major Metadata-Version wheel2pkg reads. */
export const KNOWN_MAJOR = 2;
/** The newest minor of KNOWN_MAJOR whose fields wheel2pkg knows (2.4, PEP 639). */
export const LATEST_MINOR = 4;

const TABLE: readonly [string, string][] = [
  ["Metadata-Version", "1.0"],
  ["Name", "1.0"],
  ["Version", "1.0"],
  ["Platform", "1.0"],
  ["Supported-Platform", "1.1"],
  ["Summary", "1.0"],
  ["Description", "1.0"],
  ["Description-Content-Type", "2.1"],
  ["Keywords", "1.0"],
  ["Home-page", "1.0"],
  ["Download-URL", "1.1"],
  ["Author", "1.0"],
  ["Author-email", "1.0"],
  ["Maintainer", "1.2"],
  ["Maintainer-email", "1.2"],
  ["License", "1.0"],
  ["License-Expression", "2.4"],
  ["License-File", "2.4"],
  ["Classifier", "1.1"],
  ["Requires-Dist", "1.2"],
  ["Requires-Python", "1.2"],
  ["Requires-External", "1.2"],
  ["Project-URL", "1.2"],
  ["Provides-Extra", "2.1"],
  ["Provides-Dist", "1.2"],
  ["Obsoletes-Dist", "1.2"],
  ["Dynamic", "2.2"],
  // Deprecated 1.1 fields, still found in old wheels.
  ["Requires", "1.1"],
  ["Provides", "1.1"],
  ["Obsoletes", "1.1"],
  // Metadata 2.5 (PEP 794); known so that they are not reported as unknown.
  ["Import-Name", "2.5"],
  ["Import-Namespace", "2.5"],
];

/** Parses `X.Y`; null when it is not two dot-separated numbers. */
export function parseMetadataVersion(text: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Known fields by lower-cased name (RawMetadata's keys). */
export const FIELDS: ReadonlyMap<string, MetadataField> = new Map(
  TABLE.map(([name, since]) => [
    name.toLowerCase(),
    { name, since: parseMetadataVersion(since) ?? [1, 0] },
  ]),
);

/** Collects problems and diagnostics while reading METADATA fields. */
export class FieldReader {
  readonly problems: { field: string; message: string }[] = [];
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly raw: RawMetadata,
    private readonly strict: boolean,
  ) {}

  /** Records a problem that makes the metadata invalid. */
  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** A format warning: a diagnostic, or a problem in strict mode. */
  warn(code: string, field: string, message: string): void {
    if (this.strict) this.problem(field, message);
    else this.diagnostics.push(diagnostic(code, "warning", message, field));
  }

  /** Every value of a multiple-use field, trimmed. */
  all(field: string): string[] {
    return (this.raw.fields.get(field.toLowerCase()) ?? []).map((v) => v.trim());
  }

  /** The value of a single-use field (the first, if repeated), or null. */
  one(field: string): string | null {
    const values = this.all(field);
    if (new Set(values).size > 1) {
      const message = `given ${values.length} times with different values; using the first`;
      if (["Metadata-Version", "Name", "Version"].includes(field)) this.problem(field, message);
      else this.warn("metadata-field-repeated", field, message);
    }
    return values[0] ?? null;
  }

  /** Like `one`, recording a problem when the field is absent or empty. */
  required(field: string): string {
    const value = this.one(field);
    if (value === null || value === "") this.problem(field, "required field is missing");
    return value ?? "";
  }
}

/**
 * Checks Metadata-Version: unknown majors are problems, a newer 2.x minor only a warning.
 * Returns the parsed version, or null when absent or invalid.
 */
export function checkMetadataVersion(reader: FieldReader, text: string): [number, number] | null {
  if (text === "") return null;
  const version = parseMetadataVersion(text);
  if (version === null) {
    reader.problem("Metadata-Version", `invalid value ${JSON.stringify(text)} (expected X.Y)`);
  } else if (version[0] > KNOWN_MAJOR || version[0] < 1) {
    reader.problem("Metadata-Version", `unsupported version ${text}: wheel2pkg reads 1.0 to 2.x`);
  } else if (version[0] === KNOWN_MAJOR && version[1] > LATEST_MINOR) {
    reader.diagnostics.push(
      diagnostic(
        "metadata-version-newer",
        "warning",
        `Metadata-Version ${text} is newer than 2.${LATEST_MINOR}; fields added since are ignored`,
        "Metadata-Version",
      ),
    );
  }
  return version;
}

/** Notes fields wheel2pkg does not know, and fields newer than the declared Metadata-Version. */
export function checkFieldNames(
  reader: FieldReader,
  raw: RawMetadata,
  version: [number, number] | null,
): void {
  for (const key of raw.fields.keys()) {
    const known = FIELDS.get(key);
    if (known === undefined) {
      reader.diagnostics.push(
        diagnostic(
          "metadata-unknown-field",
          "info",
          `unknown METADATA field "${key}" ignored`,
          key,
        ),
      );
    } else if (
      version !== null &&
      (known.since[0] - version[0] || known.since[1] - version[1]) > 0
    ) {
      reader.diagnostics.push(
        diagnostic(
          "metadata-field-too-new",
          "info",
          `${known.name} was added in Metadata-Version ${known.since.join(".")}, but this file declares ${version.join(".")}`,
          known.name,
        ),
      );
    }
  }
}
