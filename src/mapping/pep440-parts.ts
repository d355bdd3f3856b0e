import { explain } from "@renovatebot/pep440";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { UserError } from "../errors.js";
import type { Specifier } from "../model/types.js";

/** A pre-release label as PEP 440 normalizes it (`alpha` → `a`, `c`/`pre`/`preview` → `rc`). */
export type PreLabel = "a" | "b" | "rc";

/**
 * The segments of a PEP 440 version, normalized, as the distro version translations read them.
 * `1.0-1` has post 1, `1.0a` has pre `a0`, `1.0.dev` has dev 0.
 */
export interface Pep440Parts {
  epoch: number;
  /** Release numbers as written (trailing zeros kept). */
  release: number[];
  pre: { label: PreLabel; number: number } | null;
  post: number | null;
  dev: number | null;
  /** Local label, lower case, segments joined by `.`; null when absent. */
  local: string | null;
}

/**
 * What `explain()` of @renovatebot/pep440 really returns. Its typings declare `pre`, `post` and
 * `dev` as arrays; at run time `pre` is `[label, number] | null` and `post`/`dev` are
 * `number | null`.
 */
interface Explained {
  epoch: number;
  release: number[];
  pre: [string, number] | null;
  post: number | null;
  dev: number | null;
  local: string | null;
}

const preLabels: readonly string[] = ["a", "b", "rc"];

/** Parses a PEP 440 version (surrounding spaces allowed); null when it is not one. */
export function parsePep440(text: string): Pep440Parts | null {
  const explained = explain(text.trim()) as unknown as Explained | null;
  if (explained === null) return null;
  const { epoch, release, pre, post, dev, local } = explained;
  if (pre !== null && !preLabels.includes(pre[0])) return null;
  return {
    epoch,
    release: [...release],
    pre: pre === null ? null : { label: pre[0] as PreLabel, number: pre[1] },
    post,
    dev,
    local,
  };
}

/** Parses a PEP 440 version or throws a UserError naming it. */
export function requirePep440(text: string): Pep440Parts {
  const parts = parsePep440(text);
  if (parts === null) throw new UserError(`not a PEP 440 version: ${JSON.stringify(text)}`);
  return parts;
}

/** PEP 440 pre-release: it has a pre-release or a development segment. */
export function isPrerelease(parts: Pep440Parts): boolean {
  return parts.pre !== null || parts.dev !== null;
}

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

/** The specifier as PEP 440 writes it, for messages: `>=1.2`, `==1.*`. */
export function specifierText(spec: {
  operator: string;
  version: string;
  wildcard: boolean;
}): string {
  return `${spec.operator}${spec.version}${spec.wildcard ? ".*" : ""}`;
}

/**
 * Why PEP 440 rejects a specifier clause whose version parsed as `parts`, or null when it is
 * valid: `.*` only after `==`/`!=` and a bare release; a local label only with `==`/`!=`/`===`;
 * `~=` needs at least two release numbers.
 */
export function specifierProblem(
  spec: { operator: string; wildcard: boolean },
  parts: Pep440Parts,
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
): { parts: Pep440Parts; error: null } | { parts: null; error: Diagnostic } {
  const parts = parsePep440(spec.version);
  const problem =
    parts === null ? `${spec.version} is not a PEP 440 version` : specifierProblem(spec, parts);
  if (parts !== null && problem === null) return { parts, error: null };
  const code =
    parts === null && spec.operator === "==="
      ? "arbitrary-equality-untranslatable"
      : "invalid-specifier";
  const message = `${project}${specifierText(spec)}: ${problem ?? ""}; clause left out`;
  return { parts: null, error: diagnostic(code, "error", message) };
}
