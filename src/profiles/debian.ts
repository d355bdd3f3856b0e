import type { TargetProfile } from "./types.js";

const distPackages = "/usr/lib/python3/dist-packages";

/** Debian's architecture names for wheel platform machines. */
const debianArchitectures = {
  x86_64: "amd64",
  aarch64: "arm64",
  i686: "i386",
  ppc64le: "ppc64el",
  s390x: "s390x",
  armv7l: "armhf",
  riscv64: "riscv64",
} as const;

function debianLike(
  id: string,
  name: string,
  python: string,
  patch: number,
  glibc: string,
  suite: string,
  standardsVersion: string,
): TargetProfile {
  return {
    id,
    name,
    family: "deb",
    python: { version: python, fullVersion: `${python}.${patch}` },
    glibc,
    paths: {
      purelib: distPackages,
      platlib: distPackages,
      scripts: "/usr/bin",
      data: "/usr",
      headers: `/usr/include/python${python}`,
    },
    architectures: debianArchitectures,
    noarch: "all",
    naming: { source: "python-", binary: "python3-" },
    deb: { suite, debhelperCompat: 13, standardsVersion },
  };
}

/** Debian 12 "bookworm": Python 3.11, glibc 2.36. */
export const debian12 = debianLike(
  "debian-12",
  "Debian 12 (bookworm)",
  "3.11",
  2,
  "2.36",
  "bookworm",
  "4.6.2",
);
