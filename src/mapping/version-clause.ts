/**
 * What the RPM and Debian version translations share on top of the model's PEP 440 versions: a
 * specifier clause parsed and checked before it becomes a relation, and the release arithmetic
 * their bounds are made of.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { specifierToString } from "../model/specifier.js";
import type { Specifier } from "../model/types.js";
import { parseVersion, publicVersion, type Pep440Version } from "../model/version.js";

/** The release without its trailing zeros, keeping at least one number (`1.0.0` → `1`). */
export function stripTrailingZeros(release: readonly number[]): number[] {
  const stripped = [...release];
  while (stripped.length > 1 && stripped[stripped.length - 1] === 0) stripped.pop();
  return stripped;
}

/** The release with its last number raised by one (`2.4` → `2.5`), for `~=` and `.*` bounds. */
export function nextRelease(release: readonly number[]): number[] {
  const next = [...release];
  next[next.length - 1] = (next[next.length - 1] ?? 0) + 1;
  return next;
}

/**
 * Why PEP 440 rejects a specifier clause whose version parsed as `parts`, or null when it is
 * valid: `.*` only after `==`/`!=` and a bare release; a local label only with `==`/`!=`/`===`;
 * `~=` needs at least two release numbers.
 */
export function specifierProblem(
  spec: { operator: string; wildcard: boolean },
  parts: Pep440Version,
): string | null {
  const equality = spec.operator === "==" || spec.operator === "!=";
  if (spec.wildcard) {
    if (!equality) return "a `.*` suffix is only allowed after == and !=";
    if (parts.pre !== null || parts.post !== null || parts.dev !== null || parts.local !== null) {
      return "a `.*` suffix is only allowed after a release number";
    }
  }
  if (parts.local !== null && !equality && spec.operator !== "===") {
    return "a local version label is only allowed with ==, != and ===";
  }
  if (spec.operator === "~=" && parts.release.length < 2) {
    return "~= needs at least two release numbers";
  }
  return null;
}

/**
 * A specifier clause with its version parsed, or the error (naming `project`, the requirement's
 * name, when given) that leaves it out of the relations:
 * `invalid-specifier`, or `arbitrary-equality-untranslatable` for `===` on a non-PEP 440 string.
 */
export function parseClause(
  spec: Specifier,
  project = "",
): { parts: Pep440Version; error: null } | { parts: null; error: Diagnostic } {
  const parts = parseVersion(spec.version);
  const problem =
    parts === null ? `${spec.version} is not a PEP 440 version` : specifierProblem(spec, parts);
  if (parts !== null && problem === null) return { parts, error: null };
  const code =
    parts === null && spec.operator === "==="
      ? "arbitrary-equality-untranslatable"
      : "invalid-specifier";
  const message = `${project}${specifierToString(spec)}: ${problem ?? ""}; clause left out`;
  return { parts: null, error: diagnostic(code, "error", message) };
}

/**
 * What a clause on package versions cannot say exactly, for both families: `===` becomes a pin,
 * a local label is ignored (a `!=` on one local build is left out). `spell` writes a version as
 * the family writes it.
 */
export function packageClauseNotes(
  clause: string,
  spec: Specifier,
  parts: Pep440Version,
  spell: (version: Pep440Version) => string,
): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const shown = () => spell(publicVersion(parts));
  if (spec.operator === "===") {
    notes.push(
      diagnostic(
        "arbitrary-equality-as-pin",
        "warning",
        `${clause}: arbitrary equality becomes a pin on ${shown()}, which every spelling of that version satisfies`,
      ),
    );
  }
  if (parts.local !== null) {
    notes.push(
      diagnostic(
        "local-version-ignored",
        "warning",
        spec.operator === "!="
          ? `${clause}: one local build cannot be excluded; clause left out`
          : `${clause}: the local label is ignored; any build of ${shown()} is accepted`,
      ),
    );
  }
  return notes;
}
