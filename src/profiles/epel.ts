import { fedoraStyleProfile } from "./fedora.js";

/**
 * RHEL 9 with EPEL 9 (and its rebuilds: CentOS Stream 9, Alma, Rocky): Python 3.9, glibc 2.34,
 * rpm 4.16. It follows Fedora's guidelines as of its 2021 fork, and nothing in the spec
 * wheel2pkg writes needs more: rich dependencies (rpm 4.13+), `^` in versions (rpm 4.15+),
 * `%pycached` and `%py3_incdir` (python-rpm-macros), `python3-installer` (EPEL 9).
 *
 * Its dependency generator (python-rpm-generators 12, forked from Fedora before the October
 * 2021 pythondistdeps update) may also write looser duplicates of `<`, `>` and `!=X.*` clauses
 * from the installed METADATA; a package's Requires all hold at once, so the relations written
 * in the spec still decide. It also provides both the PEP 503 name and the legacy dotted name
 * (`python3dist(ruamel.yaml)` and `python3dist(ruamel-yaml)`), so PEP 503 relations resolve.
 *
 * EPEL 9 builds for x86_64, aarch64, ppc64le and s390x only. Its pyproject-rpm-macros (RHEL 9's
 * CRB) are not shown to know `%pyproject_save_files -l` (pyproject-rpm-macros 1.11, 2023): specs
 * for it do not assert their License-File, which is marked `%license` either way.
 */
export const epel9 = fedoraStyleProfile({
  id: "epel-9",
  name: "RHEL 9 + EPEL 9",
  python: "3.9",
  patch: 25,
  glibc: "2.34",
  distTag: ".el9",
  releaseVersion: "9",
  architectures: { x86_64: "x86_64", aarch64: "aarch64", ppc64le: "ppc64le", s390x: "s390x" },
  assertLicenseFiles: false,
});
