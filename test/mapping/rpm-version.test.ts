import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import {
  rpmPackageRelations,
  rpmPackageVersion,
  rpmRelations,
  rpmVersion,
} from "../../src/mapping/rpm-version.js";
import { clauses } from "../helpers/pep440-oracle.js";

const codes = (requirement: { diagnostics: { code: string }[] }): string[] =>
  [...new Set(requirement.diagnostics.map((d) => d.code))].sort();

describe("rpmRelations", () => {
  // pythondistdeps test-data: tests/data/scripts_pythondistdeps/test-data.yaml of
  // python-rpm-generators, case "pyreq2rpm.tests-2020.04.07.024-py3.9.egg-info" (requires from
  // its requires.txt, `python3.9dist` written as `python3dist` here).
  it.each([
    ["foobar0", "~=2.4.8", "(python3dist(foobar0) >= 2.4.8 with python3dist(foobar0) < 2.5)"],
    ["foobar1", "~=2.4.8.0", "(python3dist(foobar1) >= 2.4.8 with python3dist(foobar1) < 2.4.9)"],
    ["foobar2", "~=2.4.8.1", "(python3dist(foobar2) >= 2.4.8.1 with python3dist(foobar2) < 2.4.9)"],
    ["foobar4", "~=2.0", "(python3dist(foobar4) >= 2 with python3dist(foobar4) < 3)"],
    ["foobar7", "~=2.4.8b5", "(python3dist(foobar7) >= 2.4.8~b5 with python3dist(foobar7) < 2.5)"],
    ["foobar8", "~=2.0.0b5", "(python3dist(foobar8) >= 2~b5 with python3dist(foobar8) < 2.1)"],
    [
      "foobar9",
      "~=2.4.8.post1",
      "(python3dist(foobar9) >= 2.4.8^post1 with python3dist(foobar9) < 2.5)",
    ],
    [
      "foobar10",
      "~=2.0.post1",
      "(python3dist(foobar10) >= 2^post1 with python3dist(foobar10) < 3)",
    ],
    ["foobar11", "==2.4.8", "python3dist(foobar11) = 2.4.8"],
    ["foobar12", "==2.4.8.0", "python3dist(foobar12) = 2.4.8"],
    ["foobar13", "==2.4.8.1", "python3dist(foobar13) = 2.4.8.1"],
    [
      "foobar14",
      "==2.4.8.*",
      "(python3dist(foobar14) >= 2.4.8 with python3dist(foobar14) < 2.4.9)",
    ],
    ["foobar15", "==2.0", "python3dist(foobar15) = 2"],
    ["foobar16", "==2", "python3dist(foobar16) = 2"],
    ["foobar17", "==2.*", "(python3dist(foobar17) >= 2 with python3dist(foobar17) < 3)"],
    ["foobar18", "==2.4.8b5", "python3dist(foobar18) = 2.4.8~b5"],
    ["foobar19", "==2.0.0b5", "python3dist(foobar19) = 2~b5"],
    ["foobar20", "==2.4.8.post1", "python3dist(foobar20) = 2.4.8^post1"],
    ["foobar21", "==2.0.post1", "python3dist(foobar21) = 2^post1"],
    ["foobar22", "===2.4.8", "python3dist(foobar22) = 2.4.8"],
    ["foobar23", "===2.4.8.0", "python3dist(foobar23) = 2.4.8"],
    ["foobar24", "===2.4.8.1", "python3dist(foobar24) = 2.4.8.1"],
    ["foobar26", "===2.0", "python3dist(foobar26) = 2"],
    ["foobar27", "===2", "python3dist(foobar27) = 2"],
    ["foobar29", "===2.4.8b5", "python3dist(foobar29) = 2.4.8~b5"],
    ["foobar30", "===2.0.0b5", "python3dist(foobar30) = 2~b5"],
    ["foobar31", "===2.4.8.post1", "python3dist(foobar31) = 2.4.8^post1"],
    ["foobar32", "===2.0.post1", "python3dist(foobar32) = 2^post1"],
    ["foobar33", "!=2.4.8", "(python3dist(foobar33) < 2.4.8 or python3dist(foobar33) > 2.4.8)"],
    ["foobar34", "!=2.4.8.0", "(python3dist(foobar34) < 2.4.8 or python3dist(foobar34) > 2.4.8)"],
    [
      "foobar35",
      "!=2.4.8.1",
      "(python3dist(foobar35) < 2.4.8.1 or python3dist(foobar35) > 2.4.8.1)",
    ],
    [
      "foobar36",
      "!=2.4.8.*",
      "(python3dist(foobar36) < 2.4.8~~ or python3dist(foobar36) >= 2.4.9)",
    ],
    ["foobar37", "!=2.0", "(python3dist(foobar37) < 2 or python3dist(foobar37) > 2)"],
    ["foobar38", "!=2", "(python3dist(foobar38) < 2 or python3dist(foobar38) > 2)"],
    ["foobar39", "!=2.*", "(python3dist(foobar39) < 2~~ or python3dist(foobar39) >= 3)"],
    [
      "foobar40",
      "!=2.4.8b5",
      "(python3dist(foobar40) < 2.4.8~b5 or python3dist(foobar40) > 2.4.8~b5)",
    ],
    ["foobar41", "!=2.0.0b5", "(python3dist(foobar41) < 2~b5 or python3dist(foobar41) > 2~b5)"],
    [
      "foobar42",
      "!=2.4.8.post1",
      "(python3dist(foobar42) < 2.4.8^post1 or python3dist(foobar42) > 2.4.8^post1)",
    ],
    [
      "foobar43",
      "!=2.0.post1",
      "(python3dist(foobar43) < 2^post1 or python3dist(foobar43) > 2^post1)",
    ],
    ["foobar44", "<=2.4.8", "python3dist(foobar44) <= 2.4.8"],
    ["foobar45", "<=2.4.8.0", "python3dist(foobar45) <= 2.4.8"],
    ["foobar46", "<=2.4.8.1", "python3dist(foobar46) <= 2.4.8.1"],
    ["foobar48", "<=2.0", "python3dist(foobar48) <= 2"],
    ["foobar49", "<=2", "python3dist(foobar49) <= 2"],
    ["foobar51", "<=2.4.8b5", "python3dist(foobar51) <= 2.4.8~b5"],
    ["foobar52", "<=2.0.0b5", "python3dist(foobar52) <= 2~b5"],
    ["foobar53", "<=2.4.8.post1", "python3dist(foobar53) <= 2.4.8^post1"],
    ["foobar54", "<=2.0.post1", "python3dist(foobar54) <= 2^post1"],
    ["foobar55", "<2.4.8", "python3dist(foobar55) < 2.4.8~~"],
    ["foobar56", "<2.4.8.0", "python3dist(foobar56) < 2.4.8~~"],
    ["foobar57", "<2.4.8.1", "python3dist(foobar57) < 2.4.8.1~~"],
    ["foobar59", "<2.0", "python3dist(foobar59) < 2~~"],
    ["foobar60", "<2", "python3dist(foobar60) < 2~~"],
    ["foobar62", "<2.4.8b5", "python3dist(foobar62) < 2.4.8~b5"],
    ["foobar63", "<2.0.0b5", "python3dist(foobar63) < 2~b5"],
    ["foobar64", "<2.4.8.post1", "python3dist(foobar64) < 2.4.8^post1"],
    ["foobar65", "<2.0.post1", "python3dist(foobar65) < 2^post1"],
    ["foobar66", ">=2.4.8", "python3dist(foobar66) >= 2.4.8"],
    ["foobar67", ">=2.4.8.0", "python3dist(foobar67) >= 2.4.8"],
    ["foobar68", ">=2.4.8.1", "python3dist(foobar68) >= 2.4.8.1"],
    ["foobar70", ">=2.0", "python3dist(foobar70) >= 2"],
    ["foobar71", ">=2", "python3dist(foobar71) >= 2"],
    ["foobar73", ">=2.4.8b5", "python3dist(foobar73) >= 2.4.8~b5"],
    ["foobar74", ">=2.0.0b5", "python3dist(foobar74) >= 2~b5"],
    ["foobar75", ">=2.4.8.post1", "python3dist(foobar75) >= 2.4.8^post1"],
    ["foobar76", ">=2.0.post1", "python3dist(foobar76) >= 2^post1"],
    ["foobar77", ">2.4.8", "python3dist(foobar77) > 2.4.8.0"],
    ["foobar78", ">2.4.8.0", "python3dist(foobar78) > 2.4.8.0"],
    ["foobar79", ">2.4.8.1", "python3dist(foobar79) > 2.4.8.1.0"],
    ["foobar81", ">2.0", "python3dist(foobar81) > 2.0"],
    ["foobar82", ">2", "python3dist(foobar82) > 2.0"],
    ["foobar84", ">2.4.8b5", "python3dist(foobar84) > 2.4.8~b5"],
    ["foobar85", ">2.0.0b5", "python3dist(foobar85) > 2~b5"],
    ["foobar86", ">2.4.8.post1", "python3dist(foobar86) > 2.4.8^post1"],
    ["foobar87", ">2.0.post1", "python3dist(foobar87) > 2^post1"],
    ["hugo1", "==1.0.0.dev7", "python3dist(hugo1) = 1~~dev7"],
    ["hugo2", "<=8a4", "python3dist(hugo2) <= 8~a4"],
    [
      "hugo3",
      "!=11.1.1b14",
      "(python3dist(hugo3) < 11.1.1~b14 or python3dist(hugo3) > 11.1.1~b14)",
    ],
    ["hugo4", ">11rc0", "python3dist(hugo4) > 11~rc0"],
    ["hugo5", "===11.1.0.post3", "python3dist(hugo5) = 11.1^post3"],
    ["fedora-python-nb2plots", "==0+unknown", "python3dist(fedora-python-nb2plots) = 0"],
    ["pyparsing0", "", "python3dist(pyparsing0)"],
    [
      "pyparsing1",
      ">=2.0.1,!=2.0.4,!=2.1.2,!=2.1.6",
      "((python3dist(pyparsing1) < 2.0.4 or python3dist(pyparsing1) > 2.0.4) with (python3dist(pyparsing1) < 2.1.2 or python3dist(pyparsing1) > 2.1.2) with (python3dist(pyparsing1) < 2.1.6 or python3dist(pyparsing1) > 2.1.6) with python3dist(pyparsing1) >= 2.0.1)",
    ],
    [
      "babel",
      ">=1.3,!=2.0",
      "((python3dist(babel) < 2 or python3dist(babel) > 2) with python3dist(babel) >= 1.3)",
    ],
  ])("pythondistdeps test-data: %s%s", (name, specifiers, expected) => {
    expect(rpmRelations(name, clauses(specifiers)).relations).toEqual([expected]);
  });

  // Not in the test data: what pythondistdeps.convert() of python-rpm-generators 14 answers,
  // run with packaging 26 (epochs, dev releases, combined suffixes, local labels, spellings).
  it.each([
    [">=1!2.0", "python3dist(foo) >= 1:2"],
    ["~=1!2.2", "(python3dist(foo) >= 1:2.2 with python3dist(foo) < 1:3)"],
    ["!=1!2.*", "(python3dist(foo) < 1:2~~ or python3dist(foo) >= 1:3)"],
    [">1!1.0", "python3dist(foo) > 1:1.0"],
    ["<1.0.dev1", "python3dist(foo) < 1~~dev1"],
    [">1.0.dev3", "python3dist(foo) > 1~~dev3"],
    ["~=1.0.0.dev1", "(python3dist(foo) >= 1~~dev1 with python3dist(foo) < 1.1)"],
    [">1.0.post1", "python3dist(foo) > 1^post1"],
    ["==1.0rc1.post1", "python3dist(foo) = 1~rc1"],
    ["==1.0.post1.dev2", "python3dist(foo) = 1~~dev2"],
    ["<1.0rc1.dev2", "python3dist(foo) < 1~rc1"],
    ["<=1.0.post0.dev0", "python3dist(foo) <= 1~~dev0"],
    ["!=1.0+abc", "(python3dist(foo) < 1 or python3dist(foo) > 1)"],
    ["===1.0+abc", "python3dist(foo) = 1"],
    ["==1.0a", "python3dist(foo) = 1~a0"],
    [">=1.0-1", "python3dist(foo) >= 1^post1"],
    ["<1.0.0.0", "python3dist(foo) < 1~~"],
    ["==0.0.*", "(python3dist(foo) >= 0 with python3dist(foo) < 0.1)"],
  ])("pythondistdeps convert(): %s", (specifiers, expected) => {
    expect(rpmRelations("foo", clauses(specifiers)).relations).toEqual([expected]);
  });

  it("writes one relation per extra, lower case, after the project's own", () => {
    // pythondistdeps test-data: `dnspython[DNSSEC]` → python3.9dist(dnspython) and
    // python3.9dist(dnspython[dnssec]) (--require-extras-subpackages, as Fedora runs it).
    expect(rpmRelations("dnspython", [], ["DNSSEC"]).relations).toEqual([
      "python3dist(dnspython)",
      "python3dist(dnspython[dnssec])",
    ]);
    expect(rpmRelations("foo", clauses(">=1.2"), ["b", "a"]).relations).toEqual([
      "python3dist(foo) >= 1.2",
      "python3dist(foo[a]) >= 1.2",
      "python3dist(foo[b]) >= 1.2",
    ]);
  });

  it("skips a clause written twice, as pythondistdeps does", () => {
    expect(rpmRelations("foo", clauses(">=1.0,>=1.0")).relations).toEqual([
      "python3dist(foo) >= 1",
    ]);
    // packaging 26 keeps both clauses; pythondistdeps compares them as written.
    expect(rpmRelations("foo", clauses(">=1.0,>=1.0.0")).relations).toEqual([
      "(python3dist(foo) >= 1 with python3dist(foo) >= 1)",
    ]);
  });

  it.each([
    ["~=2.2", ["rpm-upper-bound-prereleases"]],
    ["==2.*", ["rpm-upper-bound-prereleases", "rpm-wildcard-prereleases"]],
    ["!=2.*", ["rpm-wildcard-prereleases"]],
    ["==1.0+abc", ["local-version-ignored"]],
    ["==1.0rc1.post1", ["rpm-suffix-collapsed"]],
    ["===1.0", ["arbitrary-equality-as-pin"]],
    [">=1.0,<2,!=1.5", []],
  ])("%s: diagnostics %j", (specifiers, expected) => {
    expect(codes(rpmRelations("foo", clauses(specifiers)))).toEqual(expected);
  });

  it.each([
    ["~=2", "invalid-specifier"],
    [">=1.*", "invalid-specifier"],
    ["==1.0rc1.*", "invalid-specifier"],
    ["<1.0+abc", "invalid-specifier"],
    ["==not-a-version", "invalid-specifier"],
    ["===foobar", "arbitrary-equality-untranslatable"],
  ])("%s is left out with an error", (specifiers, code) => {
    const result = rpmRelations("foo", clauses(specifiers));
    expect(result.relations).toEqual(["python3dist(foo)"]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, "error"]]);
  });
});

describe("rpmVersion", () => {
  it.each([
    ["1.0", "1"],
    ["2.4.8.0", "2.4.8"],
    ["0.0", "0"],
    ["1.0rc1", "1~rc1"],
    ["1.0.0b5", "1~b5"],
    ["1.0.dev7", "1~~dev7"],
    ["1.0.post1", "1^post1"],
    ["1!2.0", "1:2"],
    ["1.0+local.7", "1"],
    ["1.0rc1.post1.dev2", "1~rc1"],
    ["1.0.post1.dev2", "1~~dev2"],
    ["1.0alpha", "1~a0"],
  ])("%s → %s", (version, expected) => {
    expect(rpmVersion(version)).toBe(expected);
  });

  it("refuses what is not a PEP 440 version", () => {
    expect(() => rpmVersion("1.0-beta-final")).toThrow(UserError);
  });
});

describe("rpmPackageVersion", () => {
  it.each([
    ["2.31.0", "2.31.0", null],
    ["1.0rc1", "1.0~rc1", null],
    ["1.0.dev1", "1.0~~dev1", null],
    ["1.0.post1", "1.0^post1", null],
    ["1.0rc1.dev2", "1.0~rc1~dev2", null],
    ["1.0rc1.post1", "1.0~rc1^post1", null],
    ["1.0.post1.dev2", "1.0^post1~dev2", null],
    ["2!1.0", "1.0", 2],
    ["1.0+cu118", "1.0", null],
  ])("%s → Version %s, Epoch %s", (version, expected, epoch) => {
    const result = rpmPackageVersion(version);
    expect([result.version, result.epoch]).toEqual([expected, epoch]);
  });

  it.each([
    ["1.0", []],
    ["1.0+cu118", ["local-version-ignored"]],
    ["1.0.post1.dev2", ["rpm-suffix-collapsed"]],
  ])("%s: diagnostics %j", (version, expected) => {
    expect(codes(rpmPackageVersion(version))).toEqual(expected);
  });
});

describe("rpmPackageVersion with the archive's Epoch", () => {
  it("carries the archive's Epoch for the package's name, a PEP 440 epoch added", () => {
    expect(rpmPackageVersion("2.4.6", 1)).toMatchObject({ version: "2.4.6", epoch: 1 });
    expect(rpmPackageVersion("2!2.4.6", 1)).toMatchObject({ version: "2.4.6", epoch: 3 });
    expect(rpmPackageVersion("2.4.6", 0)).toMatchObject({ version: "2.4.6", epoch: null });
  });
});

describe("rpmPackageRelations", () => {
  const relation = (specifiers: string, epoch = 0): string =>
    rpmPackageRelations(["python-foo"], "foo", clauses(specifiers), epoch).relations[0] ?? "";

  it.each([
    [">=2.14.0", "python-foo >= 2.14"],
    ["==2.14.0", "(python-foo < 2.14.0.1~~ with python-foo >= 2.14)"],
    ["<2", "python-foo < 2~~"],
    [">2.14", "python-foo >= 2.14.0.1~~"],
    ["<=1.0.post1", "python-foo < 1.0^post2~"],
    ["!=1.3", "(python-foo >= 1.3.0.1~~ or python-foo < 1.3)"],
    [
      "~=2.2,!=2.5.*",
      "((python-foo >= 2.6~~ or python-foo < 2.5~~) with python-foo < 3~~ with python-foo >= 2.2)",
    ],
    ["", "python-foo"],
  ])("%s → %s", (specifiers, expected) => {
    expect(relation(specifiers)).toBe(expected);
  });

  it("gives the relations the archive's Epoch", () => {
    expect(relation("<2", 1)).toBe("python-foo < 1:2~~");
  });

  it("notes what it cannot keep", () => {
    const codesOf = (specifiers: string) =>
      rpmPackageRelations(["python-foo"], "foo", clauses(specifiers)).diagnostics.map(
        (d) => d.code,
      );
    expect(codesOf("===1.0")).toEqual(["arbitrary-equality-as-pin"]);
    expect(codesOf("!=1.0+abc")).toEqual(["local-version-ignored"]);
    expect(relation("!=1.0+abc")).toBe("python-foo");
  });
});
