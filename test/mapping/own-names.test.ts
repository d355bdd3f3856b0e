import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.js";
import { familyOf, targetConfig } from "../../src/families/index.js";
import { noNameRules, ownPackageNames } from "../../src/mapping/index.js";
import { getProfile } from "../../src/profiles/index.js";

const debian = getProfile("debian-12");

describe("ownPackageNames", () => {
  it.each([
    // Debian: the name a requirement on the project maps to, so the package satisfies it.
    ["PyYAML", "debian-12", "python-yaml", "python3-yaml", "distro-data"],
    ["attrs", "debian-12", "python-attr", "python3-attr", "distro-data"],
    ["beautifulsoup4", "debian-12", "python-bs4", "python3-bs4", "distro-data"],
    ["python-dateutil", "debian-12", "python-dateutil", "python3-dateutil", "distro-data"],
    [
      "zope.interface",
      "debian-12",
      "python-zope.interface",
      "python3-zope.interface",
      "distro-data",
    ],
    // dh-python maps a requirement on setuptools to pkg_resources; the wheel is setuptools.
    ["setuptools", "debian-12", "python-setuptools", "python3-setuptools", "distro-data"],
    // A relation on python3 itself names no package of the project: the default.
    ["argparse", "debian-12", "python-argparse", "python3-argparse", "default"],
    [
      "Some_Unknown.Project",
      "debian-12",
      "python-some-unknown.project",
      "python3-some-unknown.project",
      "default",
    ],
    // Fedora: python3-<PEP 503 name>, without a doubled python- prefix.
    ["PyYAML", "fedora", "python-pyyaml", "python3-pyyaml", "default"],
    ["python-dateutil", "fedora", "python-dateutil", "python3-dateutil", "default"],
    [
      "Some_Unknown.Project",
      "fedora",
      "python-some-unknown-project",
      "python3-some-unknown-project",
      "default",
    ],
    // openSUSE names packages after the PyPI name as it is.
    [
      "python-dateutil",
      "opensuse",
      "python-python-dateutil",
      "python313-python-dateutil",
      "default",
    ],
  ])("%s on %s", (project, target, source, binary, layer) => {
    const profile = getProfile(target);
    const rules = noNameRules(familyOf(profile).mapping);
    const { requiredAs: _requiredAs, ...names } = ownPackageNames(project, profile, rules);
    expect(names).toEqual({ source, binary, layer });
  });

  it.each([
    // Debian: a requirement names the binary package.
    ["PyYAML", "debian-12", "python3-yaml"],
    ["zope.interface", "debian-12", "python3-zope.interface"],
    // RPM: a requirement names the PEP 503 name, inside python3dist() or python-.
    ["PyYAML", "fedora", "pyyaml"],
    ["Zope.Interface", "fedora", "zope-interface"],
    ["python-dateutil", "opensuse", "python-dateutil"],
  ])("a requirement reaches the packages of %s on %s as %s", (project, target, requiredAs) => {
    const profile = getProfile(target);
    const rules = noNameRules(familyOf(profile).mapping);
    expect(ownPackageNames(project, profile, rules).requiredAs).toBe(requiredAs);
  });

  it("follows the user's rules first", () => {
    const config = parseConfig(
      ["[mapping.overrides]", 'PyYAML = "python3-yaml-custom"', 'setuptools = "python3-st"'].join(
        "\n",
      ),
      "/p/w.toml",
      "w.toml",
    );
    const rules = targetConfig(config, debian).names;
    expect(ownPackageNames("PyYAML", debian, rules)).toEqual({
      source: "python-yaml-custom",
      binary: "python3-yaml-custom",
      layer: "user-override",
      requiredAs: "python3-yaml-custom",
    });
    expect(ownPackageNames("setuptools", debian, rules).binary).toBe("python3-st");
  });
});
