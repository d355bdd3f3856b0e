import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { MappedRequirement, MappedRequirements } from "../../mapping/map.js";
import { normalizeExtra } from "../../model/name.js";
import { compare } from "../../targets/common/files.js";
import { token, type SpecText } from "../../targets/text.js";
import { specValue } from "./escape.js";
import { specParagraphs } from "./spec-common.js";

/** One `python3-<name>+<extra>` metapackage. */
// A type, not an interface: a template context takes only types with known keys.
export type ExtraSubpackage = {
  /** The extra as normalized by PEP 685: `cli`. */
  extra: SpecText;
  /** Package name: `python3-foo+cli`. */
  name: SpecText;
  summary: SpecText;
  /**
   * The relations of the extra's requirements, sorted, each once; where the profile's tools
   * derive relations from METADATA (Fedora's generator), only those they cannot derive.
   */
  requires: SpecText[];
  descriptionLines: SpecText[];
};

/**
 * The extras metapackages of a package, as Fedora's `%pyproject_extras_subpkg` makes them: one
 * per declared extra that is not development-only, requiring the main package and the relations of that extra's
 * requirements. An extra whose requirements the target cannot satisfy (`placement.unavailable`,
 * known from its archive) gets none, as no distribution ships one. An extra with a requirement that did not map (an invalid specifier, whose
 * relation would be incomplete) gets no metapackage and a diagnostic: a metapackage that claims
 * to satisfy an extra must carry all of it. `generated` says which relations the target's own
 * tools write from METADATA: those are left out of `requires`.
 */
export function extraSubpackages(
  binaryName: string,
  declared: readonly string[],
  mapped: MappedRequirements,
  generated: (requirement: MappedRequirement) => boolean = () => false,
): { subpackages: ExtraSubpackage[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byExtra = new Map<string, { declared: string; requirements: MappedRequirement[] }>();
  // Development-only extras are not packaged; nor is one the target cannot satisfy, which its
  // placement already names with what it lacks.
  const devOnly = new Set(mapped.placement?.devOnly ?? []);
  const unavailable = mapped.placement?.unavailable ?? new Map<string, unknown>();
  const packaged = (extra: string) => !devOnly.has(extra) && !unavailable.has(extra);
  for (const extra of declared.filter((e) => packaged(normalizeExtra(e)))) {
    const key = normalizeExtra(extra);
    const entry = byExtra.get(key) ?? { declared: extra, requirements: [] };
    entry.requirements.push(...(mapped.extras.get(extra) ?? []));
    byExtra.set(key, entry);
  }
  const subpackages: ExtraSubpackage[] = [];
  for (const [extra, entry] of [...byExtra.entries()].sort(([a], [b]) => compare(a, b))) {
    const name = `${binaryName}+${extra}`;
    const failed = entry.requirements.filter((r) =>
      r.diagnostics.some((d) => d.severity === "error"),
    );
    if (failed.length > 0) {
      diagnostics.push(
        diagnostic(
          "extra-not-packaged",
          "warning",
          `no ${name}: the [${entry.declared}] requirement ${failed.map((r) => r.requirement).join(", ")} did not map`,
          "Provides-Extra",
        ),
      );
      continue;
    }
    const written = entry.requirements.filter((r) => !generated(r));
    const requires = [...new Set(written.flatMap((r) => r.dependencies))].sort(compare);
    subpackages.push({
      extra: token("spec", extra),
      name: token("spec", name),
      summary: specValue(extraSummary(extra, binaryName)),
      requires: requires.map((relation) => token("spec", relation)),
      descriptionLines: specParagraphs([
        `This package contains no files. It requires ${binaryName} and the dependencies that its "${extra}" extra declares, so that installing it makes the extra usable.`,
      ]),
    });
  }
  return { subpackages, diagnostics };
}

/** The extras metapackage's Summary, within rpmlint's 80 characters. */
function extraSummary(extra: string, binaryName: string): string {
  const long = `Metapackage pulling in the [${extra}] extra of ${binaryName}`;
  return long.length <= 80 ? long : `Metapackage for the [${extra}] extra`.slice(0, 80);
}
