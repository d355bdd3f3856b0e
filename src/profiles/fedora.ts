import type { TargetProfile } from "./types.js";

/** What sets one Fedora-guidelines distribution release apart from another. */
export interface FedoraStyleRelease {
  id: string;
  name: string;
  /** Python `X.Y` and its patch level (`X.Y.Z` for `python_full_version` markers). */
  python: string;
  patch: number;
  glibc: string;
  distTag: string;
  /** `$releasever` in the release's repository configuration. */
  releaseVersion: string;
  /** Wheel platform machine → RPM architecture, for the architectures the release builds. */
  architectures: Readonly<Record<string, string>>;
  /** Whether its pyproject-rpm-macros know `%pyproject_save_files -l` (1.11, 2023, on). */
  assertLicenseFiles: boolean;
}

/**
 * A profile that follows Fedora's Python packaging guidelines (Fedora, EPEL): site-packages
 * under `/usr/lib` and `/usr/lib64`, SRPM `python-<name>` building `python3-<name>`, relations
 * on the `python3dist()` capability that python-rpm-generators provides, extras as
 * `python3-<name>+<extra>` metapackages.
 */
export function fedoraStyleProfile(release: FedoraStyleRelease): TargetProfile {
  const { python } = release;
  const sitelib = `/usr/lib/python${python}/site-packages`;
  const sitearch = `/usr/lib64/python${python}/site-packages`;
  return {
    id: release.id,
    name: release.name,
    family: "rpm",
    python: { version: python, fullVersion: `${python}.${release.patch}` },
    glibc: release.glibc,
    paths: {
      purelib: sitelib,
      platlib: sitearch,
      scripts: "/usr/bin",
      data: "/usr",
      headers: `/usr/include/python${python}`,
    },
    architectures: release.architectures,
    noarch: "noarch",
    naming: { source: "python-", binary: "python3-" },
    rpm: {
      distTag: release.distTag,
      releaseVersion: release.releaseVersion,
      specStyle: "fedora",
      dependencyStyle: "python3dist",
      extrasSubpackages: true,
      hostMacroFiles: "rpm/fedora",
      assertLicenseFiles: release.assertLicenseFiles,
      // What Fedora's macros ask the running interpreter, answered for the target's: this
      // host's python3 has another version and another install layout.
      hostMacros: {
        python3_version: python,
        python3_version_nodots: python.replace(".", ""),
        python3_sitelib: sitelib,
        python3_sitearch: sitearch,
        python3_cache_tag: `cpython-${python.replace(".", "")}`,
        // `-P` in scripts' #! lines exists from Python 3.11 on (`sys.flags.safe_path`).
        _py3_shebang_P: Number(python.split(".")[1]) >= 11 ? "P" : "%{nil}",
        // The release's main Python: pythondistdeps provides python3dist() for it.
        __default_python3_version: python,
      },
    },
  };
}

/**
 * Fedora's primary architectures and the alternative ones its build system also serves.
 * ARMv7 (`armv7hl`) is gone since Fedora 37; i686 remains for multilib.
 */
const fedoraArchitectures = {
  x86_64: "x86_64",
  aarch64: "aarch64",
  ppc64le: "ppc64le",
  s390x: "s390x",
  i686: "i686",
  riscv64: "riscv64",
} as const;

/**
 * Fedora, current release: Fedora 45 (released October 2026), whose main Python is 3.15
 * (python3-3.15.2 in fc45 updates) on glibc 2.44.
 */
export const fedora = fedoraStyleProfile({
  id: "fedora",
  name: "Fedora 45",
  python: "3.15",
  patch: 2,
  glibc: "2.44",
  distTag: ".fc45",
  releaseVersion: "45",
  architectures: fedoraArchitectures,
  assertLicenseFiles: true,
});

/**
 * Fedora Rawhide, the development tree (Fedora 46 since Fedora 45 branched in August 2026):
 * Python 3.15 until 3.16 replaces it; glibc 2.44.9000 snapshots, so 2.44 is the manylinux floor.
 */
export const fedoraRawhide = fedoraStyleProfile({
  id: "fedora-rawhide",
  name: "Fedora Rawhide (46)",
  python: "3.15",
  patch: 2,
  glibc: "2.44",
  distTag: ".fc46",
  releaseVersion: "rawhide",
  architectures: fedoraArchitectures,
  assertLicenseFiles: true,
});
