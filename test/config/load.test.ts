import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigProblem,
  configuredCommandExtras,
  configuredLicense,
  emptyConfig,
  loadConfig,
  parseConfig,
} from "../../src/config/index.js";
import { UserError } from "../../src/errors.js";

const FILE = "/project/wheel2pkg.toml";

/** The problems a config text is refused with, as `key@line:column`. */
function problems(text: string): string[] {
  try {
    parseConfig(text, FILE, "wheel2pkg.toml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map(
      (p: ConfigProblem) => `${p.key}@${p.line}:${p.column}`,
    );
  }
  throw new Error("accepted");
}

describe("parseConfig refuses", () => {
  it.each([
    ["an unknown top-level key", 'colour = "red"', ["colour@1:1"]],
    ["an unknown maintainer key", '[maintainer]\nnmae = "A"', ["maintainer.nmae@2:1"]],
    ["a release that is an integer", "release = 2", ["release@1:1"]],
    ["a release with a dash", 'release = "1-2"', ["release@1:1"]],
    ["a builder that is no Debian builder", 'builder = "rpm"', ["builder@1:1"]],
    ["a changelog that is a string", 'changelog = "fixed"', ["changelog@1:1"]],
    ["a changelog line that is a number", 'changelog = ["a", 3]', ["changelog[1]@1:19"]],
    ["templates that is a boolean", "templates = true", ["templates@1:1"]],
    ["an e-mail without @", '[maintainer]\nemail = "nobody"', ["maintainer.email@2:1"]],
    ["an unknown extras policy", '[mapping]\nextras = "always"', ["mapping.extras@2:1"]],
    [
      "an invalid regex",
      '[mapping]\nrename = [{ pattern = "(", replace = "x" }]',
      ["mapping.rename[0].pattern@2:13"],
    ],
    [
      "a backreference, which RE2 cannot run",
      '[mapping]\nrename = [{ pattern = "(a)\\\\1", replace = "x" }]',
      ["mapping.rename[0].pattern@2:13"],
    ],
    [
      "a lookahead, which RE2 cannot run",
      '[mapping.targets.fedora]\nrename = [{ pattern = "(?=acme)a.*", replace = "x" }]',
      ["mapping.targets.fedora.rename[0].pattern@2:13"],
    ],
    ["a rename without replace", '[[mapping.rename]]\npattern = "x"', ["mapping.rename[0]@1:1"]],
    ["a member limit of zero", "[limits]\nmembers = 0", ["limits.members@2:1"]],
    ["a negative unpacked size", "[limits]\nunpacked-size = -1", ["limits.unpacked-size@2:1"]],
    ["a fractional ratio", "[limits]\ncompression-ratio = 2.5", ["limits.compression-ratio@2:1"]],
    ["a ratio of zero", "[limits]\nunpacked-ratio = 0", ["limits.unpacked-ratio@2:1"]],
    ["a size written as text", '[limits]\nunpacked-size = "8 GiB"', ["limits.unpacked-size@2:1"]],
    ["an unknown limit", "[limits]\nfiles = 10", ["limits.files@2:1"]],
    [
      "an unknown key in a rename",
      '[mapping]\nrename = [{ pattern = "x", replace = "y", flags = "i" }]',
      ["mapping.rename[0].flags@2:43"],
    ],
    [
      "an unknown target",
      "[mapping.targets.debian-99]\nignore = []",
      ["mapping.targets.debian-99@1:18"],
    ],
    [
      "an override key that is no project name",
      '[mapping.overrides]\n"foo bar" = "x"',
      ['mapping.overrides."foo bar"@2:1'],
    ],
    [
      "an override value that is no package name",
      '[mapping.overrides]\nfoo = "python3 foo"',
      ["mapping.overrides.foo@2:1"],
    ],
    [
      "an ignore that is no project name",
      '[mapping]\nignore = ["ok", "-bad"]',
      ["mapping.ignore[1]@2:17"],
    ],
    ["overrides that are an array", '[mapping]\noverrides = ["a"]', ["mapping.overrides@2:1"]],
    [
      "an invalid extra",
      '[mapping.targets.fedora]\nwith-extras = ["a b"]',
      ["mapping.targets.fedora.with-extras[0]@2:16"],
    ],
    [
      "an unknown severity",
      '[lint.severity]\nsome-rule = "fatal"',
      ["lint.severity.some-rule@2:1"],
    ],
    [
      "a rule id that is not kebab-case",
      '[lint.severity]\nSomeRule = "off"',
      ["lint.severity.SomeRule@2:1"],
    ],
    [
      "a per-target package table without name, with an unknown key",
      '[packages.foo.targets.fedora]\nrelease = "1"',
      ["packages.foo.targets.fedora@1:23", "packages.foo.targets.fedora.release@2:1"],
    ],
    [
      "a package key that is no project name",
      '[packages."a b"]\nname = "x"',
      ['packages."a b"@1:11'],
    ],
    [
      "a package license that is not SPDX",
      '[packages.paramiko]\nlicense = "LGPL"',
      ["packages.paramiko.license@2:1"],
    ],
    [
      "command-extras that is not a boolean",
      '[packages.httpx]\ncommand-extras = "no"',
      ["packages.httpx.command-extras@2:1"],
    ],
    [
      "every problem at once",
      'release = 1\n[maintainer]\nmail = "a@b"',
      ["release@1:1", "maintainer.mail@3:1"],
    ],
  ])("%s", (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each([
    ["an unterminated string", 'release = "1', 1],
    ["a duplicate key", 'release = "1"\nrelease = "2"', 2],
    ["a key that could reach the prototype", '[mapping.overrides]\n__proto__ = "x"', 2],
  ])("TOML syntax: %s, with its line", (_what, text, line) => {
    const error = (() => {
      try {
        parseConfig(text, FILE, "wheel2pkg.toml");
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error("accepted");
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ key: "", line });
    expect(error.problems[0]?.column).toBeGreaterThan(0);
  });

  it("names the file, line, column and key in its message", () => {
    try {
      parseConfig('[mapping]\nextras = "always"', FILE, "conf/w.toml");
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).describe()).toBe(
        'conf/w.toml:2:1: mapping.extras: expected one of "recommends", "suggests", "ignore", found "always"',
      );
    }
  });
});

describe("parseConfig builds", () => {
  const config = parseConfig(
    [
      'release = "2"',
      'changelog = ["Rebuilt for bookworm."]',
      'templates = "tmpl"',
      "[maintainer]",
      'name = "Ada"',
      'email = "ada@example.org"',
      "[mapping]",
      'overrides = { PyYAML = "python3-yaml" }',
      'rename = [{ pattern = "acme-(.*)", replace = "python3-acme-$1" }]',
      'ignore = ["pytest"]',
      'with-extras = ["Socks_Proxy"]',
      "[mapping.targets.debian-12]",
      'extras = "recommends"',
      "[lint.severity]",
      'missing-license = "off"',
      "[packages.requests]",
      'name = "python3-requests"',
      "[packages.requests.targets.fedora]",
      'name = "requests"',
    ].join("\n"),
    FILE,
    "wheel2pkg.toml",
  );

  it("keeps plain values and resolves templates from the file's directory", () => {
    expect(config).toMatchObject({
      file: FILE,
      release: "2",
      changelog: ["Rebuilt for bookworm."],
      templates: "/project/tmpl",
      maintainer: { name: "Ada", email: "ada@example.org" },
    });
    expect(config.lintSeverity.get("missing-license")).toBe("off");
  });

  it("records where every rule was written", () => {
    expect(config.mapping.overrides).toEqual([
      {
        project: "PyYAML",
        name: "python3-yaml",
        origin: "wheel2pkg.toml:8:15: mapping.overrides.PyYAML",
      },
    ]);
    expect(config.mapping.ignores).toEqual([
      { project: "pytest", origin: "wheel2pkg.toml:10:11: mapping.ignore[0]" },
    ]);
    expect(config.packages[0]?.targets.get("fedora")?.origin).toBe(
      "wheel2pkg.toml:19:1: packages.requests.targets.fedora.name",
    );
  });

  it("compiles rename patterns to match the whole name", () => {
    const [rename] = config.mapping.renames;
    expect(rename?.pattern.test("acme-tools")).toBe(true);
    expect(rename?.pattern.test("x-acme-tools")).toBe(false);
  });

  it("keeps only the limits the file sets", () => {
    expect(config.limits).toEqual({});
    const limited = parseConfig(
      "[limits]\nmembers = 300_000\ncompression-ratio = 2000",
      FILE,
      "wheel2pkg.toml",
    );
    expect(limited.limits).toEqual({ members: 300_000, compressionRatio: 2000 });
    expect(
      parseConfig(
        "[limits]\nunpacked-size = 17_179_869_184\nunpacked-ratio = 250",
        FILE,
        "wheel2pkg.toml",
      ).limits,
    ).toEqual({ unpackedSize: 16 * 1024 ** 3, unpackedRatio: 250 });
  });

  it("reads the archive's sources per target: URLs as written, paths from the file's directory", () => {
    expect(config.archive).toEqual({ sources: new Map() });
    const archive = parseConfig(
      [
        '[archive]\ncache = "cache"',
        "[archive.targets.debian-13]",
        'sources = ["https://deb.example.org/dists/trixie/main/binary-amd64/Packages.xz", "lists/Contents-amd64.gz"]',
      ].join("\n"),
      FILE,
      "wheel2pkg.toml",
    ).archive;
    expect(archive.cache).toBe("/project/cache");
    expect(archive.sources.get("debian-13")).toEqual([
      "https://deb.example.org/dists/trixie/main/binary-amd64/Packages.xz",
      "/project/lists/Contents-amd64.gz",
    ]);
    expect(problems("[archive.targets.debian-99]\nsources = []")).toEqual([
      "archive.targets.debian-99@1:18",
    ]);
    expect(problems("[archive.targets.fedora]\nsource = []")).toEqual([
      "archive.targets.fedora@1:18",
      "archive.targets.fedora.source@2:1",
    ]);
  });

  it("normalizes extras and keeps per-target sections apart", () => {
    expect(config.mapping.withExtras).toEqual(["socks-proxy"]);
    expect(config.mappingTargets.get("debian-12")).toMatchObject({ extras: "recommends" });
    expect(config.mapping.extras).toBeUndefined();
  });

  it("reads dev-extras per section, normalized, and refuses what is no extra name", () => {
    const dev = parseConfig(
      '[mapping]\ndev-extras = ["Tests", "docs"]\n[mapping.targets.fedora]\ndev-extras = []',
      FILE,
      "wheel2pkg.toml",
    );
    expect(dev.mapping.devExtras).toEqual(["tests", "docs"]);
    expect(dev.mappingTargets.get("fedora")?.devExtras).toEqual([]);
    expect(() => parseConfig('[mapping]\ndev-extras = ["a b"]', FILE, "wheel2pkg.toml")).toThrow(
      /wheel2pkg\.toml:2:15: mapping\.dev-extras\[0\]: "a b" is not an extra name/,
    );
  });
});

describe("a package's license", () => {
  const licensed = parseConfig(
    '[packages.Paramiko_SSH]\nlicense = "LGPL-2.1-or-later"\n',
    FILE,
    "wheel2pkg.toml",
  );

  it("is found by PEP 503 name, with where it was written", () => {
    expect(configuredLicense(licensed, "paramiko-ssh")).toEqual({
      spdx: "LGPL-2.1-or-later",
      origin: "wheel2pkg.toml:2:1: packages.Paramiko_SSH.license",
    });
    expect(configuredLicense(licensed, "paramiko")).toBeUndefined();
  });

  it("sets no name rule", () => {
    expect(licensed.packages[0]?.name).toBeUndefined();
  });

  it("is refused when two keys denote the project", () => {
    const twice = parseConfig(
      '[packages.a_b]\nlicense = "MIT"\n[packages.a-b]\nlicense = "MIT"\n',
      FILE,
      "wheel2pkg.toml",
    );
    expect(() => configuredLicense(twice, "a-b")).toThrow(UserError);
  });
});

describe("a package's command-extras", () => {
  it("names the file, line, key and the type it wants", () => {
    expect(() =>
      parseConfig('[packages.httpx]\ncommand-extras = "no"\n', FILE, "wheel2pkg.toml"),
    ).toThrow(
      "wheel2pkg.toml:2:1: packages.httpx.command-extras: expected true or false, found a string",
    );
  });

  it("is found by PEP 503 name, and folds by default", () => {
    const config = parseConfig(
      "[packages.My_Tool]\ncommand-extras = false\n",
      FILE,
      "wheel2pkg.toml",
    );
    expect(configuredCommandExtras(config, "my-tool")).toBe(false);
    expect(configuredCommandExtras(config, "other")).toBe(true);
    expect(configuredCommandExtras(emptyConfig, "my-tool")).toBe(true);
    expect(config.packages[0]?.commandExtras).toEqual({
      fold: false,
      origin: "wheel2pkg.toml:2:1: packages.My_Tool.command-extras",
    });
  });

  it("is refused when two keys denote the project", () => {
    const twice = parseConfig(
      "[packages.a_b]\ncommand-extras = false\n[packages.a-b]\ncommand-extras = true\n",
      FILE,
      "wheel2pkg.toml",
    );
    expect(() => configuredCommandExtras(twice, "a-b")).toThrow(
      '"a-b" is the same project as wheel2pkg.toml:2:1: packages.a_b.command-extras',
    );
  });
});

describe("loadConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-config-"));
  writeFileSync(join(dir, "other.toml"), 'release = "7"\n');

  it("gives the defaults when the working directory has no wheel2pkg.toml", async () => {
    expect(await loadConfig(undefined, dir)).toBe(emptyConfig);
  });

  it("reads --config relative to the working directory", async () => {
    expect(await loadConfig("other.toml", dir)).toMatchObject({
      release: "7",
      file: join(dir, "other.toml"),
    });
  });

  it("refuses a --config file that does not exist", async () => {
    await expect(loadConfig("missing.toml", dir)).rejects.toThrow(UserError);
  });

  it("finds wheel2pkg.toml in the working directory", async () => {
    const here = mkdtempSync(join(tmpdir(), "wheel2pkg-config-"));
    writeFileSync(join(here, "wheel2pkg.toml"), "release = 3\n");
    await expect(loadConfig(undefined, here)).rejects.toThrow(
      /wheel2pkg\.toml:1:1: release: expected a string/,
    );
  });
});

describe("the builder key", () => {
  it("is read, and absent by default", () => {
    expect(parseConfig('builder = "dpkg"', FILE, "wheel2pkg.toml").builder).toBe("dpkg");
    expect(parseConfig("", FILE, "wheel2pkg.toml").builder).toBeUndefined();
  });
});
