/** Package format family of a target. */
export type TargetFamily = "rpm" | "deb";

/** Install locations of a target's system Python (absolute paths). */
export interface InstallPaths {
  purelib: string;
  platlib: string;
  scripts: string;
  /** Prefix for `.data/data/` (the wheel's `data` scheme), normally `/usr`. */
  data: string;
  /** Directory under which `.data/headers/` go; the distribution name is appended. */
  headers: string;
}

/**
 * A target distribution, declared as data (never guessed from the host): its Python, paths,
 * architecture names, naming and dependency style. See DESIGN.md "Target profiles are data".
 */
export interface TargetProfile {
  /** Short stable id, e.g. `fedora`, `debian-12`. */
  id: string;
  /** Human name, e.g. `Fedora 44`. */
  name: string;
  family: TargetFamily;
  python: {
    /** `X.Y` */
    version: string;
    /** `X.Y.Z`, for `python_full_version` markers. */
    fullVersion: string;
  };
  /** glibc version `X.Y`, the floor for manylinux tags. */
  glibc: string;
  paths: InstallPaths;
  /** Wheel platform machine (`x86_64`, `aarch64`, …) → the distro's architecture name. */
  architectures: Readonly<Record<string, string>>;
  /** The distro's name for an architecture-independent package. */
  noarch: string;
  /** Package naming. */
  naming: {
    /** Source package prefix: `python-` (Fedora SRPM, Debian source). */
    source: string;
    /** Binary package prefix: `python3-`. */
    binary: string;
  };
  /** Distribution-specific fields used by the family's renderer. */
  rpm?: {
    /** `%{?dist}`-style suffix shown in examples; the spec uses `%{?dist}` itself. */
    distTag: string;
    /**
     * Macro values that the target distro defines and a foreign build host may lack
     * (`python3_sitelib`, …). Passed to rpmbuild only when building on another host.
     */
    hostMacros: Readonly<Record<string, string>>;
  };
  deb?: {
    /** Suite for debian/changelog, e.g. `bookworm`. */
    suite: string;
    debhelperCompat: number;
    standardsVersion: string;
  };
}
