import { families } from "../../../src/families/index.js";
import { mapRequirement } from "../../../src/mapping/map.js";
import { noNameRules } from "../../../src/mapping/name-rules.js";
import { describe, expect, it } from "vitest";
import { parseRequirement } from "../../../src/model/requirement.js";
import { parseSpecifiers } from "../../../src/model/specifier.js";
import { getProfile } from "../../../src/profiles/index.js";
import {
  excludedFlavors,
  flavorMarkerNotes,
  profileFlavors,
  singlespecRelation,
} from "../../../src/families/rpm/singlespec.js";

const opensuse = getProfile("opensuse");
const options = { machine: null, rules: noNameRules(families.rpm.mapping) };

describe("singlespecRelation", () => {
  it.each([
    ["requests", "python-requests"],
    ["PyYAML>=6.0", "python-PyYAML >= 6.0"],
    ["zope.interface<6", "python-zope.interface < 6~~"],
    ["python-dateutil>2.8", "python-python-dateutil >= 2.8.0.1~~"],
    ["attrs~=23.1", "(python-attrs < 24~~ with python-attrs >= 23.1)"],
    ["packaging==24.*", "(python-packaging < 25~~ with python-packaging >= 24~~)"],
    ["foo>=1.0,<2", "(python-foo < 2~~ with python-foo >= 1.0)"],
    ["foo>=2.0rc1", "python-foo >= 2.0~rc1"],
  ])("%s → %s", (text, relation) => {
    expect(mapRequirement(parseRequirement(text), opensuse, options).dependencies).toEqual([
      relation,
    ]);
  });

  it.each([
    ["foo==1.2", "(python-foo < 1.2.0.1~~ with python-foo >= 1.2)"],
    ["foo!=1.2", "(python-foo >= 1.2.0.1~~ or python-foo < 1.2)"],
    ["foo<=1.2", "python-foo < 1.2.0.1~~"],
  ])("%s admits every spelling of the version: %s, and says nothing more", (text, expected) => {
    const requirement = parseRequirement(text);
    const [relation = ""] = mapRequirement(requirement, opensuse, options).dependencies;
    expect(relation).toBe(expected);
    expect(singlespecRelation(requirement, relation).diagnostics).toEqual([]);
  });

  it("drops extras of a required project, with a note", () => {
    const requirement = parseRequirement("requests[socks,security]>=2");
    const mapped = mapRequirement(requirement, opensuse, options);
    expect(mapped.dependencies).toEqual(["python-requests >= 2"]);
    const notes = singlespecRelation(requirement, "python-requests >= 2").diagnostics;
    expect(notes.map((d) => d.code)).toEqual(["opensuse-extras-unsupported"]);
  });
});

describe("flavors", () => {
  const flavors = profileFlavors(opensuse);

  it("builds the profile's flavors, primary first", () => {
    expect(flavors.map((f) => f.name)).toEqual(["python313", "python314"]);
  });

  it("falls back to the profile's Python for a single-flavor profile", () => {
    expect(profileFlavors(getProfile("fedora"))).toEqual([
      { name: "python315", version: "3.15", fullVersion: "3.15.2" },
    ]);
  });

  it.each([
    [null, []],
    [">=3.8", []],
    ["<3.14", ["python314"]],
    [">=3.13,!=3.14.*", ["python314"]],
  ])("Requires-Python %s skips %j", (spec, skipped) => {
    const requiresPython = spec === null ? null : parseSpecifiers(spec);
    expect(excludedFlavors(flavors, requiresPython).map((f) => f.name)).toEqual(skipped);
  });

  it("notes a Python-version marker that flavors decide differently", () => {
    const requirements = [
      'tomli; python_version < "3.11"',
      'backport; python_version < "3.14"',
      'newer; python_full_version >= "3.14.0"',
      'win; sys_platform == "win32"',
      'extra-only; extra == "x" and python_version < "3.14"',
    ].map(parseRequirement);
    const notes = flavorMarkerNotes(requirements, opensuse, flavors);
    expect(notes.map((n) => n.message.split(";")[0])).toEqual(["backport", "newer"]);
    expect(notes[0]).toMatchObject({ code: "opensuse-marker-per-flavor", severity: "warning" });
    expect(flavorMarkerNotes(requirements, opensuse, flavors.slice(0, 1))).toEqual([]);
  });
});
