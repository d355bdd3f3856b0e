/**
 * Which of a package's extras a distro packager packages, and how: folded into the main package
 * (asked for, or needed by the package's own commands), kept optional (Suggests, Recommends or a
 * `+extra` metapackage, as the family does it) or left out as development-only.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { evaluateMarker, markerVariables } from "../model/markers.js";
import { normalizeExtra } from "../model/name.js";
import type { WheelPackage } from "../model/package.js";
import type { Requirement } from "../model/types.js";

/**
 * The first words of extras that only a project's developers install (tests, docs, linters,
 * type checkers, coverage): distro packages build and test from their own tools, so these are
 * not packaged unless the configuration (`dev-extras`) says otherwise.
 */
export const defaultDevExtras: readonly string[] = [
  "test",
  "tests",
  "testing",
  "doc",
  "docs",
  "documentation",
  "dev",
  "develop",
  "development",
  "lint",
  "linting",
  "typing",
  "types",
  "mypy",
  "coverage",
  "cov",
  // Documentation builds on Read the Docs, benchmark and profiling runs (markdown-it-py's `rtd`,
  // `benchmarking`, `profiling`).
  "rtd",
  "benchmarking",
  "profiling",
];

/**
 * Projects whose top-level import name is not their name: what their own wheels install
 * (`top_level.txt`). Any other project is imported by its PEP 503 name with `_` for `-`
 * (`typing-extensions` → `typing_extensions`), which holds for most.
 */
const importNamesOf: Readonly<Record<string, readonly string[]>> = {
  attrs: ["attr", "attrs"],
  beautifulsoup4: ["bs4"],
  pillow: ["PIL"],
  protobuf: ["google"],
  pygobject: ["gi"],
  pyjwt: ["jwt"],
  "python-dateutil": ["dateutil"],
  pyyaml: ["yaml"],
  pyzmq: ["zmq"],
  "scikit-learn": ["sklearn"],
};

/** The top-level names by which a project (PEP 503 name) is imported. */
export function importNames(normalizedName: string): readonly string[] {
  return importNamesOf[normalizedName] ?? [normalizedName.replace(/-/g, "_")];
}

/**
 * Whether `extra` is development-only: the first word of its PEP 685 form (`tests-no-zope` →
 * `tests`) is one of `words`.
 */
export function isDevExtra(extra: string, words: readonly string[]): boolean {
  const first = normalizeExtra(extra).split("-", 1)[0] ?? "";
  return words.some((word) => normalizeExtra(word) === first);
}

/** How the user asked a package's extras to be packaged. */
export interface ExtrasChoice {
  /** Extras folded into the main package (`--with-extras`, `with-extras`), PEP 685 form. */
  withExtras?: readonly string[];
  /** First words of development-only extras (`dev-extras`); default {@link defaultDevExtras}. */
  devExtras?: readonly string[];
  /** Fold the extras whose requirements the package's commands import (default true). */
  importedExtras?: boolean;
}

/** A requirement of an extra that nothing on the target satisfies, and what the target lacks. */
export interface UnmetRequirement {
  /** The requirement as written in METADATA. */
  requirement: string;
  /** What is missing: `python3.15dist(x) >= 1: the archive has no package of that name`. */
  missing: string;
}

/** Where each declared extra of a package goes. */
export interface ExtrasPlacement {
  /** Extra → why it is folded into the main package. */
  folded: ReadonlyMap<string, string>;
  /** Extras left out as development-only. */
  devOnly: readonly string[];
  /** Extras kept apart from the main package, for the family to offer (sorted). */
  optional: readonly string[];
  /**
   * Extras not offered on the target although they would be optional: what the target's archive
   * and the batch hold leaves some of their requirements unmet (extra → those requirements).
   * Empty unless planning knew the archive (docs/architecture.md, "Extras the target cannot
   * satisfy").
   */
  unavailable: ReadonlyMap<string, readonly UnmetRequirement[]>;
}

/**
 * The extras whose requirements the package's commands import without a fallback
 * (`WheelPackage.commandImports`), with the commands and the names: a requirement counts when it
 * applies only with the extra (not to the main package) and one of its import names
 * ({@link importNames}) is imported. httpx's `httpx` command runs `httpx._main`, which imports
 * click, rich and pygments, the requirements of its `cli` extra.
 */
export function importedExtras(
  pkg: Pick<WheelPackage, "commandImports" | "metadata">,
  declared: readonly string[],
): Map<string, { commands: string[]; names: string[] }> {
  const found = new Map<string, { commands: string[]; names: string[] }>();
  if (pkg.commandImports.length === 0) return found;
  const withExtra = (r: Requirement, extra: string) =>
    r.marker !== null && evaluateMarker(r.marker, { extra }).value !== false;
  const conditional = (r: Requirement) =>
    r.marker !== null && markerVariables(r.marker).includes("extra");
  const requirements = pkg.metadata.requiresDist;
  const main = new Set(
    requirements.filter((r) => !conditional(r) || withExtra(r, "")).map((r) => r.normalizedName),
  );
  for (const extra of declared) {
    const own = requirements.filter(
      (r) => conditional(r) && !main.has(r.normalizedName) && withExtra(r, extra),
    );
    const commands = new Set<string>();
    const names = new Set<string>();
    for (const { command, required } of pkg.commandImports) {
      for (const requirement of own) {
        const name = importNames(requirement.normalizedName).find((n) => required.includes(n));
        if (name === undefined) continue;
        commands.add(command);
        names.add(requirement.name);
      }
    }
    if (commands.size > 0) found.set(extra, { commands: [...commands], names: [...names] });
  }
  return found;
}

/**
 * Places the declared extras of `pkg`. An extra that a `console_scripts` or `gui_scripts` entry
 * point declares (`httpx = httpx:main [cli]`) is folded: the installed command needs it; so is
 * one whose requirements a command's modules import ({@link importedExtras}), unless the choice
 * turns that off. Folding wins over the development-only rule, so a packager can always ask for
 * an extra.
 */
export function placeExtras(
  pkg: Pick<WheelPackage, "consoleScripts" | "guiScripts" | "metadata" | "commandImports">,
  choice: ExtrasChoice,
): { placement: ExtrasPlacement; diagnostics: Diagnostic[] } {
  const declared = [...new Set(pkg.metadata.providesExtra.map(normalizeExtra))].sort();
  const diagnostics: Diagnostic[] = [];
  const folded = new Map<string, string>();
  for (const extra of choice.withExtras ?? []) folded.set(normalizeExtra(extra), "asked for");
  const commands = new Map<string, string[]>();
  for (const entry of [...pkg.consoleScripts, ...pkg.guiScripts]) {
    for (const extra of entry.extras.map(normalizeExtra)) {
      if (!declared.includes(extra)) {
        diagnostics.push(
          diagnostic(
            "entry-point-extra-undeclared",
            "warning",
            `the command ${entry.name} declares the extra [${extra}], which Provides-Extra lacks`,
            "entry_points.txt",
          ),
        );
        continue;
      }
      commands.set(extra, [...(commands.get(extra) ?? []), entry.name]);
    }
  }
  for (const [extra, names] of commands) {
    if (folded.has(extra)) continue;
    folded.set(
      extra,
      `the command${names.length > 1 ? "s" : ""} ${names.join(", ")} need${names.length > 1 ? "" : "s"} it`,
    );
  }
  if (choice.importedExtras ?? true) {
    for (const [extra, { commands: names, names: imported }] of importedExtras(pkg, declared)) {
      if (folded.has(extra)) continue;
      const who =
        names.length > 1 ? `the commands ${names.join(", ")}` : `the command ${names.join("")}`;
      folded.set(extra, `${who} import${names.length > 1 ? "" : "s"} ${imported.join(", ")}`);
    }
  }
  const words = choice.devExtras ?? defaultDevExtras;
  const devOnly = declared.filter((e) => !folded.has(e) && isDevExtra(e, words));
  const optional = declared.filter((e) => !folded.has(e) && !devOnly.includes(e));
  const sortedFolded = new Map([...folded].filter(([e]) => declared.includes(e)).sort());
  if (sortedFolded.size > 0) {
    diagnostics.push(
      diagnostic(
        "extras-folded",
        "info",
        `extras folded into the main package: ${[...sortedFolded].map(([e, why]) => `[${e}] (${why})`).join(", ")}`,
        "Provides-Extra",
      ),
    );
  }
  if (devOnly.length > 0) {
    diagnostics.push(
      diagnostic(
        "extras-dev-only",
        "info",
        `development extras not packaged: ${devOnly.map((e) => `[${e}]`).join(", ")} (mapping.dev-extras chooses which)`,
        "Provides-Extra",
      ),
    );
  }
  return {
    placement: { folded: sortedFolded, devOnly, optional, unavailable: new Map() },
    diagnostics,
  };
}
