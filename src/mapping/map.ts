import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { evaluateMarker, markerToString, markerVariables } from "../model/markers.js";
import type { WheelPackage } from "../model/package.js";
import { requirementToString } from "../model/requirement.js";
import type { Requirement } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";
import { normalizeExtra } from "../model/name.js";
import { markerEnvironment } from "./environment.js";
import {
  placeExtras,
  type ExtrasChoice,
  type ExtrasPlacement,
  type UnmetRequirement,
} from "./extras.js";
import { noEpochs, type EpochLookup } from "./archive-epochs.js";
import type { NameLayer, NameRules } from "./name-rules.js";
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
  /**
   * The mapping layer that named the requirement (absent when it was not named: a false
   * marker). A target whose tools derive relations from METADATA themselves (Fedora's
   * dependency generator) writes only those whose name differs from what those tools write.
   */
  layer?: NameLayer;
  /** The distro name that layer chose (null: dropped); absent when it was not named. */
  name?: string | null;
  diagnostics: Diagnostic[];
}

/** The requirements of a package split into the main package's and each extra's. */
export interface MappedRequirements {
  main: MappedRequirement[];
  /**
   * Extra name → the requirements it adds (markers evaluated with that extra), for every extra
   * that is neither folded nor development-only; those the target cannot satisfy
   * (`placement.unavailable`) included, as the archive checks and the batch report read them.
   * What a family offers is {@link offeredExtras}.
   */
  extras: Map<string, MappedRequirement[]>;
  /** Where each declared extra went (set by {@link mapPackage}). */
  placement?: ExtrasPlacement;
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
  /** The epochs of the target archive's packages (default: none). */
  epochOf?: EpochLookup;
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
  result.layer = name.layer;
  result.name = name.name;
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
  const { archive, style } = options.rules;
  const distroName =
    archive === undefined ? name.name : style.archiveName(name.name, profile, archive);
  const epochOf = options.epochOf ?? noEpochs;
  const translated = style.relations(requirement, distroName, profile, epochOf);
  result.dependencies.push(...translated.dependencies);
  result.breaks.push(...translated.breaks);
  result.diagnostics.push(...translated.diagnostics);
  if (name.guess) {
    result.diagnostics.push(
      diagnostic(
        "name-guessed",
        "info",
        `${requirement.name} → ${distroName}: ${name.rule}`,
        field,
      ),
    );
  }
  return result;
}

/** How {@link mapRequirements} treats extras beyond marker evaluation. */
export interface RequirementsOptions extends MapOptions {
  /** Extras folded into the main package. */
  withExtras?: readonly string[];
  /** Extras that are not packaged at all (development-only). */
  devOnly?: readonly string[];
  /** PEP 503 name of the package itself: requirements on it are never relations. */
  self?: string;
}

/**
 * Maps all of a package's requirements. Requirements that apply only with an extra
 * (`extra == "x"` markers) are left out of the main package and grouped by extra, each with
 * a diagnostic, unless that extra is one of `withExtras` (folded into the main package) or of
 * `devOnly` (dropped, with a note). A requirement on the package itself (`attrs[tests]` in
 * attrs) is no relation: the requirements of the extras it names join the extra (or the main
 * package) that requires it.
 */
export function mapRequirements(
  requirements: readonly Requirement[],
  providesExtra: readonly string[],
  profile: TargetProfile,
  options: RequirementsOptions,
): MappedRequirements {
  const mapped: MappedRequirements = { main: [], extras: new Map(), diagnostics: [] };
  const withExtras = new Set(options.withExtras ?? []);
  const devOnly = new Set(options.devOnly ?? []);
  const holdsWith = (marker: Requirement["marker"], extra: string) =>
    marker === null ||
    evaluateMarker(marker, markerEnvironment(profile, options.machine, extra)).value !== false;
  const conditional = (r: Requirement) =>
    r.marker !== null && markerVariables(r.marker).includes("extra");
  // A requirement on the package itself includes the extras it names in those that require it.
  const includes = new Map<string, Set<string>>();
  for (const requirement of requirements) {
    if (requirement.normalizedName !== options.self) continue;
    const by =
      !conditional(requirement) || holdsWith(requirement.marker, "")
        ? [""]
        : providesExtra.filter((extra) => holdsWith(requirement.marker, extra));
    for (const extra of by) {
      const set = includes.get(extra) ?? new Set();
      for (const named of requirement.extras) set.add(normalizeExtra(named));
      includes.set(extra, set);
    }
  }
  // `via.get(e)`: the extras (and "" for the main package) that get e's requirements.
  const via = (extra: string): Set<string> => {
    const reached = new Set([extra]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [by, named] of includes) {
        if (!reached.has(by) && [...named].some((n) => reached.has(n))) {
          reached.add(by);
          grew = true;
        }
      }
    }
    return reached;
  };
  for (const requirement of requirements) {
    if (requirement.normalizedName === options.self) {
      const dropped = mapRequirement(requirement, profile, { ...options, extra: "" });
      const named = requirement.extras.map((e) => `[${normalizeExtra(e)}]`).join(", ");
      const note = diagnostic(
        "self-requirement",
        "info",
        `${requirement.raw}: the package itself is no dependency${named === "" ? "" : `; the requirements of ${named} are included instead`}`,
        "Requires-Dist",
      );
      mapped.main.push({ ...dropped, dependencies: [], breaks: [], diagnostics: [note] });
      continue;
    }
    if (!conditional(requirement)) {
      mapped.main.push(mapRequirement(requirement, profile, options));
      continue;
    }
    if (holdsWith(requirement.marker, "")) {
      mapped.main.push(mapRequirement(requirement, profile, { ...options, extra: "" }));
      continue;
    }
    const holders = providesExtra.filter((extra) => holdsWith(requirement.marker, extra));
    // Each extra that gets the requirement, with the extra whose marker holds for it.
    const reach = new Map<string, string>();
    for (const holder of holders) {
      for (const extra of via(holder)) if (!reach.has(extra)) reach.set(extra, holder);
    }
    const folded = [...reach].find(([extra]) => extra === "" || withExtras.has(extra));
    if (folded !== undefined) {
      const [extra, holder] = folded;
      mapped.main.push(mapRequirement(requirement, profile, { ...options, extra: holder }));
      mapped.diagnostics.push(
        diagnostic(
          "extra-folded",
          "info",
          `${requirement.raw}: needed with extra [${holder}], which ${extra === holder ? "is" : `[${extra}] includes, and is`} folded into the main package`,
          "Requires-Dist",
        ),
      );
      continue;
    }
    const packaged = [...reach].filter(([extra]) => !devOnly.has(extra));
    for (const [extra, holder] of packaged) {
      const list = mapped.extras.get(extra) ?? [];
      const one = mapRequirement(requirement, profile, { ...options, extra: holder });
      list.push({ ...one, extra });
      mapped.extras.set(extra, list);
    }
    const names = (extras: readonly string[]) => extras.map((e) => `[${e}]`).join(", ");
    if (packaged.length > 0) {
      mapped.diagnostics.push(
        diagnostic(
          "extra-left-out",
          "info",
          `${requirement.raw}: only needed with extra ${names(packaged.map(([e]) => e))}; left out of the main package`,
          "Requires-Dist",
        ),
      );
      continue;
    }
    // Nothing packages it (no extra declares it, or only development extras): it is dropped, and
    // the drop is recorded with the requirement.
    const note =
      holders.length === 0
        ? diagnostic(
            "extra-left-out",
            "info",
            `${requirement.raw}: only needed with extra (none declared in Provides-Extra); left out of the main package`,
            "Requires-Dist",
          )
        : diagnostic(
            "extra-dev-only",
            "info",
            `${requirement.raw}: only needed with development extra ${names([...reach.keys()])}; not packaged`,
            "Requires-Dist",
          );
    const dropped = mapRequirement(requirement, profile, { ...options, extra: "" });
    mapped.main.push({ ...dropped, dependencies: [], breaks: [], diagnostics: [note] });
  }
  return mapped;
}

/**
 * Maps the requirements of a wheel for one target under the target's `rules`: the one place that
 * assembles a package's mapping inputs and decides where its extras go ({@link placeExtras}).
 */
export function mapPackage(
  pkg: WheelPackage,
  profile: TargetProfile,
  rules: NameRules,
  choice: ExtrasChoice = {},
  epochOf: EpochLookup = noEpochs,
): MappedRequirements {
  const { requiresDist, providesExtra } = pkg.metadata;
  const { placement, diagnostics } = placeExtras(pkg, choice);
  const mapped = mapRequirements(requiresDist, providesExtra, profile, {
    machine: pkg.tags.machine,
    withExtras: [...placement.folded.keys()],
    devOnly: placement.devOnly,
    self: pkg.normalizedName,
    rules,
    epochOf,
  });
  return { ...mapped, placement, diagnostics: [...diagnostics, ...mapped.diagnostics] };
}

/**
 * The extras a family offers apart from the main package (as Suggests, Recommends or
 * metapackages), with their requirements: those of {@link MappedRequirements.extras} the
 * target can satisfy, sorted by name.
 */
export function offeredExtras(mapped: MappedRequirements): [string, MappedRequirement[]][] {
  const unavailable = mapped.placement?.unavailable ?? new Map<string, unknown>();
  return [...mapped.extras]
    .filter(([extra]) => !unavailable.has(extra))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The mapping with the extras that `unmet` leaves some requirement of unsatisfied taken off the
 * optional ones (`placement.unavailable`), each with a warning naming the extra and what it
 * lacks: a package that offers an extra must be able to carry all of it, and a distribution
 * offers no extra whose requirements it cannot satisfy (docs/architecture.md, "Extras the
 * target cannot satisfy"). `unmet` says what is missing for one requirement, or null.
 */
export function withholdExtras(
  mapped: MappedRequirements,
  profile: Pick<TargetProfile, "id">,
  unmet: (requirement: MappedRequirement) => string | null,
): MappedRequirements {
  const placement = mapped.placement;
  if (placement === undefined) return mapped;
  const unavailable = new Map(placement.unavailable);
  const diagnostics: Diagnostic[] = [];
  for (const extra of placement.optional) {
    const missing: UnmetRequirement[] = [];
    for (const requirement of mapped.extras.get(extra) ?? []) {
      if (requirement.dependencies.length === 0) continue;
      const why = unmet(requirement);
      if (why !== null) missing.push({ requirement: requirement.requirement, missing: why });
    }
    if (missing.length === 0) continue;
    unavailable.set(extra, missing);
    diagnostics.push(
      diagnostic(
        "extra-unavailable",
        "warning",
        `extra [${extra}] not packaged for ${profile.id}: nothing satisfies ${missing.map((m) => `${m.requirement} (${m.missing})`).join(", ")}`,
        "Provides-Extra",
      ),
    );
  }
  if (diagnostics.length === 0) return mapped;
  return {
    ...mapped,
    placement: {
      ...placement,
      optional: placement.optional.filter((extra) => !unavailable.has(extra)),
      unavailable,
    },
    diagnostics: [...mapped.diagnostics, ...diagnostics],
  };
}
