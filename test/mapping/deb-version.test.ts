import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { debPackageVersion, debRelations, debVersion } from "../../src/mapping/deb-version.js";
import { DpkgVersions, dpkgAvailable } from "../helpers/dpkg-compare.js";
import { clauses } from "../helpers/pep440-oracle.js";

const codes = (result: { diagnostics: { code: string }[] }): string[] =>
  [...new Set(result.diagnostics.map((d) => d.code))].sort();
/** The relations of `python3-foo` with the package name left out: `(>= 1.0.0) | (<< 0.9~~)`. */
const relations = (specifiers: string): string[] =>
  debRelations("python3-foo", clauses(specifiers)).relations.map((group) =>
    group.map((relation) => relation.replace("python3-foo ", "")).join(" | "),
  );

describe("debVersion", () => {
  it.each([
    ["1.0", "1.0"],
    ["2.31.0", "2.31.0"],
    ["2.12.0", "2.12.0"],
    ["1", "1"],
    ["1.2.3.4", "1.2.3.4"],
    ["1.2.3.0.0", "1.2.3.0.0"],
    ["1.0.0rc1", "1.0.0~rc1"],
    ["1.0a1", "1.0~a1"],
    ["1.0b2", "1.0~b2"],
    ["1.0rc1", "1.0~rc1"],
    ["1.0c1", "1.0~rc1"],
    ["1.0.dev1", "1.0~~dev1"],
    ["1.0rc1.dev2", "1.0~rc1~dev2"],
    ["1.0.post1", "1.0+post1"],
    ["1.0-1", "1.0+post1"],
    ["1.0.post1.dev2", "1.0+post1~dev2"],
    ["1.0rc1.post2.dev3", "1.0~rc1+post2~dev3"],
    ["1!2.0", "1:2.0"],
    ["1.0+cu118", "1.0+~cu118"],
    ["1.0+Ubuntu-1", "1.0+~ubuntu.1"],
  ])("%s → %s", (version, expected) => {
    expect(debVersion(version)).toBe(expected);
  });

  it("carries the archive's epoch, a PEP 440 epoch added to it", () => {
    expect(debVersion("2.4.6", 1)).toBe("1:2.4.6");
    expect(debPackageVersion("2.4.6", 1).version).toBe("1:2.4.6");
    expect(debVersion("1!2.0", 1)).toBe("2:2.0");
    expect(debVersion("2.4.6", 0)).toBe("2.4.6");
  });

  it("refuses what is not a PEP 440 version", () => {
    expect(() => debVersion("1.0-beta-final")).toThrow(UserError);
  });

  it("notes a kept local label on the package's own version", () => {
    expect(debPackageVersion("2.1.0+cu118")).toMatchObject({ version: "2.1.0+~cu118" });
    expect(codes(debPackageVersion("2.1.0+cu118"))).toEqual(["local-version-kept"]);
    expect(codes(debPackageVersion("2.1.0"))).toEqual([]);
  });

  // PEP 440 keeps these local parts as text; reading them as numbers (100000, 31) would not.
  it.each([
    ["1.0+1E5", "1.0+~1e5"],
    ["1.0+0x1f", "1.0+~0x1f"],
    ["1.0+Ubuntu-01", "1.0+~ubuntu.1"],
  ])("keeps local label %s in its canonical PEP 440 form", (version, expected) => {
    expect(debPackageVersion(version).version).toBe(expected);
  });
});

describe("debRelations", () => {
  it.each([
    // >=: at V, after its pre-releases.
    [">=1.2", ["(>= 1.2)"]],
    [">=1.2.0.0", ["(>= 1.2)"]],
    [">=1.2rc1", ["(>= 1.2~rc1)"]],
    [">=1.2.dev3", ["(>= 1.2~~dev3)"]],
    [">=1.2.post1", ["(>= 1.2+post1)"]],
    [">=1!1.2", ["(>= 1:1.2)"]],
    // <=: below the first version after V, its local builds and repacks, any spelling of it.
    ["<=1.2", ["(<< 1.2.0.1~~)"]],
    ["<=1.2.0", ["(<< 1.2.0.1~~)"]],
    ["<=2", ["(<< 2.0.0.1~~)"]],
    ["<=1.2.3", ["(<< 1.2.3.0.1~~)"]],
    ["<=1.2rc1", ["(<< 1.2~rc1+post0~)"]],
    ["<=1.2.dev3", ["(<< 1.2~~dev4)"]],
    ["<=1.2.post1", ["(<< 1.2+post2~)"]],
    ["<=1!1.2", ["(<< 1:1.2.0.1~~)"]],
    // <: V's own pre-releases are out, unless V is one.
    ["<2.0", ["(<< 2~~)"]],
    ["<1.2", ["(<< 1.2~~)"]],
    ["<1.2.0.0", ["(<< 1.2~~)"]],
    ["<1.2rc1", ["(<< 1.2~rc1)"]],
    ["<1.2.dev3", ["(<< 1.2~~dev3)"]],
    ["<1.2.post1", ["(<< 1.2+post1~)"]],
    ["<1!1.2", ["(<< 1:1.2~~)"]],
    // >: V's post-releases and local builds are out, unless V is a post-release.
    [">1.2", ["(>= 1.2.0.1~~)"]],
    [">1.2rc1", ["(>= 1.2~rc2~)"]],
    [">1.2.dev3", ["(>= 1.2~~dev4)"]],
    [">1.2.post1", ["(>= 1.2+post2~)"]],
    [">1!1.2", ["(>= 1:1.2.0.1~~)"]],
    // ==: every revision and spelling of exactly V (1.19 and 1.19.0 are one version).
    ["==1.19", ["(>= 1.19)", "(<< 1.19.0.1~~)"]],
    ["==1.19.0", ["(>= 1.19)", "(<< 1.19.0.1~~)"]],
    ["==1.0", ["(>= 1.0)", "(<< 1.0.0.1~~)"]],
    ["==1.0.0rc1", ["(>= 1.0.0~rc1)", "(<< 1.0.0~rc1+post0~)"]],
    ["==1.2rc1", ["(>= 1.2~rc1)", "(<< 1.2~rc1+post0~)"]],
    ["==1.2.dev3", ["(>= 1.2~~dev3)", "(<< 1.2~~dev4)"]],
    ["==1.2.post1", ["(>= 1.2+post1)", "(<< 1.2+post2~)"]],
    ["==1!1.2", ["(>= 1:1.2)", "(<< 1:1.2.0.1~~)"]],
    ["==1.2+abc", ["(>= 1.2)", "(<< 1.2.0.1~~)"]],
    ["==1.2.*", ["(>= 1.2~~)", "(<< 1.3~~)"]],
    ["==1.0.*", ["(>= 1~~)", "(<< 1.1~~)"]],
    ["==1!2.*", ["(>= 1:2~~)", "(<< 1:3~~)"]],
    // !=: two alternatives on the same package, the newer first.
    ["!=1.3", ["(>= 1.3.0.1~~) | (<< 1.3)"]],
    ["!=1.3rc1", ["(>= 1.3~rc1+post0~) | (<< 1.3~rc1)"]],
    ["!=1.3.dev3", ["(>= 1.3~~dev4) | (<< 1.3~~dev3)"]],
    ["!=1.3.post1", ["(>= 1.3+post2~) | (<< 1.3+post1)"]],
    ["!=1!1.3", ["(>= 1:1.3.0.1~~) | (<< 1:1.3)"]],
    ["!=1.3.*", ["(>= 1.4~~) | (<< 1.3~~)"]],
    ["!=1.3+abc", ["python3-foo"]],
    // ~=: at V, below the next release of its prefix (pre-releases of it excluded).
    ["~=2.2", ["(>= 2.2)", "(<< 3~~)"]],
    ["~=1.4.5", ["(>= 1.4.5)", "(<< 1.5~~)"]],
    ["~=2.2.0", ["(>= 2.2)", "(<< 2.3~~)"]],
    ["~=2.2rc1", ["(>= 2.2~rc1)", "(<< 3~~)"]],
    ["~=2.2.dev3", ["(>= 2.2~~dev3)", "(<< 3~~)"]],
    ["~=2.2.post3", ["(>= 2.2+post3)", "(<< 3~~)"]],
    ["~=1!2.2", ["(>= 1:2.2)", "(<< 1:3~~)"]],
    // ===: a pin.
    ["===1.2", ["(>= 1.2)", "(<< 1.2.0.1~~)"]],
    // Several clauses: an AND; a repeated bound once.
    [">=1.0,<2,!=1.5", ["(>= 1.0)", "(<< 2~~)", "(>= 1.5.0.1~~) | (<< 1.5)"]],
    [">=1.0,>=1.0.0", ["(>= 1.0)"]],
    ["", ["python3-foo"]],
  ])("%s → %j", (specifiers, expected) => {
    expect(relations(specifiers)).toEqual(expected);
  });

  it.each([
    [">=1.2,<2", []],
    ["!=1.3", ["deb-ne-as-alternatives"]],
    ["==1.2+abc", ["local-version-ignored"]],
    ["!=1.2+abc", ["local-version-ignored"]],
    ["===1.2", ["arbitrary-equality-as-pin"]],
  ])("%s: diagnostics %j", (specifiers, expected) => {
    expect(codes(debRelations("python3-foo", clauses(specifiers)))).toEqual(expected);
  });

  it.each([
    ["~=2", "invalid-specifier"],
    [">=1.*", "invalid-specifier"],
    ["==1.0rc1.*", "invalid-specifier"],
    ["<1.0+abc", "invalid-specifier"],
    ["==not-a-version", "invalid-specifier"],
    ["===foobar", "arbitrary-equality-untranslatable"],
  ])("%s is left out with an error", (specifiers, code) => {
    const result = debRelations("python3-foo", clauses(specifiers));
    expect(result.relations).toEqual([["python3-foo"]]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, "error"]]);
    expect(result.breaks).toEqual([]);
  });

  it("gives relations on a package the archive's epoch", () => {
    const numpy = (specifiers: string) =>
      debRelations("python3-numpy", clauses(specifiers), 1).relations.map((g) => g.join(" | "));
    expect(numpy("<2")).toEqual(["python3-numpy (<< 1:2~~)"]);
    expect(numpy(">=1.26.4")).toEqual(["python3-numpy (>= 1:1.26.4)"]);
    expect(numpy(">=1!1.0")).toEqual(["python3-numpy (>= 2:1.0)"]);
  });

  // Cases dh-python gets wrong (docs/version-translation.md), and archive spellings, checked
  // with dpkg's ordering against full Debian versions.
  it.skipIf(!dpkgAvailable() && process.env.CI !== "true").each([
    ["==1.19", "1.19-1", true],
    ["==1.19.0", "1.19-2", true],
    ["==1.19", "1.19.1-1", false],
    [">1.0", "1.0-1", false],
    [">1.0", "1.0+post1-1", false],
    [">1.0", "1.0.0.1-1", true],
    ["<=2.0", "2.0-3", true],
    ["<=2.0", "2.0+~cu118-1", true],
    ["<2.0", "2.0~rc1-1", false],
    ["<2.0", "1.9+post1-1", true],
    [">=1.0.dev1", "1.0~a1-1", true],
    [">=1!2.0", "3.0-1", false],
    ["~=2.2", "3.0~rc1-1", false],
    ["==2.*", "2.0~rc1-1", true],
    ["!=1.3", "1.3-1", false],
    ["!=1.3", "1.2-1", true],
    // The archive's own spellings: trailing zeros either way, repacks, revisions.
    ["==2.14.0", "2.14.0+dfsg-1", true],
    ["==2.14", "2.14.0+dfsg-1", true],
    ["==2.14.0", "2.14+ds1-2+b1", true],
    ["==2.14.0", "2.14.0+repack-1+deb12u1", true],
    ["==2.14.0", "2.14.0~dfsg-1", true],
    ["==2.14.0", "2.14.1-1", false],
    [">=2.14", "2.14.0-1", true],
    [">=2.14.0", "2.14-1", true],
    [">=2.14.1", "2.14.0+dfsg-1", false],
    ["<2", "2.0.0-1", false],
    ["<2", "1.99.0-1~deb12u1", true],
    ["<=2.12.0", "2.12.0-2", true],
    [">2.12", "2.12.0-2", false],
    [">2.12", "2.12.0.1-1", true],
    ["!=2.12", "2.12.0-2", false],
    ["~=2.12.0", "2.12.5+dfsg1-1", true],
  ])("%s and a package %s: %s", (specifiers, version, expected) => {
    const dpkg = new DpkgVersions();
    const result = debRelations("python3-foo", clauses(specifiers));
    expect(dpkg.satisfies(version, result.relations)).toBe(expected);
  });
});
