import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { evaluateMarker, markerToString, markerVariables } from "../model/markers.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import type { Requirement } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";
import { markerEnvironment } from "./environment.js";
import type { NameRules } from "./name-rules.js";
import { resolveName } from "./names.js";

/** One Requires-Dist line as the target's packaging carries it. */
export interface MappedRequirement {
  /** The requirement as written in METADATA. */
  requirement: string;
  /** PEP 503 name of the required project. */
  project: string;
  /** The extra this mapping is for, or null for the main package. */
  extra: string | null;
  /** Relations for the target's dependency field, exact strings (empty: not needed). */
  dependencies: string[];
  /** Relations for Breaks (deb) where a `!=` could not stay in Depends. */
  breaks: string[];
  diagnostics: Diagnostic[];
}

/** The requirements of a package split into the main package's and each extra's. */
export interface MappedRequirements {
  main: MappedRequirement[];
  /** Extra name → the requirements it adds (markers evaluated with that extra). */
  extras: Map<string, MappedRequirement[]>;
  diagnostics: Diagnostic[];
}

/** Options of a mapping run. */
export interface MapOptions {
  /** Wheel platform machine of the package, or null for a noarch package. */
  machine: string | null;
  /** The extra whose dependencies are being mapped ("" for the main package). */
  extra?: string;
  /**
   * The user's name-mapping rules for this target with its family's naming style (src/config
   * `configForTarget`; `noNameRules(style)` for none).
   */
  rules: NameRules;
}

/**
 * Maps one requirement for a target: evaluates its marker for the target's Python, chooses the
 * distro name and translates its specifiers. Every lossy step is a diagnostic.
 */
export function mapRequirement(
  requirement: Requirement,
  profile: TargetProfile,
  options: MapOptions,
): MappedRequirement {
  const result: MappedRequirement = {
    requirement: requirement.raw || requirementToString(requirement),
    project: requirement.normalizedName,
    extra: options.extra === undefined || options.extra === "" ? null : options.extra,
    dependencies: [],
    breaks: [],
    diagnostics: [],
  };
  const field = "Requires-Dist";
  if (requirement.marker !== null) {
    const environment = markerEnvironment(profile, options.machine, options.extra ?? "");
    const verdict = evaluateMarker(requirement.marker, environment);
    const text = markerToString(requirement.marker);
    if (verdict.value === false) {
      result.diagnostics.push(
        diagnostic(
          "marker-false",
          "info",
          `${result.requirement}: not needed on ${profile.name} (${text})`,
          field,
        ),
      );
      return result;
    }
    if (verdict.value === null) {
      const noarchMachine =
        verdict.undecided.includes("platform_machine") && options.machine === null;
      result.diagnostics.push(
        diagnostic(
          noarchMachine ? "marker-machine-noarch" : "marker-undecidable",
          "warning",
          `${result.requirement}: marker cannot be decided for ${profile.name} (${verdict.undecided.join(", ")} unknown${noarchMachine ? " for a noarch package" : ""}); dependency kept`,
          field,
        ),
      );
    }
  }
  if (requirement.url !== null) {
    result.diagnostics.push(
      diagnostic(
        "requirement-url",
        "warning",
        `${result.requirement}: a direct URL reference cannot be a distro dependency; the name alone is used`,
        field,
      ),
    );
  }
  const name = resolveName(requirement.name, profile, options.rules);
  if (name.name === null) {
    result.diagnostics.push(
      diagnostic(
        "name-ignored",
        "info",
        `${result.requirement}: dropped by ${name.layer} (${name.rule})`,
        field,
      ),
    );
    return result;
  }
  if (name.relation !== undefined) {
    // Distro data that fixes the whole relation: the requirement's own versions do not apply.
    result.dependencies.push(name.relation);
    result.diagnostics.push(
      diagnostic(
        "relation-from-distro-data",
        "info",
        `${result.requirement}: ${name.relation} as ${name.rule} says; the requirement's versions are not used`,
        field,
      ),
    );
    return result;
  }
  const translated = options.rules.style.relations(requirement, name.name, profile);
  result.dependencies.push(...translated.dependencies);
  result.breaks.push(...translated.breaks);
  result.diagnostics.push(...translated.diagnostics);
  if (name.guess) {
    result.diagnostics.push(
      diagnostic("name-guessed", "info", `${requirement.name} → ${name.name}: ${name.rule}`, field),
    );
  }
  return result;
}

/**
 * Maps all of a package's requirements. Requirements that apply only with an extra
 * (`extra == "x"` markers) are left out of the main package and grouped by extra, each with
 * a diagnostic, unless that extra is one of `withExtras`: then they are folded into the main
 * package.
 */
export function mapRequirements(
  requirements: readonly Requirement[],
  providesExtra: readonly string[],
  profile: TargetProfile,
  options: MapOptions & { withExtras?: readonly string[] },
): MappedRequirements {
  const mapped: MappedRequirements = { main: [], extras: new Map(), diagnostics: [] };
  const withExtras = new Set(options.withExtras ?? []);
  for (const requirement of requirements) {
    const marker = requirement.marker;
    if (marker === null || !markerVariables(marker).includes("extra")) {
      mapped.main.push(mapRequirement(requirement, profile, options));
      continue;
    }
    const holdsWith = (extra: string) =>
      evaluateMarker(marker, markerEnvironment(profile, options.machine, extra)).value !== false;
    if (holdsWith("")) {
      mapped.main.push(mapRequirement(requirement, profile, { ...options, extra: "" }));
      continue;
    }
    const extras = providesExtra.filter(holdsWith);
    const folded = extras.find((extra) => withExtras.has(extra));
    if (folded !== undefined) {
      mapped.main.push(mapRequirement(requirement, profile, { ...options, extra: folded }));
      mapped.diagnostics.push(
        diagnostic(
          "extra-folded",
          "info",
          `${requirement.raw}: needed with extra [${folded}], which is folded into the main package`,
          "Requires-Dist",
        ),
      );
      continue;
    }
    for (const extra of extras) {
      const list = mapped.extras.get(extra) ?? [];
      list.push(mapRequirement(requirement, profile, { ...options, extra }));
      mapped.extras.set(extra, list);
    }
    const leftOut = diagnostic(
      "extra-left-out",
      "info",
      `${requirement.raw}: only needed with extra ${extras.length > 0 ? extras.map((e) => `[${e}]`).join(", ") : "(none declared in Provides-Extra)"}; left out of the main package`,
      "Requires-Dist",
    );
    if (extras.length > 0) {
      mapped.diagnostics.push(leftOut);
    } else {
      // No extra declares it: it is dropped, and the drop is recorded with the requirement.
      const dropped = mapRequirement(requirement, profile, { ...options, extra: "" });
      mapped.main.push({ ...dropped, dependencies: [], breaks: [], diagnostics: [leftOut] });
    }
  }
  return mapped;
}

/**
 * Maps the requirements of a wheel for one target under the target's `rules`: the one place that
 * assembles a package's mapping inputs, with the extras in `withExtras` folded into the main
 * package.
 */
export function mapPackage(
  pkg: WheelPackage,
  profile: TargetProfile,
  rules: NameRules,
  withExtras: readonly string[] = [],
): MappedRequirements {
  const { requiresDist, providesExtra } = pkg.metadata;
  return mapRequirements(requiresDist, providesExtra, profile, {
    machine: pkg.tags.machine,
    withExtras,
    rules,
  });
}
