/**
 * Distribution and extra names: PEP 508 validity, PEP 503 normalization and PEP 685 extra
 * comparison. Every name comparison in wheel2pkg goes through `normalizeName`.
 */

/** PEP 508 `identifier`: ASCII letters and digits, with `-_.` allowed inside. */
const VALID_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/**
 * The PEP 503 normalized form of a distribution name: lower case, with every run of `-`, `_`
 * and `.` replaced by a single `-`. `Foo.Bar__baz` → `foo-bar-baz`.
 */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** Whether `name` is a valid PEP 508 distribution name (also the rule for extra names). */
export function isValidName(name: string): boolean {
  return VALID_NAME.test(name);
}

/** Whether two distribution names denote the same project (PEP 503). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * The normalized form of an extra name. PEP 685 makes extras compare like distribution names,
 * so `Test_Feature` and `test-feature` are the same extra.
 */
export function normalizeExtra(extra: string): string {
  return normalizeName(extra);
}

/**
 * Whether `extra` is a valid extra name: one whose PEP 685 normal form is letters and digits
 * joined by single `-` (so `Foo_Bar` is `foo-bar`, and `a b;c` is none).
 */
export function isValidExtra(extra: string): boolean {
  return VALID_NAME.test(extra) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(normalizeExtra(extra));
}

/**
 * The escaped form of a name used in wheel file names and `.dist-info` directories
 * (binary distribution format): normalized, with `-` replaced by `_`. `Foo.Bar` → `foo_bar`.
 */
export function wheelNameComponent(name: string): string {
  return normalizeName(name).replace(/-/g, "_");
}
