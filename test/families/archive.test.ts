import { describe, expect, it } from "vitest";
import { familyOf } from "../../src/families/index.js";
import { debianRelationNames } from "../../src/families/deb/archive.js";
import { rpmRelationNames } from "../../src/families/rpm/archive.js";
import { getProfile } from "../../src/profiles/index.js";
import { skipWithout } from "../helpers/tools.js";

describe("names in relations", () => {
  it.each([
    ["python3-foo (>= 1.2)", ["python3-foo"]],
    ["python3-foo (>= 1.3+post0~) | python3-foo (<< 1.3)", ["python3-foo", "python3-foo"]],
    ["python3-bar", ["python3-bar"]],
    ["python3-baz:any (>= 2)", ["python3-baz"]],
  ])("Debian %s", (relation, names) => {
    expect(debianRelationNames(relation)).toEqual(names);
  });

  it.each([
    ["python3dist(foo) >= 1.2", ["python3dist(foo)"]],
    ["(python3dist(foo) >= 2.4.8 with python3dist(foo) < 2.5)", ["python3dist(foo)"]],
    [
      "((python3dist(a) < 2.28 or python3dist(a) > 2.28) with python3dist(a) >= 2.25)",
      ["python3dist(a)"],
    ],
    ["python3dist(requests[socks]) >= 2", ["python3dist(requests[socks])"]],
    ["python311-foo >= 1:2.0", ["python311-foo"]],
  ])("RPM %s", (relation, names) => {
    expect(rpmRelationNames(relation)).toEqual(names);
  });
});

describe.skipIf(skipWithout("apt-cache"))("checkArchive against this host's apt index", () => {
  it("reports names the archive does not have", async () => {
    const check = await familyOf(getProfile("debian-12")).checkArchive([
      "python3-six",
      "python3-no-such-package-wheel2pkg",
    ]);
    expect(check.checked).toBe(true);
    expect(check.source).toMatch(/^apt-cache/);
    expect(check.missing).toEqual(["python3-no-such-package-wheel2pkg"]);
  });
});
