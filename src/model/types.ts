/** Operators of PEP 440 version specifiers. */
export type SpecifierOperator = "~=" | "==" | "!=" | "<=" | ">=" | "<" | ">" | "===";

/** One clause of a version specifier, e.g. `>=1.2` or `==1.*`. */
export interface Specifier {
  operator: SpecifierOperator;
  /** The version as written, without a trailing `.*`. */
  version: string;
  /** True for `==X.*` / `!=X.*`. */
  wildcard: boolean;
}

/** Variables of PEP 508 environment markers. */
export type MarkerVariable =
  | "python_version"
  | "python_full_version"
  | "os_name"
  | "sys_platform"
  | "platform_release"
  | "platform_system"
  | "platform_version"
  | "platform_machine"
  | "platform_python_implementation"
  | "implementation_name"
  | "implementation_version"
  | "extra";

/** Marker comparison operators (PEP 508 `marker_op`). */
export type MarkerOperator = "<" | "<=" | "!=" | "==" | ">=" | ">" | "~=" | "===" | "in" | "not in";

/** A leaf value of a marker expression. */
export type MarkerValue =
  { kind: "variable"; name: MarkerVariable } | { kind: "string"; value: string };

/** A parsed PEP 508 marker expression. */
export type Marker =
  | { kind: "and" | "or"; left: Marker; right: Marker }
  | { kind: "compare"; left: MarkerValue; op: MarkerOperator; right: MarkerValue };

/**
 * Values of marker variables for a target. A variable that is absent (undefined) is unknown
 * for that target, and comparisons on it cannot be decided.
 */
export type MarkerEnvironment = Partial<Record<MarkerVariable, string>>;

/** Result of evaluating a marker: true/false, or null when it depends on unknown variables. */
export interface MarkerVerdict {
  value: boolean | null;
  /** Variables whose value was unknown and mattered to the result. */
  undecided: MarkerVariable[];
}

/** A PEP 508 dependency specification. */
export interface Requirement {
  /** The text it was parsed from. */
  raw: string;
  /** The name as written. */
  name: string;
  /** PEP 503 normalized name. */
  normalizedName: string;
  /** Extras requested, normalized, sorted. */
  extras: string[];
  specifiers: Specifier[];
  /** `name @ url` form. */
  url: string | null;
  marker: Marker | null;
}
