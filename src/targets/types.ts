import type { Diagnostic } from "../diagnostics.js";
import type { EpochLookup } from "../mapping/archive-epochs.js";
import type { MappedRequirements } from "../mapping/map.js";
import type { OwnPackageNames } from "../mapping/names.js";
import type { WheelPackage } from "../model/package.js";
import type { TargetFamily, TargetProfile } from "../profiles/types.js";
import type { PackageFacts } from "./common/facts.js";
import type { TemplateContext } from "./text.js";

/** Who prepares the package and when: identity, release, date. Same inputs, same bytes. */
export interface PackagingOptions {
  /** `Name <email>`: the packager (spec %changelog) and Debian Maintainer. */
  maintainer: { name: string; email: string };
  /** Release (RPM) / Debian revision, default "1". */
  release: string;
  /** Date of the changelog entry: SOURCE_DATE_EPOCH, else the wheel's METADATA time. */
  date: Date;
  /** Changelog entry text (one line per item). */
  changelog: string[];
  /** wheel2pkg's own version, recorded in generated files. */
  generatorVersion: string;
}

/** Where the dependencies of extras go in a Debian package (they have no packages of their own). */
export type DebianExtrasPolicy = "suggests" | "recommends" | "ignore";

/** Everything a target needs to compute its context. */
export interface PlanInput {
  pkg: WheelPackage;
  facts: PackageFacts;
  profile: TargetProfile;
  mapped: MappedRequirements;
  /** The names of the packages made (see `ownPackageNames`). */
  names: OwnPackageNames;
  options: PackagingOptions;
  /** Texts of the license files that are licenses (`PackageFacts.licenseMembers`), by zip path. */
  licenseTexts: ReadonlyMap<string, string>;
  /** Debian family: the field that carries the extras' dependencies. */
  debianExtras: DebianExtrasPolicy;
  /** The epochs of the target archive's packages: the package's own version carries its own. */
  epochOf: EpochLookup;
  /** The target's archive index (`--check-archive`), where its shared libraries are looked up. */
  archive?: PlanArchive;
  /** In a batch: the shared libraries the set's other wheels ship, which their packages provide. */
  setLibraries?: SetLibraries;
}

/**
 * A shared library that another wheel of a batch ships, and the package the batch makes of that
 * wheel on the target (docs/architecture.md, "Libraries of the set").
 */
export interface SetLibrary {
  soname: string;
  /** The providing project (PEP 503 name) and its wheel's file name. */
  project: string;
  wheel: string;
  /** Where the library is installed, relative to the site directory: `cmeel.prefix/lib/libz.so.1`. */
  path: string;
  /** The binary package made of the providing wheel on the target, and its PEP 440 version. */
  package: string;
  version: string;
}

/** What planning asks of a batch's other wheels: which of them ships a soname. */
export interface SetLibraries {
  shippedBy(soname: string): SetLibrary | undefined;
}

/**
 * What planning asks of a target's archive index (src/families builds it): which packages ship
 * a shared library, and which every build host has anyway.
 */
export interface PlanArchive {
  /** The packages that ship a soname; undefined when the index has no file lists. */
  librariesOf(soname: string): string[] | undefined;
  /** Whether every build host has the package. */
  preinstalled(name: string): boolean;
  /** What the index is, for messages. */
  describe(): string;
  /**
   * The archive's package of that exact name (its newest version), if it has one: the package
   * a package of the same name replaces.
   */
  package(name: string): { version: string; provides: readonly { name: string }[] } | undefined;
}

/** A template to render into a file of the output tree. */
export interface TemplateOutput {
  /** Template name under `templates/`, e.g. `rpm/python.spec.njk`. */
  template: string;
  /** Path of the rendered file, relative to the package's directory. */
  path: string;
  mode: number;
}

/** The computed context of one package for one target, and what to make from it. */
export interface TargetPlan {
  target: string;
  family: TargetFamily;
  sourceName: string;
  binaryNames: string[];
  /**
   * Full distro version of the binary package, its epoch included (`1.0~rc1-1`,
   * `1:1.24.2-1+deb12u1LOCAL.1`; RPM `1:1.26.4-1.1`, without the dist tag).
   */
  version: string;
  /** Distro architecture of the binary package (`noarch`, `all`, `x86_64`, `amd64`). */
  architecture: string;
  /** Directory of this package under the target's output directory. */
  directory: string;
  /** Path (relative to `directory`) where the original wheel is placed. */
  wheelPath: string;
  /** The logic-free template context: packaging text only, escaped for its file. */
  context: TemplateContext;
  outputs: TemplateOutput[];
  /**
   * Relations the package's check at build time (an import check) needs installed: its runtime
   * dependencies. A build on a host where they cannot be installed skips the check, and says so.
   */
  checkNeeds?: string[];
  diagnostics: Diagnostic[];
  /**
   * Relations the build host must satisfy beyond the family's own tools: the packages of the
   * system libraries a platform wheel links (Debian, with an archive index), checked before
   * the build so that a host that lacks them is told which to install.
   */
  buildHostNeeds?: string[];
  /**
   * The libraries of other packages of a batch that the package's ELF files link: the builder
   * finds them in those packages, as built, so that the library dependencies are computed.
   */
  setLibraries?: SetLibrary[];
}

/** One package format: computes the template context for a package and target profile. */
export interface Target {
  family: TargetFamily;
  plan(input: PlanInput): TargetPlan;
}
