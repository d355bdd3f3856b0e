import { describe, expect, it } from "vitest";
import { configForTarget, emptyConfig, parseConfig } from "../../src/config/index.js";
import { UserError } from "../../src/errors.js";
import { families, familyOf } from "../../src/families/index.js";
import { defaultDevExtras } from "../../src/mapping/index.js";
import { getProfile } from "../../src/profiles/index.js";

const debian = getProfile("debian-12");
const fedora = getProfile("fedora");
const config = (lines: string[]) => parseConfig(lines.join("\n"), "/p/w.toml", "w.toml");

describe("configForTarget", () => {
  it("gives no rules and Suggests for extras without a config file", () => {
    expect(configForTarget(emptyConfig, debian, families.deb.mapping)).toEqual({
      names: {
        style: families.deb.mapping,
        packageOverrides: [],
        overrides: [],
        renames: [],
        ignores: [],
      },
      extras: "suggests",
      withExtras: [],
      devExtras: defaultDevExtras,
    });
  });

  const layered = config([
    "[mapping]",
    'overrides = { foo = "python3-foo-all" }',
    'rename = [{ pattern = "a-(.*)", replace = "python3-$1" }]',
    'ignore = ["tox"]',
    'extras = "ignore"',
    'with-extras = ["cli"]',
    "[mapping.targets.debian-12]",
    'overrides = { foo = "python3-foo-deb" }',
    'rename = [{ pattern = "a-b", replace = "python3-ab" }]',
    'extras = "recommends"',
    "[packages.bar]",
    'name = "python3-bar-all"',
    "[packages.bar.targets.debian-12]",
    'name = "python3-bar-deb"',
  ]);

  it("puts per-target rules before all-target ones", () => {
    const { names } = configForTarget(layered, debian, families.deb.mapping);
    expect(names.overrides.map((r) => r.name)).toEqual(["python3-foo-deb", "python3-foo-all"]);
    expect(names.renames.map((r) => r.replace)).toEqual(["python3-ab", "python3-$1"]);
    expect(names.ignores.map((r) => r.project)).toEqual(["tox"]);
    expect(names.packageOverrides.map((r) => r.name)).toEqual(["python3-bar-deb"]);
  });

  it("takes a per-target extras policy over the all-target one, and inherits what is unset", () => {
    expect(configForTarget(layered, debian, families.deb.mapping)).toMatchObject({
      extras: "recommends",
      withExtras: ["cli"],
    });
  });

  it("gives other targets the all-target rules only", () => {
    const fedoraLayered = config([
      "[mapping]",
      'overrides = { foo = "foo-ng" }',
      'extras = "ignore"',
      "[packages.bar]",
      'name = "bar-ng"',
      "[mapping.targets.debian-12]",
      'overrides = { foo = "python3-foo-deb" }',
    ]);
    const { names, extras } = configForTarget(fedoraLayered, fedora, families.rpm.mapping);
    expect(names.overrides.map((r) => r.name)).toEqual(["foo-ng"]);
    expect(names.packageOverrides.map((r) => r.name)).toEqual(["bar-ng"]);
    expect(extras).toBe("ignore");
  });

  it.each([
    [
      "an upper-case Debian package name",
      ["[mapping.overrides]", 'foo = "Python3-Foo"'],
      debian,
      /^w\.toml:2:1: mapping\.overrides\.foo: "Python3-Foo" is not a Debian package name/,
    ],
    [
      "a package name that no python3dist() can hold",
      ["[packages.foo]", 'name = "python3-foo+x"'],
      fedora,
      /^w\.toml:2:1: packages\.foo\.name: "python3-foo\+x" is not a Python distribution name/,
    ],
    [
      "two overrides of one Debian project",
      ["[mapping.overrides]", 'PyYAML = "a1"', 'py_yaml = "b1"', 'pyyaml = "c1"'],
      debian,
      /^w\.toml:4:1: mapping\.overrides\.pyyaml: "pyyaml" is the same project as w\.toml:2:1/,
    ],
    [
      "two ignores of one Fedora project (PEP 503: dots too)",
      ["[mapping]", 'ignore = ["zope.interface", "zope-interface"]'],
      fedora,
      /^w\.toml:2:29: mapping\.ignore\[1\]: "zope-interface" is the same project/,
    ],
  ])("refuses %s, naming the key", (_what, lines, profile, message) => {
    const call = () => configForTarget(config(lines), profile, familyOf(profile).mapping);
    expect(call).toThrow(UserError);
    expect(() => {
      try {
        call();
      } catch (error) {
        throw new Error((error as UserError).describe());
      }
    }).toThrow(message);
  });

  it("keeps dotted and dashed Debian keys apart, as dh-python does", () => {
    const dotted = config(["[mapping]", 'ignore = ["zope.interface", "zope-interface"]']);
    expect(configForTarget(dotted, debian, families.deb.mapping).names.ignores).toHaveLength(2);
  });
});
