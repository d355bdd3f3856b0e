/**
 * PEP 440 version specifier sets (`>=1.0, !=1.3.*, <2`): parsing with the PEP's per-operator
 * rules, their canonical text, and whether a version matches them. The library's own
 * `satisfies` is not used: its `<`/`>` drop e.g. `1.0` from `>1.0rc1`.
 */
import { ParseError, Scanner } from "./syntax.js";
import type { Specifier, SpecifierOperator } from "./types.js";
import {
  baseVersion,
  compareVersions,
  formatVersion,
  isPrerelease,
  parseVersion,
  publicVersion,
  requireVersion,
  type Pep440Version,
} from "./version.js";

/** Operators, longest first so that `===` is not read as `==`. */
const OPERATORS: readonly SpecifierOperator[] = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

/** A version token ends at whitespace or at what follows a specifier in PEP 508. */
const VERSION_CHAR = /[^\s,;)]/;

/** Epoch and release only, as `.*` prefix matching requires. */
const PREFIX_VERSION = /^v?(?:\d+!)?\d+(?:\.\d+)*$/i;

function readOperator(scanner: Scanner): SpecifierOperator {
  for (const op of OPERATORS) if (scanner.accept(op)) return op;
  throw scanner.error(
    `expected a version operator (one of ${OPERATORS.join(", ")}), found ${scanner.describeNext()}`,
  );
}

/** Checks one clause against PEP 440's per-operator rules; `at` is where its version starts. */
function checkClause(
  scanner: Scanner,
  op: SpecifierOperator,
  token: string,
  at: number,
): Specifier {
  if (token === "") throw scanner.error(`expected a version after "${op}"`, at);
  if (op === "===") return { operator: op, version: token, wildcard: false };
  if (token.endsWith(".*")) {
    const body = token.slice(0, -2);
    if (op !== "==" && op !== "!=") {
      throw scanner.error(`".*" can only be used with == and !=, not ${op}`, at + body.length);
    }
    if (!PREFIX_VERSION.test(body)) {
      throw scanner.error(
        parseVersion(body) === null
          ? `invalid version ${JSON.stringify(body)}`
          : `".*" cannot follow a pre-release, post-release, dev release or local version`,
        at,
      );
    }
    return { operator: op, version: body, wildcard: true };
  }
  const version = parseVersion(token);
  if (version === null) {
    const hint = token.includes("*") ? ` ("*" is only allowed as a trailing ".*")` : "";
    throw scanner.error(`invalid version ${JSON.stringify(token)}${hint}`, at);
  }
  if (version.local !== null && op !== "==" && op !== "!=") {
    throw scanner.error(`a local version label can only be used with == and !=, not ${op}`, at);
  }
  if (op === "~=" && version.release.length < 2) {
    throw scanner.error(`~= needs a version with at least two release segments, like ~=1.0`, at);
  }
  return { operator: op, version: token, wildcard: false };
}

function readClause(scanner: Scanner): Specifier {
  scanner.skipSpace();
  const op = readOperator(scanner);
  scanner.skipSpace();
  const at = scanner.position;
  const token = scanner.takeWhile(VERSION_CHAR);
  return checkClause(scanner, op, token, at);
}

/**
 * Reads a comma-separated specifier list at the scanner's cursor, stopping before `;`, `)` or
 * whatever cannot continue the list (the caller decides whether that is an error). Used by the
 * requirement parser so positions refer to the whole requirement. A trailing comma is
 * tolerated, as pypa/packaging does.
 */
export function scanSpecifiers(scanner: Scanner): Specifier[] {
  const specifiers: Specifier[] = [];
  scanner.skipSpace();
  while (!scanner.atEnd() && scanner.peek() !== ";" && scanner.peek() !== ")") {
    specifiers.push(readClause(scanner));
    scanner.skipSpace();
    if (!scanner.accept(",")) break;
    scanner.skipSpace();
  }
  return specifiers;
}

/** Parses a PEP 440 specifier set (`>=1.0, !=1.3.*, <2`; "" gives []). Throws ParseError. */
export function parseSpecifiers(text: string): Specifier[] {
  const scanner = new Scanner(text, "version specifier");
  const specifiers = scanSpecifiers(scanner);
  scanner.skipSpace();
  if (!scanner.atEnd()) {
    throw scanner.error(`expected "," or end of specifier, found ${scanner.describeNext()}`);
  }
  return specifiers;
}

/** Parses one specifier clause such as `~=1.4.2`. Throws ParseError. */
export function parseSpecifier(text: string): Specifier {
  const specifiers = parseSpecifiers(text);
  const [first] = specifiers;
  if (first === undefined || specifiers.length !== 1) {
    throw new ParseError("version specifier", text, 0, "expected exactly one specifier");
  }
  return first;
}

/** Like parseSpecifier, but null instead of an error (markers try versions, then strings). */
export function tryParseSpecifier(text: string): Specifier | null {
  try {
    return parseSpecifier(text);
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

/** Canonical text of one clause: `>=1.0`, `==1.3.*`. */
export function specifierToString(spec: Specifier): string {
  return `${spec.operator}${spec.version}${spec.wildcard ? ".*" : ""}`;
}

/** Canonical text of a specifier set, clauses in their given order: `>=1.0,<2`. */
export function specifiersToString(specifiers: readonly Specifier[]): string {
  return specifiers.map(specifierToString).join(",");
}

/** Options of satisfiesSpecifiers. */
export interface SatisfiesOptions {
  /**
   * Whether a pre-release candidate may match (default true). PEP 440 lets installers skip
   * pre-releases when a final release also matches; a single candidate, such as a target's
   * Python 3.15.0b1, has no alternative, so it matches (as in pypa/packaging 26).
   */
  prereleases?: boolean;
}

/** Whether `==X.*` matches: same epoch, candidate release (zero-padded) starts with X. */
function prefixMatches(candidate: Pep440Version, prefix: Pep440Version): boolean {
  if (candidate.epoch !== prefix.epoch) return false;
  return prefix.release.every((part, i) => (candidate.release[i] ?? 0) === part);
}

/**
 * Whether one specifier matches a candidate, pre-release filtering aside. `text` is the
 * candidate as written, which `===` compares (default: its canonical form).
 */
export function matchesSpecifier(
  candidate: Pep440Version,
  spec: Specifier,
  text = formatVersion(candidate),
): boolean {
  if (spec.operator === "===") return text.trim().toLowerCase() === spec.version.toLowerCase();
  const target = requireVersion(spec.version);
  const pub = publicVersion(candidate);
  switch (spec.operator) {
    case "==":
    case "!=": {
      const equal = spec.wildcard
        ? prefixMatches(pub, target)
        : compareVersions(target.local === null ? pub : candidate, target) === 0;
      return spec.operator === "==" ? equal : !equal;
    }
    case "<=":
      return compareVersions(pub, target) <= 0;
    case ">=":
      return compareVersions(pub, target) >= 0;
    case "<":
      // `<V` excludes pre-releases of V itself unless V is one.
      return (
        compareVersions(pub, target) < 0 &&
        (isPrerelease(target) ||
          !isPrerelease(candidate) ||
          compareVersions(baseVersion(candidate), baseVersion(target)) !== 0)
      );
    case ">": {
      // `>V` excludes post-releases and local versions of V unless V is a post-release.
      const sameBase = compareVersions(baseVersion(candidate), baseVersion(target)) === 0;
      if (compareVersions(pub, target) <= 0) return false;
      if (target.post === null && candidate.post !== null && sameBase) return false;
      return !(candidate.local !== null && sameBase);
    }
    case "~=": {
      const prefix = { ...baseVersion(target), release: target.release.slice(0, -1) };
      return compareVersions(pub, target) >= 0 && prefixMatches(pub, prefix);
    }
  }
}

/** Whether a version satisfies every specifier (an empty list matches any version). */
export function satisfiesSpecifiers(
  version: string | Pep440Version,
  specifiers: readonly Specifier[],
  options: SatisfiesOptions = {},
): boolean {
  const candidate = typeof version === "string" ? requireVersion(version) : version;
  if (isPrerelease(candidate) && options.prereleases === false) return false;
  const text = typeof version === "string" ? version : formatVersion(version);
  return specifiers.every((spec) => matchesSpecifier(candidate, spec, text));
}
