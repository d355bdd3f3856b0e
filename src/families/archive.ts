/**
 * A target's archive as its distribution publishes it, read once (docs/architecture.md, "Archive
 * index"): every binary package with its version (epoch included), its Provides and its source,
 * and the shared libraries its packages ship. Each family reads its own metadata into an
 * {@link ArchiveSnapshot} (Debian's `Packages` and `Contents`, RPM's repodata); what looks
 * things up in it is shared here.
 */
import type { EpochLookup } from "../mapping/archive-epochs.js";
import type { ArchiveNames } from "../mapping/name-rules.js";

/** A capability a package provides: a virtual package, `python3dist(x)`, a soname. */
export interface ArchiveProvide {
  name: string;
  /** The version it is provided at, in the family's spelling; null when unversioned. */
  version: string | null;
}

/** One binary package of the archive. */
export interface ArchivePackage {
  /** As the archive spells it (openSUSE's `python311-PyYAML`). */
  name: string;
  /** The full version with its epoch when it has one: `1:1.24.2-1+deb12u1`, `2:1.2-3.fc41`. */
  version: string;
  /** The source package it is built from. */
  source: string;
  provides: readonly ArchiveProvide[];
}

/** Where a snapshot was read from, with the date each file carried. */
export interface ArchiveOrigin {
  location: string;
  date: string;
}

/** What was read of one target's archive: plain data, saved as JSON for offline use. */
export interface ArchiveSnapshot {
  format: 1;
  /** The target profile id. */
  target: string;
  /** When it was read, ISO 8601. */
  read: string;
  origins: readonly ArchiveOrigin[];
  packages: readonly ArchivePackage[];
  /**
   * Shared library file name (a soname, `libzmq.so.5`) → the packages that ship it; null when
   * no file lists were read (Debian without `Contents`).
   */
  libraries: Readonly<Record<string, readonly string[]>> | null;
  /** Packages every build host has (Essential, build-essential), never written as build needs. */
  preinstalled: readonly string[];
}

/** A package, or a package's Provides, that answers for a name. */
export interface ArchiveOffer {
  /** The package that answers. */
  package: ArchivePackage;
  /** The version the name is offered at: the package's own, or its Provides' (null: none). */
  version: string | null;
  /** Whether it answers by a Provides rather than by its own name. */
  provided: boolean;
}

/** A snapshot with the look-ups wheel2pkg needs, ordered by the family's version order. */
export class ArchiveIndex implements ArchiveNames {
  private readonly byName = new Map<string, ArchivePackage>();
  private readonly byLowerName = new Map<string, ArchivePackage>();
  private readonly providers = new Map<string, ArchiveOffer[]>();
  private readonly preinstalledSet: ReadonlySet<string>;

  constructor(
    readonly snapshot: ArchiveSnapshot,
    readonly compare: (a: string, b: string) => number,
  ) {
    // The newest version of a name is the one a package manager installs.
    for (const pkg of snapshot.packages) {
      const known = this.byName.get(pkg.name);
      if (known === undefined || compare(pkg.version, known.version) > 0) {
        this.byName.set(pkg.name, pkg);
      }
    }
    for (const pkg of this.byName.values()) {
      const lower = pkg.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, pkg);
      for (const provide of pkg.provides) {
        const list = this.providers.get(provide.name) ?? [];
        list.push({ package: pkg, version: provide.version, provided: true });
        this.providers.set(provide.name, list);
      }
    }
    this.preinstalledSet = new Set(snapshot.preinstalled);
  }

  /** The target profile id the snapshot is of. */
  get target(): string {
    return this.snapshot.target;
  }

  /** What was read, for messages: `apt lists of bookworm (2025-07-11)`. */
  describe(): string {
    const dates = this.snapshot.origins.map((o) => o.date.slice(0, 10)).sort();
    const newest = dates.at(-1);
    return `${this.snapshot.target} archive index${newest === undefined ? "" : ` of ${newest}`}`;
  }

  /** The package of that exact name (its newest version), if the archive has it. */
  package(name: string): ArchivePackage | undefined {
    return this.byName.get(name);
  }

  /** Every package that answers for `name`: the package itself first, then its providers. */
  offers(name: string): ArchiveOffer[] {
    const own = this.byName.get(name);
    return [
      ...(own === undefined ? [] : [{ package: own, version: own.version, provided: false }]),
      // RPM packages provide their own name: that is the package itself, not another offer.
      ...(this.providers.get(name) ?? []).filter((offer) => offer.package !== own),
    ];
  }

  /** The archive's spelling of a package name compared without case, if it has one. */
  spelling(name: string): string | undefined {
    return this.byName.has(name) ? name : this.byLowerName.get(name.toLowerCase())?.name;
  }

  /**
   * The epoch of the archive's package `name` (0 when it has none), else of the first
   * capability of that name with a version (RPM's `python3dist(numpy) = 1:1.26.4`); null when
   * the archive has neither.
   */
  epochOf(name: string): number | null {
    const version =
      this.byName.get(name)?.version ??
      this.providers.get(name)?.find((offer) => offer.version !== null)?.version;
    if (version === undefined || version === null) return null;
    const epoch = /^(\d+):/.exec(version)?.[1];
    return epoch === undefined ? 0 : Number(epoch);
  }

  /**
   * The packages that ship a shared library, by its soname: undefined when no file lists were
   * read, empty when none does. A library behind alternatives is also a virtual package named
   * after it (libblas.so.3, which every BLAS implementation provides): then that name is among
   * them too, so a relation can accept whichever implementation a host has.
   */
  librariesOf(soname: string): string[] | undefined {
    const libraries = this.snapshot.libraries;
    if (libraries === null) return undefined;
    const shipping = libraries[soname] ?? [];
    const providers = (this.providers.get(soname) ?? []).map((o) => o.package.name);
    const virtual = providers.length > 0 ? [soname] : [];
    return [...new Set([...shipping, ...providers, ...virtual])].sort();
  }

  /** Whether every build host has the package (Essential, build-essential and what they need). */
  preinstalled(name: string): boolean {
    return this.preinstalledSet.has(name);
  }
}

/**
 * The epochs of an archive index as the version translation takes them (`EpochLookup`): a name
 * the archive lacks has none.
 */
export function epochsOf(index: ArchiveIndex): EpochLookup {
  return (name) => index.epochOf(name) ?? 0;
}
