/**
 * Each family's `mapping`: what the mapping and config stages ask of a package format instead of
 * testing which format a target has.
 */
import { describe, expect, it } from "vitest";
import { families, familyOf } from "../../src/families/index.js";
import { noEpochs } from "../../src/mapping/archive-epochs.js";
import { mapRequirement, noNameRules } from "../../src/mapping/index.js";
import { parseRequirement } from "../../src/model/index.js";
import { getProfile } from "../../src/profiles/index.js";

const { deb, rpm } = families;

describe("the families' mapping styles", () => {
  it("compare names with dh-python's key on Debian and the PEP 503 name on RPM", () => {
    expect(deb.mapping.key("Zope.Interface")).toBe("zope.interface");
    expect(deb.mapping.key("zope-interface")).toBe("zope_interface");
    expect(rpm.mapping.key("Zope.Interface")).toBe("zope-interface");
  });

  it("check a rule's name as the format needs it, and store RPM names normalized", () => {
    expect(deb.mapping.nameProblem("python3-foo")).toBeNull();
    expect(deb.mapping.nameProblem("Python3-Foo")).toMatch(/not a Debian package name/);
    expect(rpm.mapping.nameProblem("Foo_Bar")).toBeNull();
    expect(rpm.mapping.nameProblem("python3-foo+x")).toMatch(/not a Python distribution name/);
    expect(rpm.mapping.ruleName("Foo_Bar")).toBe("foo-bar");
    expect(deb.mapping.ruleName("python3-foo")).toBe("python3-foo");
  });

  it.each([
    ["debian-12", "distro-data", "python3-foo"],
    ["fedora", "python3dist", "python3dist(python3-foo)"],
    ["opensuse", "singlespec", "python-python3-foo"],
  ])("give %s its built-in layer %s and write a name as %s", (target, layer, written) => {
    const profile = getProfile(target);
    const { mapping } = familyOf(profile);
    expect(mapping.builtinLayer(profile)).toBe(layer);
    expect(mapping.relationName("python3-foo", profile)).toBe(written);
  });

  it("translate a requirement's versions and note what the format loses", () => {
    const requirement = parseRequirement("foo[x]>=1");
    const debian = getProfile("debian-12");
    const onDebian = deb.mapping.relations(requirement, "python3-foo", debian, noEpochs);
    expect(onDebian.dependencies).toEqual(["python3-foo (>= 1)"]);
    expect(onDebian.diagnostics.map((d) => d.code)).toEqual(["deb-extras-unsupported"]);
    const fedora = getProfile("fedora");
    const opensuse = getProfile("opensuse");
    expect(rpm.mapping.relations(requirement, "foo", fedora, noEpochs).dependencies).toEqual([
      "python3dist(foo) >= 1",
      "python3dist(foo[x]) >= 1",
    ]);
    expect(rpm.mapping.relations(requirement, "foo", opensuse, noEpochs).dependencies).toEqual([
      "python-foo >= 1",
    ]);
    expect(rpm.mapping.relationNotes(requirement, "python-foo >= 1", fedora)).toEqual([]);
    const notes = rpm.mapping.relationNotes(requirement, "python-foo >= 1", opensuse);
    expect(notes.map((d) => d.code)).toEqual(["opensuse-extras-unsupported"]);
  });

  it("give relations on packages the archive's epoch, and python3dist() none", () => {
    const requirement = parseRequirement("numpy<2");
    const epochOf = (name: string) => (name === "python3-numpy" || name === "python-numpy" ? 1 : 0);
    const debian = getProfile("debian-12");
    expect(
      deb.mapping.relations(requirement, "python3-numpy", debian, epochOf).dependencies,
    ).toEqual(["python3-numpy (<< 1:2~~)"]);
    expect(
      rpm.mapping.relations(requirement, "numpy", getProfile("opensuse"), epochOf).dependencies,
    ).toEqual(["python-numpy < 1:2~~"]);
    // Fedora's generated python3dist() Provides carry the PEP 440 version only.
    expect(
      rpm.mapping.relations(requirement, "numpy", getProfile("fedora"), epochOf).dependencies,
    ).toEqual(["python3dist(numpy) < 2~~"]);
  });

  it("spell openSUSE names as openSUSE does, whatever case the requirement uses", () => {
    const opensuse = getProfile("opensuse");
    const rules = noNameRules(rpm.mapping);
    for (const text of ["pyyaml>=6", "PyYAML>=6", "PYYAML>=6"]) {
      const mapped = mapRequirement(parseRequirement(text), opensuse, { machine: null, rules });
      expect(mapped.dependencies).toEqual(["python-PyYAML >= 6"]);
    }
    expect(rpm.mapping.ownNames("pyyaml", opensuse, rules)).toEqual({
      source: "python-PyYAML",
      binary: "python313-PyYAML",
      layer: "default",
      requiredAs: "PyYAML",
    });
    // A project without a spelling of its own keeps the requirement's.
    const other = mapRequirement(parseRequirement("attrs"), opensuse, { machine: null, rules });
    expect(other.dependencies).toEqual(["python-attrs"]);
  });
});
