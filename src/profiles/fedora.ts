import type { TargetProfile } from "./types.js";

const python = "3.14";
const sitelib = `/usr/lib/python${python}/site-packages`;
const sitearch = `/usr/lib64/python${python}/site-packages`;

/** Fedora, current release (Fedora 44: Python 3.14, glibc 2.43). */
export const fedora: TargetProfile = {
  id: "fedora",
  name: "Fedora 44",
  family: "rpm",
  python: { version: python, fullVersion: `${python}.0` },
  glibc: "2.43",
  paths: {
    purelib: sitelib,
    platlib: sitearch,
    scripts: "/usr/bin",
    data: "/usr",
    headers: `/usr/include/python${python}`,
  },
  architectures: {
    x86_64: "x86_64",
    aarch64: "aarch64",
    ppc64le: "ppc64le",
    s390x: "s390x",
    i686: "i686",
    armv7l: "armv7hl",
    riscv64: "riscv64",
  },
  noarch: "noarch",
  naming: { source: "python-", binary: "python3-" },
  rpm: {
    distTag: ".fc44",
    hostMacros: {
      python3: "/usr/bin/python3",
      python3_version: python,
      python3_version_nodots: python.replace(".", ""),
      python3_sitelib: sitelib,
      python3_sitearch: sitearch,
      python3_includedir: `/usr/include/python${python}`,
      // The build host cannot byte-compile for the target's Python: list sources only there.
      "pycached()": "%{*}",
      __brp_python_bytecompile: "%{nil}",
      __python: "/usr/bin/python3",
    },
  },
};
