import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { formatKeyPath, keyPositions, positionOf } from "../../src/config/positions.js";

const text = [
  "# a comment [not.a.table]", // 1
  'release = "2" # trailing', // 2
  "[mapping]", // 3
  '  overrides.PyYAML = "python3-yaml"', // 4
  '  ignore = [ "pytest",', // 5
  '    "tox" ]', // 6
  '  rename = [{ pattern = "a(.*)", replace = "b$1" },', // 7
  '            { "pattern" = """x', // 8
  '"""" , replace = "y" }]', // 9
  "[mapping.targets.debian-12]", // 10
  'overrides = { "zope.interface" = "python3-zope.interface" }', // 11
  "[[mapping.targets.fedora.rename]]", // 12
  "pattern = 'c'", // 13
  "[[mapping.targets.fedora.rename]]", // 14
  "  replace = 'd'", // 15
  '[packages."ruamel.yaml".targets.debian-12]', // 16
  'name = "python3-ruamel.yaml"', // 17
  'maintainer = { "na\\u006de" = "A", email = "a@b.c" }', // 18
].join("\n");

describe("keyPositions", () => {
  // The scanner must agree with a real TOML parser about what the document is.
  it("reads a document smol-toml accepts", () => {
    expect(() => parse(text)).not.toThrow();
  });

  const positions = keyPositions(text);
  it.each([
    ["release", 2, 1],
    ["mapping", 3, 2],
    ["mapping.overrides", 4, 3],
    ["mapping.overrides.PyYAML", 4, 13],
    ["mapping.ignore", 5, 3],
    ["mapping.ignore[0]", 5, 14],
    ["mapping.ignore[1]", 6, 5],
    ["mapping.rename[0]", 7, 13],
    ["mapping.rename[0].pattern", 7, 15],
    ["mapping.rename[0].replace", 7, 34],
    ["mapping.rename[1].pattern", 8, 15],
    ["mapping.rename[1].replace", 9, 8],
    ["mapping.targets.debian-12", 10, 18],
    ['mapping.targets.debian-12.overrides."zope.interface"', 11, 15],
    ["mapping.targets.fedora.rename[0]", 12, 1],
    ["mapping.targets.fedora.rename[0].pattern", 13, 1],
    ["mapping.targets.fedora.rename[1]", 14, 1],
    ["mapping.targets.fedora.rename[1].replace", 15, 3],
    ['packages."ruamel.yaml".targets.debian-12', 16, 33],
    ['packages."ruamel.yaml".targets.debian-12.name', 17, 1],
    ['packages."ruamel.yaml".targets.debian-12.maintainer.name', 18, 16],
    ['packages."ruamel.yaml".targets.debian-12.maintainer.email', 18, 35],
  ])("%s at %i:%i", (path, line, column) => {
    expect(positions.get(path)).toEqual({ line, column });
  });

  it("records nothing for text inside comments and strings", () => {
    expect(positions.has("not.a.table")).toBe(false);
    expect(positions.has("x")).toBe(false);
  });

  it("falls back to the closest recorded ancestor", () => {
    expect(positionOf(positions, ["mapping", "ignore", 7])).toEqual({ line: 5, column: 3 });
    expect(positionOf(positions, ["nowhere"])).toEqual({ line: 1, column: 1 });
  });
});

describe("formatKeyPath", () => {
  it.each([
    [["mapping", "rename", 0, "pattern"], "mapping.rename[0].pattern"],
    [["packages", "zope.interface", "name"], 'packages."zope.interface".name'],
    [["mapping", "targets", "ubuntu-24.04"], 'mapping.targets."ubuntu-24.04"'],
    [[], ""],
  ])("%j → %s", (path, expected) => {
    expect(formatKeyPath(path)).toBe(expected);
  });
});
