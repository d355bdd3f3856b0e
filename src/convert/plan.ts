import { stat } from "node:fs/promises";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { noEpochs, type EpochLookup } from "../mapping/archive-epochs.js";
import { mapPackage, withholdExtras, type MappedRequirements } from "../mapping/map.js";
import { ownPackageNames, type OwnPackageNames } from "../mapping/names.js";
import { normalizeExtra } from "../model/name.js";
import { buildPackage, type WheelPackage } from "../model/package.js";
import { InternalError, onFileSystem, UnsupportedWheelError, UserError } from "../errors.js";
import {
  configuredCommandExtras,
  configuredLicense,
  emptyConfig,
  type Config,
} from "../config/index.js";
import type { TargetConfig } from "../config/types.js";
import { checkRequiresPython, checkTargetCompatibility } from "../targets/compatibility.js";
import type { TargetProfile } from "../profiles/types.js";
import { createRenderer, type Renderer } from "../render/index.js";
import { packageFacts } from "../targets/common/facts.js";
import {
  epochsOf,
  families,
  familyOf,
  targetConfig,
  type ArchiveIndex,
} from "../families/index.js";
import type {
  DebianExtrasPolicy,
  PackagingOptions,
  SetLibraries,
  TargetPlan,
} from "../targets/types.js";
import { readWheel, type WheelLimits } from "../wheel/index.js";
import { wheel2pkgVersion } from "../version.js";
import { unmetOnTarget } from "./extras-on-target.js";

/** A file of a planned package: its content is fully computed before anything is written. */
export interface PlannedFile {
  path: string;
  content: string;
  mode: number;
}

/**
 * One wheel's requirements mapped for one target under the configuration, and the names of the
 * packages made from it: what planning renders, and what a batch orders its set by.
 */
export interface MappedTarget {
  profile: TargetProfile;
  /** What the target takes from the configuration (its name rules, extras policy). */
  target: TargetConfig;
  mapped: MappedRequirements;
  names: OwnPackageNames;
  /** The epochs its relations and its own version were given. */
  epochOf: EpochLookup;
  /** The target's archive index, when planning has one. */
  archive?: ArchiveIndex;
}

/** One package for one target: the plan, the rendered files, and the wheel to place beside. */
export interface PlannedPackage {
  /** The target profile it was planned for. */
  profile: TargetProfile;
  /** Its requirements as mapped for the target (the relations its packaging carries). */
  mapped: MappedRequirements;
  plan: TargetPlan;
  files: PlannedFile[];
  /** The wheel on disk, copied unchanged into the package as its upstream source. */
  wheelSource: string;
  /** The wheel as read for planning, for a builder that writes its files itself. */
  pkg: WheelPackage;
}

/** A target a wheel cannot become a package for, and why. */
export interface RefusedTarget {
  profile: TargetProfile;
  error: UserError;
}

/** The conversion of one wheel for several targets, computed but not yet written. */
export interface ConversionPlan {
  pkg: WheelPackage;
  /** One package for each target that takes the wheel, in the order of the profiles. */
  packages: PlannedPackage[];
  /** The targets that refused it; planning throws instead when every target does. */
  refused: RefusedTarget[];
  /** The packaging options in effect (identity, release, date). */
  packaging: PackagingOptions;
  diagnostics: Diagnostic[];
}

/**
 * What planning knows of the targets' archives. An archive index gives a target's names as the
 * archive spells them, its epochs and its shared libraries; `epochOf` gives epochs alone.
 */
export interface ArchiveInputs {
  /** `--check-archive`: each target's archive index, by target id. */
  archives?: ReadonlyMap<string, ArchiveIndex>;
  /**
   * The epochs of the archive's packages for a target without an index in `archives` (default:
   * none): relations carry the epoch of the package they name, and the package made carries its
   * own name's.
   */
  epochOf?: EpochLookup;
  /**
   * The projects a batch makes packages of (PEP 503 name → version): with a target's archive
   * index, what an extra requires is met by these or by the archive, and an extra left unmet is
   * not offered (`ExtrasPlacement.unavailable`).
   */
  provided?: ReadonlyMap<string, string>;
}

/** Options of planConversion. */
export interface PlanOptions extends ArchiveInputs {
  profiles: readonly TargetProfile[];
  /** Identity, release, changelog; `date` defaults to SOURCE_DATE_EPOCH or the wheel's own time. */
  packaging?: Partial<PackagingOptions>;
  /** User template directories searched before the built-in templates. */
  templateDirs?: readonly string[];
  /** Extras whose dependencies are folded into the main package (`--with-extras`). */
  withExtras?: readonly string[];
  /** Debian family: Suggests, Recommends, or nothing for the other extras (default: config). */
  debianExtras?: DebianExtrasPolicy;
  /** wheel2pkg.toml: mapping rules, extras, identity; options given here take precedence. */
  config?: Config;
  renderer?: Renderer;
  /**
   * The wheel already mapped for the profiles by {@link mapTargets} under the same config and
   * extras, a target that refused its mapping included (a batch maps its set before planning, to
   * order it); mapped here when absent.
   */
  mapped?: readonly (MappedTarget | RefusedTarget)[];
  /** In a batch: the shared libraries the set's other wheels ship, by target id. */
  setLibraries?: ReadonlyMap<string, SetLibraries>;
}

function withSetLibraries(set: SetLibraries | undefined): { setLibraries?: SetLibraries } {
  return set === undefined ? {} : { setLibraries: set };
}

/** Zip times before this carry no information: reproducible wheels store 1980-01-01. */
const earliestMeaningfulDate = Date.UTC(1990, 0, 1);

/**
 * The date of the changelog entries: SOURCE_DATE_EPOCH when set (reproducible builds), else
 * the time METADATA was written into the wheel, else (a wheel with zeroed times, which rpm's
 * %changelog refuses) the wheel file's modification time, with a note.
 */
export async function changelogDate(
  wheelPath: string,
  metadataTime: Date,
): Promise<{ date: Date; diagnostics: Diagnostic[] }> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return { date: new Date(Number(epoch) * 1000), diagnostics: [] };
  if (metadataTime.getTime() >= earliestMeaningfulDate)
    return { date: metadataTime, diagnostics: [] };
  const { mtime } = await onFileSystem(wheelPath, "cannot read the wheel", () => stat(wheelPath));
  return {
    date: new Date(Math.floor(mtime.getTime() / 1000) * 1000),
    diagnostics: [
      diagnostic(
        "changelog-date-from-file",
        "info",
        "the wheel stores no real dates; the changelog is dated by the wheel file's modification time (set SOURCE_DATE_EPOCH for reproducible output)",
      ),
    ],
  };
}

/** The packager identity: DEBFULLNAME/DEBEMAIL (or EMAIL) when set, else wheel2pkg's own. */
export function defaultMaintainer(): { name: string; email: string } {
  const name = process.env.DEBFULLNAME ?? process.env.NAME ?? "wheel2pkg";
  const email = process.env.DEBEMAIL ?? process.env.EMAIL ?? "wheel2pkg@example.org";
  return { name: name.trim() || "wheel2pkg", email: email.trim() || "wheel2pkg@example.org" };
}

/** A wheel read with every RECORD hash checked, and its model: what planning starts from. */
export interface ReadPackage {
  pkg: WheelPackage;
  /** The reader's and the model's diagnostics. */
  diagnostics: Diagnostic[];
  /** License file texts by member path. */
  licenseTexts: ReadonlyMap<string, string>;
}

/**
 * Reads a wheel once, hashing every member against RECORD, and builds its model; the files are
 * looked at for what the packaging of the targets' families needs to know of them (all families
 * unless `profiles` says which targets the read is for).
 */
export async function readPackage(
  wheelPath: string,
  limits: Readonly<Partial<WheelLimits>> = {},
  profiles?: readonly TargetProfile[],
): Promise<ReadPackage> {
  // One open of the zip: every member hashed, and on the way the license files read and the
  // files looked at for what the families' packaging needs to know of them.
  const checks = [
    ...new Set(profiles === undefined ? Object.values(families) : profiles.map(familyOf)),
  ].map((family) => family.wheelChecks);
  const contents = await readWheel(wheelPath, {
    verify: true,
    limits,
    licenseBodies: true,
    elfSignatures: checks.flatMap((check) => check.signatures()),
    contentChecks: checks.flatMap((check) => check.checks),
  });
  const { pkg, diagnostics } = buildPackage(contents);
  return { pkg, diagnostics, licenseTexts: licenseTexts(contents.licenseBodies) };
}

/**
 * Computes, for every target, the package context and every rendered file of a wheel read by
 * {@link readPackage} (or read here, given its path). Pure planning: nothing is written.
 */
export async function planConversion(
  wheel: string | ReadPackage,
  options: PlanOptions,
): Promise<ConversionPlan> {
  const config = options.config ?? emptyConfig;
  const read =
    typeof wheel === "string" ? await readPackage(wheel, config.limits, options.profiles) : wheel;
  const { pkg, licenseTexts } = read;
  const wheelPath = pkg.path;
  const diagnostics = [...read.diagnostics];
  const {
    facts,
    diagnostics: factDiagnostics,
    licenseUnsettled,
  } = packageFacts(pkg, configuredLicense(config, pkg.metadata.normalizedName), licenseTexts);
  diagnostics.push(...factDiagnostics);
  // No package says its license is unknown: a wheel whose license nothing settles is refused by
  // every target, with what would settle it (README, "What the packages contain": License).
  const licenseRefusal =
    licenseUnsettled === null
      ? null
      : new UnsupportedWheelError(`${licenseUnsettled.code}: ${licenseUnsettled.message}`, {
          file: pkg.filename.filename,
          field: "License",
        });
  // The texts of the license files that are licenses, for the packaging that copies them.
  const licenses = new Map(
    [...licenseTexts].filter(([path]) => facts.licenseMembers.includes(path)),
  );
  let date = options.packaging?.date;
  if (date === undefined) {
    const dated = await changelogDate(wheelPath, pkg.metadataTime);
    date = dated.date;
    diagnostics.push(...dated.diagnostics);
  }
  const { name, email } = config.maintainer;
  const packaging: PackagingOptions = {
    maintainer:
      options.packaging?.maintainer ??
      (name !== undefined && email !== undefined ? { name, email } : defaultMaintainer()),
    release: options.packaging?.release ?? config.release ?? "1",
    date,
    changelog:
      options.packaging?.changelog ??
      (config.changelog.length > 0
        ? [...config.changelog]
        : [`Converted from the upstream wheel ${pkg.filename.filename} by wheel2pkg.`]),
    generatorVersion: options.packaging?.generatorVersion ?? wheel2pkgVersion,
  };
  if (!/^[A-Za-z0-9.+~]+$/.test(packaging.release)) {
    throw new UserError(`"${packaging.release}" may contain only letters, digits and . + ~`, {
      field: "release",
    });
  }
  const mappedTargets =
    options.mapped ?? mapTargets(pkg, options.profiles, config, options.withExtras ?? [], options);
  const templateDirs =
    options.templateDirs ?? (config.templates === undefined ? [] : [config.templates]);
  const renderer = options.renderer ?? createRenderer(templateDirs);
  const planOne = (profile: TargetProfile): PlannedPackage => {
    if (licenseRefusal !== null) throw licenseRefusal;
    checkTargetCompatibility(pkg.tags, profile);
    checkRequiresPython(pkg.filename.filename, pkg.metadata.requiresPython, profile);
    const mapping = mappedTargets.find((m) => m.profile.id === profile.id);
    if (mapping === undefined) throw new InternalError(`${profile.id} was planned unmapped`);
    if ("error" in mapping) throw mapping.error;
    const { target, mapped, names, epochOf, archive } = mapping;
    const plan = familyOf(profile).plan({
      pkg,
      facts,
      profile,
      mapped,
      names,
      options: packaging,
      licenseTexts: licenses,
      debianExtras: options.debianExtras ?? target.extras,
      epochOf,
      ...(archive === undefined ? {} : { archive }),
      ...withSetLibraries(options.setLibraries?.get(profile.id)),
    });
    const files = plan.outputs.map((output) => ({
      path: output.path,
      content: renderer.render(output.template, plan.context),
      mode: output.mode,
    }));
    return { profile, mapped, plan, files, wheelSource: wheelPath, pkg };
  };
  // Each target stands alone: one the wheel cannot serve is refused, the others are planned.
  const packages: PlannedPackage[] = [];
  const refused: RefusedTarget[] = [];
  for (const profile of options.profiles) {
    try {
      packages.push(planOne(profile));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refused.push({ profile, error });
    }
  }
  // A wheel no target can take is refused as a whole, with the first target's reason.
  const first = refused[0];
  if (packages.length === 0 && first !== undefined) throw first.error;
  return { pkg, packages, refused, packaging, diagnostics };
}

/**
 * Maps a wheel's requirements for each target under the configuration: the one place that
 * assembles a package's mapping inputs (its name rules, the extras asked for here and in the
 * config, the development extras, whether its commands' imports fold extras, the archive's
 * spellings and epochs, and with the archive which extras the target cannot satisfy). Throws a
 * UserError when
 * an extra asked for here is not one the wheel provides.
 */
export function mapTargets(
  pkg: WheelPackage,
  profiles: readonly TargetProfile[],
  config: Config,
  withExtras: readonly string[] = [],
  inputs: ArchiveInputs = {},
): (MappedTarget | RefusedTarget)[] {
  const requested = checkExtras(withExtras, pkg.metadata.providesExtra);
  // `[packages.<name>] command-extras = false`: only what is asked for and the entry points'
  // own extras are folded, not what the commands import (README, "Extras").
  const importedExtras = configuredCommandExtras(config, pkg.metadata.normalizedName);
  return profiles.map((profile) => {
    try {
      const archive = inputs.archives?.get(profile.id);
      const target = targetConfig(config, profile, archive);
      const epochOf = archive === undefined ? (inputs.epochOf ?? noEpochs) : epochsOf(archive);
      // The config names extras for many wheels: fold those this wheel has.
      const configured = target.withExtras.filter((e) => pkg.metadata.providesExtra.includes(e));
      const placed = mapPackage(
        pkg,
        profile,
        target.names,
        {
          withExtras: [...new Set([...requested, ...configured])],
          devExtras: target.devExtras,
          importedExtras,
        },
        epochOf,
      );
      // Only what the archive (and the batch) shows unmet takes an extra off; without an
      // archive index nothing is known, and every optional extra is offered.
      const mapped =
        archive === undefined
          ? placed
          : withholdExtras(placed, profile, unmetOnTarget(pkg, profile, archive, inputs.provided));
      const names = ownPackageNames(pkg.metadata.name, profile, target.names);
      return {
        profile,
        target,
        mapped,
        names,
        epochOf,
        ...(archive === undefined ? {} : { archive }),
      };
    } catch (error) {
      // A rule the target cannot use refuses that target only.
      if (!(error instanceof UserError)) throw error;
      return { profile, error };
    }
  });
}

/** Normalizes the requested extras and refuses one the wheel does not provide. */
function checkExtras(requested: readonly string[], provided: readonly string[]): string[] {
  const normalized = requested.map(normalizeExtra);
  const unknown = normalized.filter((extra) => !provided.includes(extra));
  if (unknown.length > 0) {
    throw new UserError(
      `the wheel has no extra ${unknown.map((e) => `"${e}"`).join(", ")}; it provides: ${provided.join(", ") || "none"}`,
      { field: "--with-extras" },
    );
  }
  return normalized;
}

/** License file bytes as text: UTF-8, else Latin-1 (which decodes any byte). */
function licenseTexts(bodies: ReadonlyMap<string, Buffer>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [path, body] of bodies) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      text = body.toString("latin1");
    }
    texts.set(path, text);
  }
  return texts;
}
