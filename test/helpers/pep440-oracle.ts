/**
 * The reference meaning of PEP 440 specifiers for the mapping tests: what pypa/packaging (26)
 * `Specifier.contains(version, prereleases=True)` answers. @renovatebot/pep440's own
 * `satisfies()` is not used: it gets `<`/`>` wrong around pre- and post-releases (it says
 * `1.0` is not `>1.0rc1`). This oracle is checked against Python's packaging itself by
 * test/mapping/pep440-oracle.property.test.ts wherever that is installed.
 */
import { execFileSync } from "node:child_process";
import { compare, explain } from "@renovatebot/pep440";
import { parseVersion, type Pep440Version, type Specifier } from "../../src/model/index.js";

function format(parts: Pep440Version): string {
  const epoch = parts.epoch !== 0 ? `${parts.epoch}!` : "";
  const pre = parts.pre === null ? "" : `${parts.pre.label}${parts.pre.number}`;
  const post = parts.post === null ? "" : `.post${parts.post}`;
  const dev = parts.dev === null ? "" : `.dev${parts.dev}`;
  const local = parts.local === null ? "" : `+${parts.local}`;
  return `${epoch}${parts.release.join(".")}${pre}${post}${dev}${local}`;
}

function mustParse(version: string): Pep440Version {
  const parts = parseVersion(version);
  if (parts === null) throw new Error(`oracle: not a PEP 440 version: ${version}`);
  return parts;
}

const isPre = (p: Pep440Version): boolean => p.pre !== null || p.dev !== null;
const publicOf = (p: Pep440Version): string => format({ ...p, local: null });

/** Prefix match of `==X.*`: same epoch, and the zero-padded release starts with X. */
function prefixMatches(
  candidate: Pep440Version,
  epoch: number,
  prefix: readonly number[],
): boolean {
  if (candidate.epoch !== epoch) return false;
  return prefix.every((n, i) => (candidate.release[i] ?? 0) === n);
}

/** Whether `version` satisfies one clause, pre-releases admitted. */
export function clauseContains(version: string, spec: Specifier): boolean {
  if (spec.operator === "===") return version.toLowerCase() === spec.version.toLowerCase();
  const w = mustParse(version);
  const v = mustParse(spec.version);
  const wText = format(w);
  const vText = format(v);
  switch (spec.operator) {
    case "==":
    case "!=": {
      const equal = spec.wildcard
        ? prefixMatches(w, v.epoch, v.release)
        : compare(v.local === null ? publicOf(w) : wText, vText) === 0;
      return spec.operator === "==" ? equal : !equal;
    }
    case "<=":
      return compare(publicOf(w), vText) <= 0;
    case ">=":
      return compare(publicOf(w), vText) >= 0;
    case "<": {
      if (compare(wText, vText) >= 0) return false;
      // `<V` refuses V's pre-releases: anything from V.dev0 on.
      const earliest = format({ ...v, dev: 0, local: null });
      return isPre(v) || !isPre(w) || compare(wText, earliest) < 0;
    }
    case ">": {
      if (compare(wText, vText) <= 0) return false;
      // `>V` refuses V's post-releases (unless V is one) and V's local builds.
      const postBase = format({ ...w, post: null, dev: null, local: null });
      if (v.post === null && w.post !== null && compare(postBase, vText) === 0) return false;
      return !(w.local !== null && compare(publicOf(w), vText) === 0);
    }
    case "~=": {
      const prefix = v.release.slice(0, -1);
      return compare(publicOf(w), vText) >= 0 && prefixMatches(w, v.epoch, prefix);
    }
  }
}

/** Whether `version` satisfies every clause. */
export function specifiersContain(version: string, specs: readonly Specifier[]): boolean {
  return specs.every((spec) => clauseContains(version, spec));
}

/** Specifier clauses from test text like `>=1.0,!=1.3.*` (tests only; no validation). */
export function clauses(text: string): Specifier[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const match = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*(.*?)(\.\*)?\s*$/.exec(part);
    if (match === null) throw new Error(`not a specifier clause: ${part}`);
    const operator = match[1] as Specifier["operator"];
    return { operator, version: match[2] ?? "", wildcard: match[3] !== undefined };
  });
}

/** The specifier clauses as PEP 440 text: `>=1.0,!=1.3.*`. */
export function specifiersText(specs: readonly Specifier[]): string {
  return specs.map((s) => `${s.operator}${s.version}${s.wildcard ? ".*" : ""}`).join(",");
}

/**
 * The clauses in normalized spelling, for asking packaging: it reads `~=` from the string as
 * written and takes the `c` of `~=3.2.c0` for a release number (it then means `==3.2.*`).
 */
export function normalizedSpecifiersText(specs: readonly Specifier[]): string {
  const normalized = specs.map((spec) =>
    spec.operator === "===" ? spec : { ...spec, version: format(mustParse(spec.version)) },
  );
  return specifiersText(normalized);
}

/** Python with packaging ≥ 26 (whose `<`/`>` follow PEP 440's text), or null. */
export function packagingPython(): string | null {
  for (const python of ["python3", "/usr/bin/python3"]) {
    try {
      const out = execFileSync(python, ["-c", "import packaging; print(packaging.__version__)"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      if (Number(out.trim().split(".")[0]) >= 26) return python;
    } catch {
      // Not this one.
    }
  }
  return null;
}

/** Asks Python's packaging, in one process, whether each version satisfies its specifiers. */
export function packagingContains(python: string, cases: readonly [string, string][]): boolean[] {
  const script = [
    "import json, sys",
    "from packaging.specifiers import SpecifierSet",
    "cases = json.load(sys.stdin)",
    "print(json.dumps([SpecifierSet(s).contains(v, prereleases=True) for v, s in cases]))",
  ].join("\n");
  const out = execFileSync(python, ["-W", "ignore", "-c", script], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as boolean[];
}

/** Whether a string is a PEP 440 version by @renovatebot/pep440. */
export function isVersion(text: string): boolean {
  return explain(text) !== null;
}
