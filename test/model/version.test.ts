import { describe, expect, it } from "vitest";
import { compareVersions, normalizeVersion, parseVersion } from "../../src/model/index.js";

describe("parseVersion", () => {
  it("returns a typed, normalized structure", () => {
    expect(parseVersion("1!2.0.3-RC.4.post5-dev6+Ubuntu-01")).toEqual({
      epoch: 1,
      release: [2, 0, 3],
      pre: { label: "rc", number: 4 },
      post: 5,
      dev: 6,
      local: "ubuntu.1",
    });
    expect(parseVersion("1.0")).toEqual({
      epoch: 0,
      release: [1, 0],
      pre: null,
      post: null,
      dev: null,
      local: null,
    });
  });

  it.each(["", "1.0.x", "1..0", "1.0+", "1.0+abc_", "latest", "1.0-", "1.0 2", "1.*", "=1.0"])(
    "%j is not a version",
    (text) => {
      expect(parseVersion(text)).toBeNull();
      expect(() => normalizeVersion(text)).toThrow(/not a PEP 440 version/);
    },
  );
});

describe("normalizeVersion (PEP 440 normalization)", () => {
  it.each([
    ["1.0", "1.0"],
    ["v1.0", "1.0"],
    [" 1.0 ", "1.0"],
    ["01.02", "1.2"],
    ["0!1.0", "1.0"],
    ["1!1.0", "1!1.0"],
    ["1.0a1", "1.0a1"],
    ["1.0alpha1", "1.0a1"],
    ["1.0-a1", "1.0a1"],
    ["1.0.a.1", "1.0a1"],
    ["1.0A", "1.0a0"],
    ["1.0beta2", "1.0b2"],
    ["1.0c1", "1.0rc1"],
    ["1.0pre1", "1.0rc1"],
    ["1.0preview1", "1.0rc1"],
    ["1.0RC1", "1.0rc1"],
    ["1.0-1", "1.0.post1"],
    ["1.0post", "1.0.post0"],
    ["1.0.r1", "1.0.post1"],
    ["1.0rev1", "1.0.post1"],
    ["1.0-post-1", "1.0.post1"],
    ["1.0dev", "1.0.dev0"],
    ["1.0-dev2", "1.0.dev2"],
    ["1.0+Ubuntu-1", "1.0+ubuntu.1"],
    ["1.0+abc.01", "1.0+abc.1"],
    ["1.0+1e5", "1.0+1e5"],
    ["1.0+0x10", "1.0+0x10"],
  ])("%j → %s", (text, normalized) => {
    expect(normalizeVersion(text)).toBe(normalized);
  });
});

describe("compareVersions", () => {
  // The order given in PEP 440's "Summary of permitted suffixes and relative ordering".
  const ordered = [
    "1.0.dev456",
    "1.0a1",
    "1.0a2.dev456",
    "1.0a12.dev456",
    "1.0a12",
    "1.0b1.dev456",
    "1.0b2",
    "1.0b2.post345.dev456",
    "1.0b2.post345",
    "1.0rc1.dev456",
    "1.0rc1",
    "1.0",
    "1.0+1e5",
    "1.0+abc.5",
    "1.0+abc.7",
    "1.0+5",
    "1.0.post456.dev34",
    "1.0.post456",
    "1.0.15",
    "1.1.dev1",
    "1!0.1",
  ];
  const pairs = ordered.slice(1).map((v, i): [string, string] => [ordered[i] ?? "", v]);
  it.each(pairs)("%s < %s", (a, b) => {
    expect(compareVersions(a, b)).toBe(-1);
    expect(compareVersions(b, a)).toBe(1);
  });

  it.each([
    ["1.0", "1.0.0"],
    ["1.0", "v1.0"],
    ["1.0a", "1.0a0"],
    ["1.0+abc.01", "1.0+ABC.1"],
  ])("%s == %s", (a, b) => {
    expect(compareVersions(a, b)).toBe(0);
  });
});
