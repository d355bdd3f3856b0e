/**
 * The email-header format of METADATA and WHEEL, read the way Python's `email.parser` (policy
 * compat32, which packaging tools use for core metadata) reads it: `Name: value` lines,
 * continuation lines that start with a space or tab, and a body after the first empty line.
 */
import { WheelError, type Location } from "../errors.js";

/** One header as written: its name, its first-line value and its raw continuation lines. */
export interface HeaderField {
  /** The name as written (callers compare it case-insensitively). */
  name: string;
  /** The value on the header's own line, without the leading whitespace. */
  value: string;
  /** Continuation lines, verbatim (leading whitespace kept; the callers decide how to unfold). */
  continuation: string[];
  /** 1-based line number of the header, for messages. */
  line: number;
}

/** A parsed message: headers in order, and the body (`""` when there is none). */
export interface EmailMessage {
  headers: HeaderField[];
  body: string;
}

// RFC 5322 field names: printable US-ASCII except the colon (and so no spaces).
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * Splits email-header text into headers and body. Throws WheelError (with `where`, and the line
 * number in the message) for a line that is neither a header, a continuation nor the blank line
 * that starts the body: Python would silently start the body there and lose the rest.
 */
export function parseEmailHeaders(text: string, where: Location): EmailMessage {
  const lines = text.split(/\r\n?|\n/);
  const headers: HeaderField[] = [];
  let body = "";
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    if (line === "") {
      body = lines.slice(index + 1).join("\n");
      break;
    }
    const current = headers.at(-1);
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (current === undefined) {
        throw new WheelError(`line ${index + 1}: continuation line before any header`, where);
      }
      current.continuation.push(line);
      continue;
    }
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon) : "";
    if (!FIELD_NAME.test(name)) {
      throw new WheelError(
        `line ${index + 1}: expected a "Name: value" header, found ${JSON.stringify(line.slice(0, 80))}`,
        where,
      );
    }
    headers.push({
      name,
      value: line.slice(colon + 1).replace(/^[ \t]+/, ""),
      continuation: [],
      line: index + 1,
    });
  }
  return { headers, body };
}

/**
 * RFC 5322 unfolding for single-line fields (Summary, Requires-Dist, Tag…): the line breaks go,
 * each run of folding whitespace becomes one space.
 */
export function unfoldLine(field: HeaderField): string {
  return [field.value, ...field.continuation]
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
}

/**
 * Unfolding for free-text fields (Description, License) that keeps their line structure. The
 * core-metadata spec folds each line with `       |` (7 spaces and a pipe, 8 in practice);
 * distutils and old setuptools folded with 8 spaces; anything else loses its common indent.
 */
export function unfoldText(field: HeaderField): string {
  const head = field.value.trim();
  const rest = field.continuation;
  if (rest.length === 0) return head;

  let lines: string[];
  if (rest.every((line) => /^ {7,8}\|/.test(line))) {
    lines = rest.map((line) => line.replace(/^ {7,8}\|/, ""));
  } else {
    const nonBlank = rest.filter((line) => line.trim() !== "");
    const indent = [8, 7].find((width) =>
      nonBlank.every((line) => line.startsWith(" ".repeat(width))),
    );
    const strip = indent ?? commonIndent(nonBlank);
    lines = rest.map((line) => (line.trim() === "" ? "" : line.slice(strip)));
  }
  const text = lines.map((line) => line.trimEnd());
  return (head === "" ? text : [head, ...text]).join("\n").trimEnd();
}

/** Length of the whitespace prefix every line shares (textwrap.dedent's rule). */
function commonIndent(lines: string[]): number {
  const first = lines[0] ?? "";
  let width = /^[ \t]*/.exec(first)?.[0].length ?? 0;
  for (const line of lines) {
    let shared = 0;
    while (shared < width && line[shared] === first[shared]) shared += 1;
    width = shared;
  }
  return width;
}
