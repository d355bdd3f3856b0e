/**
 * `.dist-info/RECORD`: one CSV row per file, `path,algorithm=digest,size`, where the digest is
 * urlsafe base64 without padding (PEP 376 as amended by the binary distribution format).
 */
import { createRequire } from "node:module";
import type * as CsvParse from "csv-parse/sync";
import { WheelError, type Location } from "../errors.js";
import { printableName } from "./printable-name.js";
import type { RecordEntry } from "./types.js";

// csv-parse is needed only for RECORDs that quote, which are rare; loading it on first use keeps
// ~13 ms off every start-up of the CLI.
const require = createRequire(import.meta.url);
let csvParse: typeof CsvParse | undefined;
function loadCsvParse(): typeof CsvParse {
  csvParse ??= require("csv-parse/sync") as typeof CsvParse;
  return csvParse;
}

/** Hash algorithms RECORD may use: sha256 or stronger (the spec forbids md5 and sha1). */
export type RecordHashAlgorithm = "sha256" | "sha384" | "sha512";

const DIGEST_LENGTH: Readonly<Record<RecordHashAlgorithm, number>> = {
  sha256: 43,
  sha384: 64,
  sha512: 86,
};
const RECORD_HASH_ALGORITHMS = Object.keys(DIGEST_LENGTH) as RecordHashAlgorithm[];
const WEAK_ALGORITHMS: ReadonlySet<string> = new Set(["md5", "sha1", "sha224"]);
const URLSAFE_BASE64 = /^[A-Za-z0-9_-]+$/;

/** Whether an algorithm name is one RECORD may use. */
export function isRecordHashAlgorithm(name: string): name is RecordHashAlgorithm {
  return Object.hasOwn(DIGEST_LENGTH, name);
}

/**
 * Whether RECORD may list a path without a hash: RECORD itself and its signatures
 * (`RECORD.jws`, `RECORD.p7s`, or any `.jws`/`.p7s` at the dist-info root), which cannot hash
 * themselves.
 */
export function isUnhashedRecordPath(path: string): boolean {
  return /^[^/]+\.dist-info\/(?:RECORD|[^/]+\.(?:jws|p7s))$/.test(path);
}

/**
 * Parses RECORD text into rows, in file order. Refuses rows that are not three columns, weak or
 * unknown hash algorithms, malformed digests and sizes, and paths listed twice; errors name the
 * line. A row without a hash is kept (`hash: null`); whether that is allowed is for the
 * verification to decide, since only RECORD and signatures may omit it.
 */
export function parseRecord(text: string, where: Location = {}): RecordEntry[] {
  const fail = (line: number, message: string): never => {
    // Paths, digests and CSV errors quote RECORD's text: shown with control characters escaped.
    throw new WheelError(`line ${line}: ${printableName(message)}`, where);
  };
  const seen = new Set<string>();
  const entries: RecordEntry[] = [];
  const add = (fields: string[], line: number): void => {
    if (fields.length !== 3)
      fail(line, `expected 3 columns (path,hash,size), found ${fields.length}`);
    const [path = "", hashText = "", sizeText = ""] = fields;
    if (path === "") fail(line, "empty path");
    if (seen.has(path)) fail(line, `${path} is listed twice`);
    seen.add(path);
    const hash = parseHash(hashText, path, line, fail);
    entries.push({ path, hash, size: parseSize(sizeText, path, line, fail) });
  };
  if (text.includes('"')) {
    for (const { fields, line } of csvRows(text, fail)) add(fields, line);
  } else {
    forEachPlainRow(text, add);
  }
  return entries;
}

interface Row {
  fields: string[];
  line: number;
}

/** Full CSV, for RECORDs that quote (paths with commas or quotes). */
function csvRows(text: string, fail: (line: number, message: string) => never): Row[] {
  const rows: Row[] = [];
  const { parse, CsvError } = loadCsvParse();
  try {
    parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      // Collected here, with their line, rather than returned by csv-parse.
      on_record: (fields, context) => {
        rows.push({ fields, line: context.lines });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      return fail(
        typeof error.lines === "number" ? error.lines : 0,
        `not valid CSV: ${error.message}`,
      );
    }
    throw error;
  }
  return rows;
}

/**
 * Without a quote character, CSV is lines of comma-separated fields, and splitting reads it
 * exactly as csv-parse does. Nearly every RECORD is like that, and this path is ~10× faster on a
 * cold start, which `inspect` on a large wheel notices (45 ms for scipy's 1425 rows). Each row is
 * used as soon as it is split, so a RECORD of 100,000 rows leaves no array of lines behind.
 */
function forEachPlainRow(text: string, use: (fields: string[], line: number) => void): void {
  const newline = text.includes("\r") ? /\r\n|\n|\r/g : /\n/g;
  let start = 0;
  for (let line = 1; ; line++) {
    const match = newline.exec(text);
    const end = match === null ? text.length : match.index;
    if (end > start) use(text.slice(start, end).split(","), line);
    if (match === null) return;
    start = end + match[0].length;
  }
}

function parseHash(
  text: string,
  path: string,
  line: number,
  fail: (line: number, message: string) => never,
): RecordEntry["hash"] {
  if (text === "") return null;
  const equals = text.indexOf("=");
  if (equals <= 0) return fail(line, `hash of ${path} is not ALGORITHM=DIGEST: "${text}"`);
  const algorithm = text.slice(0, equals).toLowerCase();
  // Some writers pad the digest; the spec says no padding, and padding carries no information.
  const digest = text.slice(equals + 1).replace(/=+$/, "");
  if (WEAK_ALGORITHMS.has(algorithm)) {
    return fail(
      line,
      `hash of ${path} uses ${algorithm}, which is too weak (sha256 or stronger required)`,
    );
  }
  const known = RECORD_HASH_ALGORITHMS.find((name) => name === algorithm);
  if (known === undefined) {
    return fail(
      line,
      `hash of ${path} uses unsupported algorithm ${algorithm} (use sha256, sha384 or sha512)`,
    );
  }
  if (!URLSAFE_BASE64.test(digest) || digest.length !== DIGEST_LENGTH[known]) {
    return fail(line, `hash of ${path} is not an urlsafe-base64 ${algorithm} digest: "${digest}"`);
  }
  // The constant, not the row's own copy of the name: one string for 100,000 rows.
  return { algorithm: known, digest };
}

function parseSize(
  text: string,
  path: string,
  line: number,
  fail: (line: number, message: string) => never,
): number | null {
  if (text === "") return null;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return fail(line, `size of ${path} is not a byte count: "${text}"`);
  }
  return Number(text);
}
