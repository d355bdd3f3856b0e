/**
 * `.dist-info/METADATA`, the core metadata file, read into its raw form. Validating the values
 * (versions, requirements, licenses) is the model stage's job; this module only gets the text
 * and the header structure right.
 */
import { WheelError, type Location } from "../errors.js";
import { parseEmailHeaders, unfoldLine, unfoldText } from "./email-headers.js";
import type { RawMetadata } from "./types.js";

// Free-text fields whose line breaks are content; every other field is a single logical line.
const TEXT_FIELDS: ReadonlySet<string> = new Set(["description", "license"]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a member's bytes as UTF-8, refusing malformed input instead of replacing it with
 * U+FFFD: metadata that Python cannot read must not become package metadata. The error names the
 * wheel and member given in `where`.
 */
export function decodeUtf8(bytes: Uint8Array, where: Location): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new WheelError(`not valid UTF-8 (first bad byte at offset ${offset})`, where);
  }
}

/** Reads METADATA bytes: UTF-8 decoding, then {@link parseMetadataText}. */
export function parseMetadataFile(bytes: Uint8Array, where: Location): RawMetadata {
  return parseMetadataText(decodeUtf8(bytes, where), where);
}

/**
 * Parses METADATA text. Field names are lower-cased; multiple-use fields (Classifier,
 * Requires-Dist, Project-URL…) keep every value in order. Description and License keep their
 * lines (folding removed); other fields are unfolded to one line.
 */
export function parseMetadataText(text: string, where: Location = {}): RawMetadata {
  const message = parseEmailHeaders(text, where);
  const fields = new Map<string, string[]>();
  for (const header of message.headers) {
    const key = header.name.toLowerCase();
    const value = TEXT_FIELDS.has(key) ? unfoldText(header) : unfoldLine(header);
    const values = fields.get(key);
    if (values === undefined) fields.set(key, [value]);
    else values.push(value);
  }
  return { fields, body: message.body };
}

/** First value of a field, or undefined (a convenience for single-use fields). */
export function metadataField(metadata: RawMetadata, name: string): string | undefined {
  return metadata.fields.get(name.toLowerCase())?.[0];
}

/** Byte offset of the first malformed UTF-8 sequence (for the error message only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return index;
    // Decoding the candidate sequence alone also catches overlongs and surrogates.
    try {
      utf8.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}
