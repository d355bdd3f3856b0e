import { singlespecHostMacros } from "./opensuse-host-macros.js";
import type { PythonFlavor, TargetProfile } from "./types.js";

/**
 * Tumbleweed's interpreter flavors as of November 2026, the primary one first: python313 is
 * `%primary_python` (python-rpm-macros' default prjconf; specs still pin it), and `%pythons`
 * builds python313 and python314 (Tumbleweed's binaries since python311 left in mid 2026).
 */
const flavors: readonly PythonFlavor[] = [
  { name: "python313", version: "3.13", fullVersion: "3.13.15" },
  { name: "python314", version: "3.14", fullVersion: "3.14.7" },
];

const primary = flavors[0] as PythonFlavor;
const sitelib = `/usr/lib/python${primary.version}/site-packages`;
const sitearch = `/usr/lib64/python${primary.version}/site-packages`;

/**
 * openSUSE Tumbleweed, a rolling release, after openSUSE's Python packaging guidelines: a
 * singlespec `python-<name>` spec building `python313-<name>` and `python314-<name>`, relations
 * written `python-<name>` and renamed per flavor, no dist tag (the build service sets Release).
 * Markers and `cp3X` tags are decided for the primary flavor. glibc is at least 2.43 (the
 * manylinux floor errs on the safe side: a newer glibc only admits more wheels). Tumbleweed's
 * i586 packages are no longer a primary architecture, so i686 wheels are not accepted.
 */
export const opensuse: TargetProfile = {
  id: "opensuse",
  name: "openSUSE Tumbleweed",
  family: "rpm",
  python: { version: primary.version, fullVersion: primary.fullVersion },
  glibc: "2.43",
  paths: {
    purelib: sitelib,
    platlib: sitearch,
    scripts: "/usr/bin",
    data: "/usr",
    headers: `/usr/include/python${primary.version}`,
  },
  architectures: {
    x86_64: "x86_64",
    aarch64: "aarch64",
    ppc64le: "ppc64le",
    s390x: "s390x",
    armv7l: "armv7hl",
    riscv64: "riscv64",
  },
  noarch: "noarch",
  naming: { source: "python-", binary: `${primary.name}-` },
  rpm: {
    // openSUSE specs carry no dist tag; an empty macro body is spelled %{nil} in a macro file.
    distTag: "%{nil}",
    // A rolling release: its repositories name no $releasever, so this only labels it for dnf.
    releaseVersion: "tumbleweed",
    specStyle: "opensuse",
    dependencyStyle: "singlespec",
    extrasSubpackages: false,
    flavors,
    hostMacros: singlespecHostMacros(primary, sitelib, sitearch),
  },
};
