import { describe, expect, it } from "vitest";
import { debianRelationNames } from "../../src/families/deb/archive.js";
import { rpmRelationNames } from "../../src/families/rpm/archive.js";

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
