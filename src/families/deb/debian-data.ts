/**
 * Debian's own map from Python distribution names to binary packages: the `cpython3_fallback`
 * file that dh-python ships, committed as `data/debian/cpython3_fallback.json` by
 * `npm run update-data` (scripts/update-data.mjs) together with the dh-python version it came from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InternalError } from "../../errors.js";
import { normalizeName } from "../../model/name.js";
import { packageRoot } from "../../package-root.js";

/** One line of dh-python's fallback data, as found for a requirement. */
export interface FallbackEntry {
  /** The distribution name as the data spells it, e.g. `PyYAML`. */
  distName: string;
  /**
   * What dh-python writes for it: a package name (`python3-yaml`), a fixed relation
   * (`python3 (>= 3.2)`), or "" when dh-python drops the requirement.
   */
  dependency: string;
  /** How the entry was found: dh-python's own key, or (wheel2pkg only) the PEP 503 name. */
  match: "dh-python" | "pep503";
}

/** The loaded data: its provenance and a lookup that compares names as dh-python does. */
export interface DebianFallback {
  /** The package the data was extracted from, e.g. `dh-python 5.20230130+deb12u1`. */
  source: string;
  lookup(project: string): FallbackEntry | undefined;
}

/**
 * dh-python's key for a distribution name (its `safe_name`): every run of characters other
 * than ASCII letters, digits and dots becomes `_`, then lower case. So `-` and `_` are equal and
 * case does not matter, but dots are kept: `ruamel.yaml` and `ruamel-yaml` are different keys.
 */
export function dhPythonKey(name: string): string {
  return name.replace(/[^A-Za-z0-9.]+/g, "_").toLowerCase();
}

let loaded: DebianFallback | undefined;

/** The committed fallback data, read once on first use. */
export function debianFallback(): DebianFallback {
  loaded ??= fallbackFromJson(
    readFileSync(join(packageRoot, "data", "debian", "cpython3_fallback.json"), "utf8"),
  );
  return loaded;
}

/**
 * Builds the lookup from the committed JSON (`{"source", "map": {name: dependency}}`). The
 * script keeps only the first line of each dh-python key, so every key here is unique.
 */
export function fallbackFromJson(text: string): DebianFallback {
  const data = JSON.parse(text) as unknown;
  if (!isFallbackData(data)) {
    throw new InternalError("data/debian/cpython3_fallback.json does not have the expected shape");
  }
  const byKey = new Map<string, { distName: string; dependency: string }>();
  // PEP 503 names are a second chance for spellings dh-python misses (`zope-interface` for
  // `zope.interface`); a PEP 503 name shared by two entries is ambiguous and left out.
  const byPep503 = new Map<string, { distName: string; dependency: string } | null>();
  for (const [distName, dependency] of Object.entries(data.map)) {
    const entry = { distName, dependency };
    byKey.set(dhPythonKey(distName), entry);
    const pep503 = normalizeName(distName);
    byPep503.set(pep503, byPep503.has(pep503) ? null : entry);
  }
  return {
    source: data.source,
    lookup(project) {
      const exact = byKey.get(dhPythonKey(project));
      if (exact !== undefined) return { ...exact, match: "dh-python" };
      const loose = byPep503.get(normalizeName(project));
      return loose == null ? undefined : { ...loose, match: "pep503" };
    },
  };
}

function isFallbackData(data: unknown): data is { source: string; map: Record<string, string> } {
  if (typeof data !== "object" || data === null) return false;
  const { source, map } = data as { source?: unknown; map?: unknown };
  return (
    typeof source === "string" &&
    typeof map === "object" &&
    map !== null &&
    Object.values(map).every((value) => typeof value === "string")
  );
}
