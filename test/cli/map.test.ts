import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

interface Entry {
  requirement: string;
  dependencies: string[];
  diagnostics: { code: string; severity: string; message: string }[];
}

async function mapJson(args: string[]): Promise<Entry[]> {
  const result = await runCli(["map", ...args, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Entry[];
}

describe("wheel2pkg map --json", () => {
  it.each([
    ["fedora", "foo>=1.2", ["python3dist(foo) >= 1.2"]],
    ["fedora", "foo~=2.4.8", ["(python3dist(foo) >= 2.4.8 with python3dist(foo) < 2.5)"]],
    [
      "fedora",
      "Foo.Bar[socks]<3",
      ["python3dist(foo-bar) < 3~~", "python3dist(foo-bar[socks]) < 3~~"],
    ],
    ["fedora", 'tomli; python_version < "3.11"', []],
    ["fedora-rawhide", "foo==2.0.*", ["(python3dist(foo) >= 2 with python3dist(foo) < 2.1)"]],
    // EL9's Python 3.9 still needs the backports that newer Pythons do without.
    ["epel-9", 'tomli>=1.1; python_version < "3.11"', ["python3dist(tomli) >= 1.1"]],
    ["opensuse", "PyYAML>=6", ["python-PyYAML >= 6"]],
    ["opensuse", "foo~=2.4.8", ["(python-foo < 2.5~~ with python-foo >= 2.4.8)"]],
    [
      "opensuse",
      "requests[socks]!=2.28.0",
      ["(python-requests >= 2.28.0.1~~ or python-requests < 2.28)"],
    ],
    ["opensuse", 'colorama; os_name == "nt"', []],
    ["debian-12", "foo>=1.2", ["python3-foo (>= 1.2)"]],
    ["debian-13", 'foo; python_version >= "3.12"', ["python3-foo"]],
    ["ubuntu-24.04", 'foo; python_version >= "3.13"', []],
  ])("%s: %s", async (target, requirement, dependencies) => {
    const [entry] = await mapJson([requirement, "--target", target]);
    expect(entry?.dependencies).toEqual(dependencies);
  });

  it("prints one object per requirement in the fixed shape, the requirement as given", async () => {
    const given = ["requests [socks] >= 2.25 , != 2.28.0", "pywin32; sys_platform == 'win32'"];
    const entries = await mapJson([...given, "--target", "fedora"]);
    expect(entries.map((entry) => entry.requirement)).toEqual(given);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(["requirement", "dependencies", "diagnostics"]);
      for (const d of entry.diagnostics)
        expect(Object.keys(d)).toEqual(["code", "severity", "message"]);
    }
    expect(entries[1]?.dependencies).toEqual([]);
    expect(entries[1]?.diagnostics.map((d) => d.code)).toContain("marker-false");
  });

  it("says why openSUSE loses an extra", async () => {
    const [entry] = await mapJson(["requests[socks]>=2", "--target", "opensuse"]);
    expect(entry?.dependencies).toEqual(["python-requests >= 2"]);
    expect(entry?.diagnostics.map((d) => d.code)).toContain("opensuse-extras-unsupported");
  });

  describe("--arch", () => {
    const requirement = 'bar; platform_machine == "aarch64"';

    it("keeps a machine marker of a noarch package, with a warning", async () => {
      const [entry] = await mapJson([requirement, "--target", "fedora"]);
      expect(entry?.dependencies).toEqual(["python3dist(bar)"]);
      expect(entry?.diagnostics.map((d) => d.code)).toContain("marker-machine-noarch");
    });

    it.each([
      ["fedora", "aarch64", ["python3dist(bar)"]],
      ["fedora", "x86_64", []],
      ["debian-12", "arm64", ["python3-bar"]],
      ["debian-12", "amd64", []],
    ])("%s --arch %s decides it", async (target, arch, dependencies) => {
      const [entry] = await mapJson([requirement, "--target", target, "--arch", arch]);
      expect(entry?.dependencies).toEqual(dependencies);
      expect(entry?.diagnostics.map((d) => d.code)).not.toContain("marker-machine-noarch");
    });

    it("refuses a machine the target does not build for", async () => {
      const result = await runCli(["map", "bar", "--target", "epel-9", "--arch", "i686"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--arch.*i686.*epel-9/s);
    });
  });
});

describe("wheel2pkg map (text)", () => {
  it("prints one line per requirement", async () => {
    const result = await runCli(["map", "foo>=1.2", "baz; os_name == 'nt'", "--target", "fedora"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "foo>=1.2 → python3dist(foo) >= 1.2\nbaz; os_name == 'nt' → (none)\n",
    );
  });

  it.each([
    [["map", "foo >= = 1", "--target", "fedora"], /requirement/],
    [["map", "foo", "--target", "gentoo"], /unknown target "gentoo"/],
    [["map", "foo", "--target", "fedora,debian-12"], /one target/],
  ])("exits 2 on bad input: %j", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
