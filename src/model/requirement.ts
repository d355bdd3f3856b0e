/**
 * PEP 508 dependency specifications (`name [extras] (specifiers | @ url) ; marker`), parsed
 * by hand into the structured `Requirement` that later stages carry without re-parsing.
 */
import { markerToString, scanMarker } from "./markers.js";
import { isValidName, normalizeExtra, normalizeName } from "./name.js";
import { scanSpecifiers, specifiersToString } from "./specifier.js";
import { Scanner } from "./syntax.js";
import type { Requirement } from "./types.js";

/** Characters of a PEP 508 identifier; validity (alphanumeric ends) is checked afterwards. */
const IDENTIFIER_CHAR = /[A-Za-z0-9._-]/;

function readIdentifier(scanner: Scanner, role: string): string {
  const start = scanner.position;
  const name = scanner.takeWhile(IDENTIFIER_CHAR);
  if (name === "") {
    const article = /^[aeiou]/.test(role) ? "an" : "a";
    throw scanner.error(`expected ${article} ${role}, found ${scanner.describeNext()}`);
  }
  if (!isValidName(name)) {
    throw scanner.error(
      `invalid ${role} ${JSON.stringify(name)}: it must start and end with a letter or digit`,
      start,
    );
  }
  return name;
}

function readExtras(scanner: Scanner): string[] {
  const open = scanner.position;
  scanner.position++; // "["
  const extras: string[] = [];
  scanner.skipSpace();
  while (scanner.peek() !== "]") {
    if (scanner.atEnd()) throw scanner.error(`expected "]" to close the "[" at column ${open + 1}`);
    if (extras.length > 0) {
      if (!scanner.accept(",")) {
        throw scanner.error(`expected "," or "]" in extras, found ${scanner.describeNext()}`);
      }
      scanner.skipSpace();
    }
    extras.push(normalizeExtra(readIdentifier(scanner, "extra name")));
    scanner.skipSpace();
  }
  scanner.position++; // "]"
  return [...new Set(extras)].sort();
}

/** Reads `@ url`: the URL runs to the next whitespace, as PEP 508 requires a space before `;`. */
function readUrl(scanner: Scanner): string {
  scanner.position++; // "@"
  scanner.skipSpace();
  const url = scanner.takeWhile(/\S/);
  if (url === "") throw scanner.error(`expected a URL after "@"`);
  return url;
}

/**
 * Parses a PEP 508 requirement such as `requests[security] (>=2.8.1, ==2.8.*) ; python_version < "2.7"`
 * or `pip @ https://example.org/pip.whl`. Throws ParseError (a UserError) naming the text and
 * the column of the first problem.
 */
export function parseRequirement(text: string): Requirement {
  const scanner = new Scanner(text, "requirement");
  scanner.skipSpace();
  const name = readIdentifier(scanner, "distribution name");
  scanner.skipSpace();
  const extras = scanner.peek() === "[" ? readExtras(scanner) : [];
  scanner.skipSpace();

  let url: string | null = null;
  let specifiers: Requirement["specifiers"] = [];
  if (scanner.peek() === "@") {
    url = readUrl(scanner);
    const spaced = scanner.skipSpace();
    if (!scanner.atEnd() && !spaced) throw scanner.error(`expected whitespace after the URL`);
  } else if (scanner.peek() === "(") {
    const open = scanner.position;
    scanner.position++;
    specifiers = scanSpecifiers(scanner);
    scanner.skipSpace();
    if (!scanner.accept(")")) {
      throw scanner.error(
        `expected "," or ")" to close the "(" at column ${open + 1}, found ${scanner.describeNext()}`,
      );
    }
  } else {
    specifiers = scanSpecifiers(scanner);
  }
  scanner.skipSpace();

  let marker: Requirement["marker"] = null;
  if (scanner.accept(";")) {
    scanner.skipSpace();
    marker = scanMarker(scanner);
  }
  if (!scanner.atEnd()) {
    const expected =
      marker !== null
        ? `"and", "or" or end of marker`
        : url !== null
          ? `";" before a marker`
          : specifiers.length > 0
            ? `"," or ";"`
            : `a version specifier, "@", ";" or end`;
    throw scanner.error(`expected ${expected}, found ${scanner.describeNext()}`);
  }
  return { raw: text, name, normalizedName: normalizeName(name), extras, specifiers, url, marker };
}

/**
 * Canonical PEP 508 text of a requirement: `name[a,b]>=1.0,<2; marker`, or
 * `name @ url ; marker` (the space before `;` keeps it out of the URL). For messages and
 * round-trip tests; later stages use the structured fields.
 */
export function requirementToString(req: Requirement): string {
  let text = req.name;
  if (req.extras.length > 0) text += `[${req.extras.join(",")}]`;
  if (req.url !== null) text += ` @ ${req.url}`;
  else text += specifiersToString(req.specifiers);
  if (req.marker !== null) text += `${req.url !== null ? " " : ""}; ${markerToString(req.marker)}`;
  return text;
}
