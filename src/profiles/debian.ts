import type { TargetProfile } from "./types.js";

const distPackages = "/usr/lib/python3/dist-packages";

/** Wheel platform machines and Debian's names for them (`dpkg-architecture -qDEB_HOST_ARCH`). */
const debianNames = {
  x86_64: "amd64",
  aarch64: "arm64",
  i686: "i386",
  ppc64le: "ppc64el",
  s390x: "s390x",
  armv7l: "armhf",
  riscv64: "riscv64",
} as const;

type WheelMachine = keyof typeof debianNames;

/** What sets one Debian-family release apart from another. */
interface DebianRelease {
  id: string;
  name: string;
  /** Python `X.Y` and its patch level in the release. */
  python: string;
  patch: number;
  glibc: string;
  suite: string;
  /** The Debian Policy version the release's tools (lintian) know, `X.Y.Z`. */
  standardsVersion: string;
  /** The wheel machines whose Debian architecture the release builds python3 for. */
  machines: readonly WheelMachine[];
}

function debianLike(release: DebianRelease): TargetProfile {
  const { python } = release;
  return {
    id: release.id,
    name: release.name,
    family: "deb",
    python: { version: python, fullVersion: `${python}.${release.patch}` },
    glibc: release.glibc,
    paths: {
      purelib: distPackages,
      platlib: distPackages,
      scripts: "/usr/bin",
      data: "/usr",
      headers: `/usr/include/python${python}`,
    },
    architectures: Object.fromEntries(release.machines.map((m) => [m, debianNames[m]])),
    noarch: "all",
    naming: { source: "python-", binary: "python3-" },
    deb: { suite: release.suite, debhelperCompat: 13, standardsVersion: release.standardsVersion },
  };
}

/**
 * Debian 12 "bookworm": Python 3.11.2, glibc 2.36, Policy 4.6.2. riscv64 is not a bookworm
 * architecture (it became official with trixie).
 */
export const debian12 = debianLike({
  id: "debian-12",
  name: "Debian 12 (bookworm)",
  python: "3.11",
  patch: 2,
  glibc: "2.36",
  suite: "bookworm",
  standardsVersion: "4.6.2",
  machines: ["x86_64", "aarch64", "i686", "ppc64le", "s390x", "armv7l"],
});

/**
 * Debian 13 "trixie" (August 2025): Python 3.13.5, glibc 2.41, Policy 4.7.2, debhelper compat
 * 13 (14 is still experimental there). riscv64 is a release architecture; i386 is kept in the
 * archive (python3 included) though no longer installable on its own.
 */
export const debian13 = debianLike({
  id: "debian-13",
  name: "Debian 13 (trixie)",
  python: "3.13",
  patch: 5,
  glibc: "2.41",
  suite: "trixie",
  standardsVersion: "4.7.2",
  machines: ["x86_64", "aarch64", "i686", "ppc64le", "s390x", "armv7l", "riscv64"],
});

/**
 * Ubuntu 24.04 LTS "noble": Python 3.12.3, glibc 2.39, debian-policy 4.6.2.1 (noble froze
 * before 4.7.0 was released). i386 carries only a compatibility subset without python3.
 */
export const ubuntu2404 = debianLike({
  id: "ubuntu-24.04",
  name: "Ubuntu 24.04 LTS (noble)",
  python: "3.12",
  patch: 3,
  glibc: "2.39",
  suite: "noble",
  standardsVersion: "4.6.2",
  machines: ["x86_64", "aarch64", "ppc64le", "s390x", "armv7l", "riscv64"],
});
