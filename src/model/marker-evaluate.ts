/**
 * Evaluation of PEP 508 markers for a target whose environment may be only partly known:
 * PEP 440 comparison when both sides are versions, string comparison otherwise, PEP 685
 * extra names, and three-valued logic so an unknown variable leaves a marker undecided.
 */
import { UserError } from "../errors.js";
import { normalizeExtra } from "./name.js";
import { satisfiesSpecifiers, tryParseSpecifier } from "./specifier.js";
import type {
  Marker,
  MarkerEnvironment,
  MarkerOperator,
  MarkerValue,
  MarkerVerdict,
} from "./types.js";
import { parseVersion } from "./version.js";

/** Options of evaluateMarker. */
export interface EvaluateMarkerOptions {
  /**
   * PEP 508 calls `<`, `<=`, `>`, `>=`, `~=`, `===` on values that are not versions an error.
   * By default they evaluate like pypa/packaging's table (`<`, `>`, `~=`, `===` false; `<=`,
   * `>=` string equality); with `strict` they throw a UserError instead.
   */
  strict?: boolean;
}

function compareStrings(lhs: string, op: MarkerOperator, rhs: string, strict: boolean): boolean {
  switch (op) {
    case "in":
      return rhs.includes(lhs);
    case "not in":
      return !rhs.includes(lhs);
    case "==":
      return lhs === rhs;
    case "!=":
      return lhs !== rhs;
    default:
      if (strict) {
        throw new UserError(
          `marker comparison ${JSON.stringify(lhs)} ${op} ${JSON.stringify(rhs)} is undefined: the values are not PEP 440 versions`,
        );
      }
      return op === "<=" || op === ">=" ? lhs === rhs : false; // as pypa/packaging
  }
}

function compareValues(lhs: string, op: MarkerOperator, rhs: string, strict: boolean): boolean {
  if (op !== "in" && op !== "not in") {
    // PEP 508: PEP 440 rules when both sides are versions (`rhs` may use `.*` with ==/!=).
    const spec = tryParseSpecifier(`${op}${rhs}`);
    if (spec !== null && parseVersion(lhs) !== null) {
      return satisfiesSpecifiers(lhs, [spec], { prereleases: true });
    }
  }
  return compareStrings(lhs, op, rhs, strict);
}

function resolve(value: MarkerValue, env: MarkerEnvironment): string | undefined {
  if (value.kind === "string") return value.value;
  const raw = env[value.name];
  return value.name === "extra" && raw !== undefined ? normalizeExtra(raw) : raw;
}

function evaluateComparison(
  m: Extract<Marker, { kind: "compare" }>,
  env: MarkerEnvironment,
  strict: boolean,
): MarkerVerdict {
  const lhs = resolve(m.left, env);
  const rhs = resolve(m.right, env);
  if (lhs === undefined || rhs === undefined) {
    const unknown = [m.left, m.right].flatMap((v) =>
      v.kind === "variable" && env[v.name] === undefined ? [v.name] : [],
    );
    return { value: null, undecided: [...new Set(unknown)] };
  }
  return { value: compareValues(lhs, m.op, rhs, strict), undecided: [] };
}

/**
 * Evaluates a marker for an environment with PEP 508 semantics, in three-valued logic:
 * a comparison on a variable the environment lacks is `null`; `false and null` is false,
 * `true or null` is true, otherwise null spreads and `undecided` names the variables
 * responsible. `extra` is compared PEP 685-normalized; leave it undefined to keep extra
 * comparisons undecided, or set it to "" for a package installed without extras.
 */
export function evaluateMarker(
  marker: Marker,
  env: MarkerEnvironment,
  options: EvaluateMarkerOptions = {},
): MarkerVerdict {
  if (marker.kind === "compare") return evaluateComparison(marker, env, options.strict ?? false);
  const dominant = marker.kind === "and" ? false : true;
  const left = evaluateMarker(marker.left, env, options);
  if (left.value === dominant) return { value: dominant, undecided: [] };
  const right = evaluateMarker(marker.right, env, options);
  if (right.value === dominant) return { value: dominant, undecided: [] };
  if (left.value !== null) return right;
  if (right.value !== null) return left;
  return { value: null, undecided: [...new Set([...left.undecided, ...right.undecided])] };
}
