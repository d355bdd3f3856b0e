/**
 * PEP 508 environment markers: a hand-written recursive-descent parser (`and` binds tighter
 * than `or`; parentheses; both quote styles; a variable on either side) and the canonical
 * text. The evaluator lives in `marker-evaluate.ts` and is re-exported here.
 */
import { normalizeExtra } from "./name.js";
import { Scanner } from "./syntax.js";
import type { Marker, MarkerOperator, MarkerValue, MarkerVariable } from "./types.js";

export { evaluateMarker, type EvaluateMarkerOptions } from "./marker-evaluate.js";

/** Every PEP 508 marker variable. */
export const MARKER_VARIABLES: readonly MarkerVariable[] = [
  "python_version",
  "python_full_version",
  "os_name",
  "sys_platform",
  "platform_release",
  "platform_system",
  "platform_version",
  "platform_machine",
  "platform_python_implementation",
  "implementation_name",
  "implementation_version",
  "extra",
];

/** Pre-PEP 508 spellings that setuptools once accepted, for a helpful error. */
const LEGACY_NAMES: Readonly<Record<string, MarkerVariable>> = {
  "os.name": "os_name",
  "sys.platform": "sys_platform",
  "platform.version": "platform_version",
  "platform.machine": "platform_machine",
  "platform.python_implementation": "platform_python_implementation",
  python_implementation: "platform_python_implementation",
};

/** Symbolic operators, longest first. */
const SYMBOL_OPERATORS: readonly MarkerOperator[] = ["===", "==", "!=", "<=", ">=", "~=", "<", ">"];

const WORD_CHAR = /[A-Za-z0-9_.]/;

function isMarkerVariable(name: string): name is MarkerVariable {
  return (MARKER_VARIABLES as readonly string[]).includes(name);
}

/** Consumes `word` if it is next as a whole word. */
function acceptWord(scanner: Scanner, word: string): boolean {
  if (!scanner.startsWith(word) || WORD_CHAR.test(scanner.peek(word.length))) return false;
  scanner.position += word.length;
  return true;
}

function readString(scanner: Scanner): MarkerValue {
  const quote = scanner.peek();
  const start = scanner.position;
  scanner.position++;
  const value = scanner.takeWhile(quote === '"' ? /[^"\\]/ : /[^'\\]/);
  if (scanner.peek() === "\\")
    throw scanner.error("backslashes are not allowed in PEP 508 strings");
  if (!scanner.accept(quote)) throw scanner.error(`unterminated string starting here`, start);
  return { kind: "string", value };
}

function readValue(scanner: Scanner): MarkerValue {
  const next = scanner.peek();
  if (next === '"' || next === "'") return readString(scanner);
  const start = scanner.position;
  const name = scanner.takeWhile(WORD_CHAR);
  if (name === "") {
    throw scanner.error(
      `expected a marker variable or a quoted string, found ${scanner.describeNext()}`,
    );
  }
  if (isMarkerVariable(name)) return { kind: "variable", name };
  if (/^\d/.test(name))
    throw scanner.error(`expected a quoted string, found unquoted ${name}`, start);
  const modern = LEGACY_NAMES[name];
  const hint = modern !== undefined ? `; PEP 508 spells it "${modern}"` : "";
  throw scanner.error(`unknown marker variable "${name}"${hint}`, start);
}

function readOperator(scanner: Scanner): MarkerOperator {
  for (const op of SYMBOL_OPERATORS) if (scanner.accept(op)) return op;
  if (acceptWord(scanner, "in")) return "in";
  const start = scanner.position;
  if (acceptWord(scanner, "not")) {
    if (scanner.skipSpace() && acceptWord(scanner, "in")) return "not in";
    throw scanner.error(`expected "in" after "not"`, start);
  }
  throw scanner.error(
    `expected a marker operator (${SYMBOL_OPERATORS.join(", ")}, in, not in), found ${scanner.describeNext()}`,
  );
}

/** PEP 685: extra names in markers compare normalized, so normalize the literal once here. */
function normalizeExtraLiteral(left: MarkerValue, right: MarkerValue): [MarkerValue, MarkerValue] {
  const isExtra = (v: MarkerValue): boolean => v.kind === "variable" && v.name === "extra";
  const norm = (v: MarkerValue): MarkerValue =>
    v.kind === "string" ? { kind: "string", value: normalizeExtra(v.value) } : v;
  if (isExtra(left)) return [left, norm(right)];
  if (isExtra(right)) return [norm(left), right];
  return [left, right];
}

function readAtom(scanner: Scanner): Marker {
  scanner.skipSpace();
  if (scanner.peek() === "(") {
    const open = scanner.position;
    scanner.position++;
    const inner = readOr(scanner);
    scanner.skipSpace();
    if (!scanner.accept(")")) {
      throw scanner.error(
        `expected ")" to close the "(" at column ${open + 1}, found ${scanner.describeNext()}`,
      );
    }
    scanner.skipSpace();
    return inner;
  }
  const first = readValue(scanner);
  scanner.skipSpace();
  const op = readOperator(scanner);
  scanner.skipSpace();
  const second = readValue(scanner);
  scanner.skipSpace();
  const [left, right] = normalizeExtraLiteral(first, second);
  return { kind: "compare", left, op, right };
}

function readAnd(scanner: Scanner): Marker {
  let left = readAtom(scanner);
  while (acceptWord(scanner, "and")) left = { kind: "and", left, right: readAtom(scanner) };
  return left;
}

function readOr(scanner: Scanner): Marker {
  let left = readAnd(scanner);
  while (acceptWord(scanner, "or")) left = { kind: "or", left, right: readAnd(scanner) };
  return left;
}

/**
 * Reads a marker expression at the scanner's cursor and stops at the first character that
 * cannot continue it. Used by the requirement parser so positions refer to the requirement.
 */
export function scanMarker(scanner: Scanner): Marker {
  return readOr(scanner);
}

/** Parses a PEP 508 marker expression. Throws ParseError (a UserError) with the column. */
export function parseMarker(text: string): Marker {
  const scanner = new Scanner(text, "marker");
  const marker = scanMarker(scanner);
  if (!scanner.atEnd()) {
    throw scanner.error(`expected "and", "or" or end of marker, found ${scanner.describeNext()}`);
  }
  return marker;
}

function valueToString(value: MarkerValue): string {
  if (value.kind === "variable") return value.name;
  return value.value.includes('"') ? `'${value.value}'` : `"${value.value}"`;
}

/** Canonical text of a marker, e.g. `python_version >= "3.8" and (os_name == "posix" or …)`. */
export function markerToString(marker: Marker): string {
  if (marker.kind === "compare") {
    return `${valueToString(marker.left)} ${marker.op} ${valueToString(marker.right)}`;
  }
  const side = (child: Marker): string =>
    marker.kind === "and" && child.kind === "or"
      ? `(${markerToString(child)})`
      : markerToString(child);
  return `${side(marker.left)} ${marker.kind} ${side(marker.right)}`;
}

/** The variables a marker uses, each once, in order of appearance. */
export function markerVariables(marker: Marker): MarkerVariable[] {
  const found = new Set<MarkerVariable>();
  const visit = (m: Marker): void => {
    if (m.kind !== "compare") {
      visit(m.left);
      visit(m.right);
      return;
    }
    for (const v of [m.left, m.right]) if (v.kind === "variable") found.add(v.name);
  };
  visit(marker);
  return [...found];
}
