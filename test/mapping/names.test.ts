import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.js";
import { families, targetConfig } from "../../src/families/index.js";
import { UserError } from "../../src/errors.js";
import { type NameRules, noNameRules, resolveName } from "../../src/mapping/index.js";
import { getProfile, type TargetProfile } from "../../src/profiles/index.js";

const debian: TargetProfile = {
  ...getProfile("debian-12"),
  nameExceptions: {
    Exc_Wins: "python3-exception",
    setuptools: "python3-setuptools-exception",
    attrs: "python3-attrs-exception",
  },
};
const fedora = getProfile("fedora");

const rulesFor = (profile: TargetProfile, lines: string[]): NameRules =>
  targetConfig(parseConfig(lines.join("\n"), "/p/w.toml", "w.toml"), profile).names;

const config = [
  "[packages.pkgwins]",
  'name = "python3-from-package"',
  "[mapping]",
  'ignore = ["renwins", "pytest", "setuptools", "Dropped.Thing"]',
  "[mapping.overrides]",
  'pkgwins = "python3-from-override"',
  'overwins = "python3-from-override"',
  'PyYAML = "python3-yaml-custom"',
  "[[mapping.rename]]",
  'pattern = "acme-(.*)"',
  'replace = "python3-acme-$1"',
  "[[mapping.rename]]",
  'pattern = "(?<org>corp)-(?<pkg>.*)"',
  'replace = "python3-$<pkg>-$<org>"',
  "[[mapping.rename]]",
  'pattern = "overwins|renwins"',
  'replace = "python3-from-rename"',
];

describe("resolveName on Debian: each layer wins over the later ones", () => {
  const rules = rulesFor(debian, config);
  it.each([
    ["pkgwins", "package-override", "python3-from-package"],
    ["overwins", "user-override", "python3-from-override"],
    ["py_yaml", "default", "python3-py-yaml"],
    ["pyyaml", "user-override", "python3-yaml-custom"],
    ["renwins", "user-rename", "python3-from-rename"],
    ["Acme.Tools_Extra", "user-rename", "python3-acme-tools-extra"],
    ["corp-widgets", "user-rename", "python3-widgets-corp"],
    ["pytest", "user-ignore", null],
    ["setuptools", "user-ignore", null],
    ["dropped.thing", "user-ignore", null],
    ["exc-wins", "profile-exception", "python3-exception"],
    ["attrs", "profile-exception", "python3-attrs-exception"],
    ["beautifulsoup4", "distro-data", "python3-bs4"],
    ["unknown-thing", "default", "python3-unknown-thing"],
  ])("%s → %s: %s", (project, layer, name) => {
    const decision = resolveName(project, debian, rules);
    expect({ layer: decision.layer, name: decision.name }).toEqual({ layer, name });
    expect(decision.guess).toBe(layer === "default");
    expect(decision.candidates[0]).toEqual({ layer, name, rule: decision.rule });
  });

  it("keeps what every answering layer would have said, in layer order", () => {
    const decision = resolveName("pkgwins", debian, rules);
    expect(decision.candidates.map((c) => [c.layer, c.name])).toEqual([
      ["package-override", "python3-from-package"],
      ["user-override", "python3-from-override"],
      ["default", "python3-pkgwins"],
    ]);
    expect(resolveName("setuptools", debian, rules).candidates.map((c) => c.layer)).toEqual([
      "user-ignore",
      "profile-exception",
      "distro-data",
      "default",
    ]);
  });

  it("names the key that decided, with its line and column", () => {
    expect(resolveName("PyYAML", debian, rules).rule).toBe(
      'w.toml:8:1: mapping.overrides.PyYAML = "python3-yaml-custom"',
    );
    expect(resolveName("acme-x", debian, rules).rule).toBe(
      "w.toml:9:1: mapping.rename[0]: acme-x → python3-acme-x",
    );
    expect(resolveName("pytest", debian, rules).rule).toBe("w.toml:4:22: mapping.ignore[1]");
  });

  it("matches renames on the whole PEP 503 name only", () => {
    expect(resolveName("my-acme-x", debian, rules).layer).toBe("default");
  });

  it("refuses a rename that makes no Debian package name, naming the rule", () => {
    const bad = rulesFor(debian, [
      "[mapping]",
      'rename = [{ pattern = "(.*)", replace = "Py $1" }]',
    ]);
    expect(() => resolveName("foo", debian, bad)).toThrow(UserError);
    expect(() => resolveName("foo", debian, bad)).toThrow(/is not a Debian package name/);
  });
});

describe("rename patterns cannot hang wheel2pkg", () => {
  // A JavaScript RegExp backtracks 2^29 times on this name (half a minute, doubling with each
  // further "a"); RE2 answers in time linear in the name.
  it(
    "(a+)+$ against a 30-character name a wheel supplies returns at once",
    { timeout: 5_000 },
    () => {
      const rules = rulesFor(debian, [
        "[mapping]",
        'rename = [{ pattern = "(a+)+$", replace = "python3-a$1" }]',
      ]);
      const started = performance.now();
      expect(resolveName(`${"a".repeat(29)}b`, debian, rules).layer).toBe("default");
      expect(resolveName("a".repeat(30), debian, rules)).toMatchObject({
        layer: "user-rename",
        name: `python3-a${"a".repeat(30)}`,
      });
      expect(performance.now() - started).toBeLessThan(1_000);
    },
  );
});

describe("resolveName on RPM targets", () => {
  it("asks for python3dist(<PEP 503 name>) when no rule answers", () => {
    const decision = resolveName("Ruamel.YAML", fedora, noNameRules(families.rpm.mapping));
    expect(decision).toMatchObject({ layer: "python3dist", name: "ruamel-yaml", guess: false });
    expect(decision.candidates.map((c) => c.layer)).toEqual(["python3dist", "default"]);
  });

  it("compares rule keys by PEP 503 name and normalizes the names rules give", () => {
    const rules = rulesFor(fedora, [
      "[mapping.overrides]",
      '"psycopg2_binary" = "Psycopg2"',
      "[mapping.targets.fedora]",
      'ignore = ["zope.interface"]',
    ]);
    expect(resolveName("psycopg2-binary", fedora, rules)).toMatchObject({
      layer: "user-override",
      name: "psycopg2",
    });
    expect(resolveName("Zope_Interface", fedora, rules)).toMatchObject({
      layer: "user-ignore",
      name: null,
    });
  });

  it("needs no rules", () => {
    expect(resolveName("attrs", fedora, noNameRules(families.rpm.mapping)).name).toBe("attrs");
  });
});

describe("the default rule", () => {
  it.each([
    ["Foo_Bar.baz", "python3-foo-bar.baz"],
    ["python-xyzzy", "python3-xyzzy"],
    ["python_xyzzy_lib", "python3-xyzzy-lib"],
    ["XyzzyLib", "python3-xyzzylib"],
  ])("%s → %s on Debian, as a guess", (project, name) => {
    expect(resolveName(project, debian, noNameRules(families.deb.mapping))).toMatchObject({
      layer: "default",
      name,
      guess: true,
    });
  });
});
