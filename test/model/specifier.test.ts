import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/model/syntax.js";
import {
  parseSpecifier,
  parseSpecifiers,
  specifiersToString,
  tryParseSpecifier,
} from "../../src/model/specifier.js";

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
