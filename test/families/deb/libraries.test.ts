/**
 * The Build-Depends of the system libraries a platform wheel links, over what bookworm's own
 * wheels link (test/integration/debian-wheels.test.ts builds them): an archive index given as
 * data, soname → the packages bookworm's Contents says ship it.
 */
import { describe, expect, it } from "vitest";
import { UnsupportedWheelError } from "../../../src/errors.js";
import { libraryNeeds, shlibsKey } from "../../../src/families/deb/libraries.js";
import type { InstalledFile } from "../../../src/targets/common/files.js";
import type { PlanArchive, SetLibraries } from "../../../src/targets/types.js";

/** What bookworm's Contents and Packages say of the sonames below. */
const shipping: Record<string, string[]> = {
  "libc.so.6": ["libc6"],
  "libxml2.so.2": ["libxml2"],
  "libxslt.so.1": ["libxslt1.1"],
  "libexslt.so.0": ["libxslt1.1"],
  // Behind alternatives: every BLAS implementation ships it in a directory of its own and
  // provides the virtual package named after it.
  "libblas.so.3": [
    "libatlas3-base",
    "libblas.so.3",
    "libblas3",
    "libblis4-openmp",
    "libblis4-pthread",
    "libblis4-serial",
    "libopenblas0-openmp",
    "libopenblas0-pthread",
  ],
  "libsnappy.so.1": ["libsnappy1v5"],
};

const bookworm: PlanArchive = {
  librariesOf: (soname) => shipping[soname] ?? [],
  preinstalled: (name) => name === "libc6",
  describe: () => "debian-12 archive index",
  package: () => undefined,
};

/** A wheel's facts with these ELF files, each needing its sonames. */
function wheelNeeding(needs: Record<string, string[]>, others: string[] = []) {
  const file = (path: string, needed: string[] | null): InstalledFile => ({
    scheme: "platlib",
    path,
    executable: false,
    license: false,
    shebang: false,
    digest: null,
    size: 100,
    elf:
      needed === null
        ? null
        : { type: "shared", needed, runpath: [], rpath: [], symbols: false, signatures: null },
    findings: [],
  });
  return {
    files: [
      ...Object.entries(needs).map(([path, needed]) => file(path, needed)),
      ...others.map((path) => file(path, [])),
    ],
    wheel: {
      filename: "demo-1.0-cp311-cp311-manylinux_2_36_x86_64.whl",
      path: "/tmp/demo.whl",
      sha256: "",
      distInfoDir: "demo-1.0.dist-info",
    },
  };
}

describe("libraryNeeds", () => {
  it("names a package once when it ships several of the sonames (lxml: libxslt1.1)", () => {
    const needs = libraryNeeds(
      wheelNeeding({
        "lxml/etree.so": ["libexslt.so.0", "libxml2.so.2", "libxslt.so.1", "libc.so.6"],
        "lxml/objectify.so": ["libexslt.so.0", "libxslt.so.1", "libxml2.so.2"],
      }),
      bookworm,
    );
    expect(needs.relations).toEqual(["libxslt1.1", "libxml2"]);
    // Each soname is still reported with the package that ships it.
    expect(needs.diagnostics.map((d) => d.message.split(" ")[0])).toEqual([
      "libexslt.so.0",
      "libxml2.so.2",
      "libxslt.so.1",
    ]);
  });

  it("leaves out what every build host has, and what the wheel ships itself", () => {
    const needs = libraryNeeds(
      wheelNeeding({ "demo/_mod.so": ["libc.so.6", "libgfortran-040039e1.so.5.0.0"] }, [
        "demo.libs/libgfortran-040039e1.so.5.0.0",
      ]),
      bookworm,
    );
    expect(needs.relations).toEqual([]);
  });

  it("puts the package named after the soname first, and the virtual package last (numpy: libblas.so.3)", () => {
    const needs = libraryNeeds(wheelNeeding({ "numpy/_umath.so": ["libblas.so.3"] }), bookworm);
    // A host whose BLAS is libopenblas0-pthread, which the first four leave out, has it too.
    expect(needs.relations).toEqual([
      "libblas3 | libatlas3-base | libblis4-openmp | libblis4-serial | libblas.so.3",
    ]);
  });

  it("takes the package Debian renamed for an ABI change as it is (libsnappy1v5)", () => {
    const needs = libraryNeeds(wheelNeeding({ "snappy/_snappy.so": ["libsnappy.so.1"] }), bookworm);
    expect(needs.relations).toEqual(["libsnappy1v5"]);
  });

  it("refuses a soname no package ships, naming it and the file that needs it", () => {
    expect(() =>
      libraryNeeds(wheelNeeding({ "demo/_x.so": ["libnowhere.so.7"] }), bookworm),
    ).toThrow(UnsupportedWheelError);
    expect(() =>
      libraryNeeds(wheelNeeding({ "demo/_x.so": ["libnowhere.so.7"] }), bookworm),
    ).toThrow(/ships the library libnowhere\.so\.7 \(needed by demo\/_x\.so\)/);
  });
});

/** What a batch's other wheels ship: cmeel-boost's libraries, as its package offers them. */
const cmeelBoost: SetLibraries = {
  shippedBy: (soname) =>
    ["libboost_python311.so.1.90.0", "libc.so.6", "libcoal.so"].includes(soname)
      ? {
          soname,
          project: "cmeel-boost",
          wheel: "cmeel_boost-1.90.0-0-cp311-cp311-manylinux_2_28_x86_64.whl",
          path: `cmeel.prefix/lib/${soname}`,
          package: "python3-cmeel-boost",
          version: "1.90.0",
        }
      : undefined,
};
const set = { libraries: cmeelBoost, epochOf: () => 0 };

describe("libraryNeeds with the libraries of a batch", () => {
  it("takes a soname another wheel of the batch ships from that wheel's package", () => {
    const needs = libraryNeeds(
      wheelNeeding({ "eigenpy/_pywrap.so": ["libboost_python311.so.1.90.0", "libxml2.so.2"] }),
      bookworm,
      set,
    );
    expect(needs.relations).toEqual(["libxml2", "python3-cmeel-boost (>= 1.90.0)"]);
    // The build host needs the archive's package; the batch builds its own.
    expect(needs.hostNeeds).toEqual(["libxml2"]);
    expect(needs.depends).toEqual(["python3-cmeel-boost (>= 1.90.0)"]);
    expect(needs.shlibsLocal).toEqual([
      "libboost_python311 1.90.0 python3-cmeel-boost (>= 1.90.0)",
    ]);
    expect(needs.setLibraries.map((l) => l.soname)).toEqual(["libboost_python311.so.1.90.0"]);
    expect(needs.diagnostics.map((d) => d.code)).toEqual([
      "library-build-depends",
      "library-from-set",
    ]);
  });

  it("keeps what every build host has from the archive, though a wheel of the batch ships it", () => {
    const needs = libraryNeeds(wheelNeeding({ "demo/_x.so": ["libc.so.6"] }), bookworm, set);
    expect(needs.depends).toEqual([]);
    expect(needs.relations).toEqual([]);
  });

  it("depends on the provider of an unversioned soname, which no shlibs line can name", () => {
    const needs = libraryNeeds(wheelNeeding({ "coal/_pywrap.so": ["libcoal.so"] }), bookworm, set);
    expect(needs.depends).toEqual(["python3-cmeel-boost (>= 1.90.0)"]);
    expect(needs.shlibsLocal).toEqual([]);
  });

  it("resolves the batch's libraries without an archive index, and looks nothing else up", () => {
    const needs = libraryNeeds(
      wheelNeeding({ "eigenpy/_pywrap.so": ["libboost_python311.so.1.90.0", "libnowhere.so.7"] }),
      undefined,
      set,
    );
    expect(needs.depends).toEqual(["python3-cmeel-boost (>= 1.90.0)"]);
    expect(needs.hostNeeds).toEqual([]);
  });

  it("refuses a soname neither the archive nor the batch ships, saying both were asked", () => {
    expect(() =>
      libraryNeeds(wheelNeeding({ "demo/_x.so": ["libnowhere.so.7"] }), bookworm, set),
    ).toThrow(
      /ships the library libnowhere\.so\.7 \(needed by demo\/_x\.so\), nor does another wheel of the batch/,
    );
  });
});

describe("shlibsKey", () => {
  it.each([
    ["libfoo.so.1", "libfoo 1"],
    ["libboost_python311.so.1.90.0", "libboost_python311 1.90.0"],
    ["libfoo-1.2.so", "libfoo 1.2"],
    ["libcoal.so", null],
    ["lib$(x).so.1", null],
  ])("splits %s as dpkg-shlibdeps does", (soname, key) => {
    expect(shlibsKey(soname)).toBe(key);
  });
});
