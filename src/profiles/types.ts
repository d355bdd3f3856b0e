/** Package format family of a target. */
export type TargetFamily = "rpm" | "deb";

/**
 * The Python packaging guidelines an RPM spec follows: Fedora's (Fedora and EPEL: one
 * `python3-<name>` package, explicit `%files`) or openSUSE's singlespec (`%python_subpackages`
 * builds one `python3XY-<name>` package per interpreter flavor).
 */
export type RpmSpecStyle = "fedora" | "opensuse";

/**
 * How a requirement is named in an RPM relation: `python3dist(<PEP 503 name>)`, the capability
 * Fedora's and EPEL's dependency generator provides; or `python-<name>`, which openSUSE's
 * singlespec macros rename to each flavor's package (`python313-<name>`).
 */
export type RpmDependencyStyle = "python3dist" | "singlespec";

/** One Python interpreter flavor of a distribution that packages several side by side. */
export interface PythonFlavor {
  /** Flavor name as the distro's macros spell it, e.g. `python313`. */
  name: string;
  /** `X.Y` */
  version: string;
  /** `X.Y.Z`, for `python_full_version` markers. */
  fullVersion: string;
}

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
 * architecture names, naming and dependency style (docs/architecture.md, "Add a target").
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
  /** Python project → distro name where this distro departs from its usual naming rule. */
  nameExceptions?: Readonly<Record<string, string>>;
  /** Distribution-specific fields used by the family's renderer. */
  rpm?: {
    /** `%{?dist}`-style suffix shown in examples; the spec uses `%{?dist}` itself. */
    distTag: string;
    /** What the target's repositories call its release (`$releasever`: `45`, `rawhide`, `9`). */
    releaseVersion: string;
    /**
     * Macro values that the target distro defines and a foreign build host may lack
     * (`python3_sitelib`, …), and stand-ins for the distro's own macros (openSUSE's
     * singlespec macros). Passed to rpmbuild only when building on another host.
     */
    hostMacros: Readonly<Record<string, string>>;
    /**
     * The target distribution's own Python macro files and dependency generators, pinned under
     * `data/` (`rpm/fedora`) and laid out as under its `%{_rpmconfigdir}`. A foreign build host
     * runs them in place of stand-ins; `hostMacros` then only sets what the host's interpreter
     * would answer wrongly for the target (its version, its paths).
     */
    hostMacroFiles?: string;
    /**
     * Whether the target's `%pyproject_save_files` takes `-l`, which fails the build when the
     * wheel's declared License-File is not found (pyproject-rpm-macros 1.11, September 2023).
     */
    assertLicenseFiles?: boolean;
    /** Which distribution's Python packaging guidelines the spec follows. */
    specStyle: RpmSpecStyle;
    /** How a Requires-Dist line is written as a relation in the spec. */
    dependencyStyle: RpmDependencyStyle;
    /**
     * Whether extras become `python3-<name>+<extra>` metapackages, as Fedora's
     * `%pyproject_extras_subpkg` makes them (Fedora, EPEL). Otherwise extras' relations are
     * suggested by the main package.
     */
    extrasSubpackages: boolean;
    /**
     * The interpreter flavors a singlespec spec builds for (openSUSE's `%pythons`), the primary
     * flavor (the one `python.version` describes) first.
     */
    flavors?: readonly PythonFlavor[];
  };
  deb?: {
    /** Suite for debian/changelog, e.g. `bookworm`. */
    suite: string;
    debhelperCompat: number;
    standardsVersion: string;
  };
}
