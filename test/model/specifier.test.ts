import { describe, expect, it } from "vitest";
import {
  ParseError,
  parseSpecifier,
  parseSpecifiers,
  satisfiesSpecifiers,
  type Specifier,
  specifiersToString,
  tryParseSpecifier,
} from "../../src/model/index.js";

describe("parseSpecifiers: valid", () => {
  it.each([
    ["", ""],
    [">=1.0", ">=1.0"],
    [">= 1.0", ">=1.0"],
    [" >=1.0 , <2 ", ">=1.0,<2"],
    [">=1.0, !=1.3.*, <2", ">=1.0,!=1.3.*,<2"],
    ["==1.0.*", "==1.0.*"],
    ["==1!2.*", "==1!2.*"],
    ["~=1.0", "~=1.0"],
    ["~=1.4.5.0", "~=1.4.5.0"],
    ["~=2.2.post3", "~=2.2.post3"],
    ["===foobar", "===foobar"],
    ["==1.0+local", "==1.0+local"],
    ["!=1.0+local", "!=1.0+local"],
    [">=1.0rc1", ">=1.0rc1"],
    ["<2,", "<2"],
  ])("%j → %j", (text, canonical) => {
    expect(specifiersToString(parseSpecifiers(text))).toBe(canonical);
  });

  it("keeps the version as written and flags wildcards", () => {
    expect(parseSpecifiers("== 1.3.* , >=1.0-RC1")).toEqual([
      { operator: "==", version: "1.3", wildcard: true },
      { operator: ">=", version: "1.0-RC1", wildcard: false },
    ]);
  });
});

describe("parseSpecifiers: invalid", () => {
  it.each([
    ["~=1", 2, /at least two release segments/],
    ["~=1.0.*", 5, /only be used with == and !=/],
    [">=1.0.*", 5, /only be used with == and !=/],
    ["<1.*", 2, /only be used with == and !=/],
    ["==1.0a1.*", 2, /cannot follow a pre-release/],
    ["==1.0+local.*", 2, /cannot follow/],
    [">=1.0+local", 2, /local version label/],
    ["~=1.0+local", 2, /local version label/],
    ["1.0", 0, /expected a version operator/],
    ["=1.0", 0, /expected a version operator/],
    ["==", 2, /expected a version after "=="/],
    ["==1.0 2.0", 6, /expected "," or end/],
    [">=1.0,,<2", 6, /expected a version operator/],
    [">=foo", 2, /invalid version "foo"/],
    ["==1.*.0", 2, /"\*" is only allowed as a trailing/],
    [">=1.0, <1.*", 9, /only be used with == and !=/],
  ])("%j fails at column %d", (text, position, message) => {
    let error: unknown;
    try {
      parseSpecifiers(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    const parseError = error as ParseError;
    expect(parseError.position).toBe(position);
    expect(parseError.text).toBe(text);
    expect(parseError.reason).toMatch(message);
    expect(parseError.message).toContain(JSON.stringify(text));
  });
});

describe("parseSpecifier", () => {
  it("reads exactly one clause", () => {
    expect(parseSpecifier("<3")).toEqual({ operator: "<", version: "3", wildcard: false });
    expect(() => parseSpecifier(">=1,<2")).toThrow(ParseError);
    expect(tryParseSpecifier("==linux")).toBeNull();
    expect(tryParseSpecifier("==x86_64 aarch64")).toBeNull();
  });
});

function specs(text: string): Specifier[] {
  return parseSpecifiers(text);
}

describe("satisfiesSpecifiers", () => {
  it.each([
    ["1.0", ">=1.0", true],
    ["1.0", ">1.0", false],
    ["1.1", ">1.0", true],
    ["1.0.post1", ">1.0", false],
    ["1.0.post2", ">1.0.post1", true],
    ["1.0+local", ">1.0", false],
    ["1.0", ">1.0rc1", true],
    ["1.0", "<1.0.post1", true],
    ["0.9", "<1.0", true],
    ["1.0", "<=1.0", true],
    ["1.0+local", "<=1.0", true],
    ["1.0", "==1.0.0", true],
    ["1.0+x", "==1.0", true],
    ["1.0+x", "==1.0+y", false],
    ["1.0+x", "==1.0+x", true],
    ["1.0", "!=1.0+x", true],
    ["1", "==1.0.*", true],
    ["1.0.5", "==1.0.*", true],
    ["1.0.post1", "==1.0.*", true],
    ["1.1", "==1.0.*", false],
    ["1.10", "==1.1.*", false],
    ["1.1", "!=1.0.*", true],
    ["1!1.0", "==1.*", false],
    ["1!1.0", ">=2.0", true],
    ["2.2.post3", "~=2.2", true],
    ["2.9", "~=2.2", true],
    ["3.0", "~=2.2", false],
    ["1.4.5", "~=1.4.2", true],
    ["1.5", "~=1.4.2", false],
    ["1.4.1", "~=1.4.2", false],
    ["1.0", "===1.0", true],
    ["1.0.0", "===1.0", false],
    ["1.5", ">=1.0, !=1.3.*, <2", true],
    ["1.3.4", ">=1.0, !=1.3.*, <2", false],
    ["2.0", ">=1.0, !=1.3.*, <2", false],
    ["1.0", "", true],
  ])("%s in %j → %s", (version, spec, expected) => {
    expect(satisfiesSpecifiers(version, specs(spec))).toBe(expected);
  });

  it.each([
    ["2.0rc1", ">=1.0", undefined, true],
    ["2.0rc1", ">=1.0", false, false],
    ["2.0.dev1", "", undefined, true],
    ["2.0.dev1", "", false, false],
    ["3.15.0b1", ">=3.9", undefined, true],
    ["1.0rc1", "<1.0", undefined, false],
    ["1.0rc1", "<1.0rc2", undefined, true],
    ["1.0rc1", "!=1.0rc2", undefined, true],
  ])("pre-release %s in %j (prereleases: %s) → %s", (version, spec, prereleases, expected) => {
    expect(satisfiesSpecifiers(version, specs(spec), { prereleases })).toBe(expected);
  });
});
