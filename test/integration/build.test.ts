import { readdirSync } from "node:fs";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import {
  binaryNamed,
  importFrom,
  installDebs,
  installRpms,
  rpmRequires,
  run,
} from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";

interface Case {
  wheel: string;
  target: "fedora" | "epel-9" | "opensuse" | "debian-12";
  modules: string[];
  /** A command installed in /usr/bin and what its output contains. */
  command?: [string, string];
  /** What follows `#!` in installed scripts (default `/usr/bin/python3`). */
  shebang?: string;
  /** Relations the main binary package must carry. */
  depends: string[];
  /** Capabilities the main binary package must provide. */
  provides?: string[];
  /** Other binary packages (by name) and relations each must carry. */
  subpackages?: Record<string, string[]>;
  /** Other binary packages (by name) and capabilities each must provide. */
  subpackageProvides?: Record<string, string[]>;
  /** Binary packages that must not be built. */
  absent?: string[];
}

const cases: Case[] = [
  {
    wheel: "hello_cli-1.2.0-py3-none-any.whl",
    target: "debian-12",
    modules: ["hello_cli", "hello_util"],
    command: ["hello", "hello"],
    depends: ["python3-click (>= 8.0)"],
  },
  {
    wheel: "hello_cli-1.2.0-py3-none-any.whl",
    target: "fedora",
    modules: ["hello_cli", "hello_util"],
    command: ["hello", "hello"],
    // %py3_shebang_fix (pathfix.py) writes `#! ` and Fedora's flags for Python 3.11 and later.
    shebang: " /usr/bin/python3 -sP",
    // Fedora's generator writes the relations from METADATA, for the Python it installs into.
    depends: ["python3.15dist(click) >= 8", "python(abi) = 3.15"],
    provides: ["python3dist(hello-cli) = 1.2", "python3.15dist(hello-cli) = 1.2"],
  },
  {
    wheel: "datapkg-0.3.1-py2.py3-none-any.whl",
    target: "debian-12",
    modules: ["datapkg"],
    command: ["datapkg-tool", "datapkg"],
    depends: [],
  },
  {
    wheel: "datapkg-0.3.1-py2.py3-none-any.whl",
    target: "fedora",
    modules: ["datapkg"],
    command: ["datapkg-tool", "datapkg"],
    shebang: " /usr/bin/python3 -sP",
    depends: [],
  },
  {
    wheel: "oldmeta-0.9-py3-none-any.whl",
    target: "fedora",
    modules: ["oldmeta"],
    depends: [],
  },
  {
    wheel: "extras_demo-2.0.0rc1-py3-none-any.whl",
    target: "fedora",
    modules: ["extras_demo"],
    depends: ["(python3.15dist(attrs) >= 23.1 with python3.15dist(attrs) < 24)"],
    subpackages: {
      "python3-extras-demo+cli": [
        "python3-extras-demo = 2.0.0~rc1-1.fc45",
        "python3.15dist(rich) >= 12",
        "python(abi) = 3.15",
      ],
    },
    // %pyproject_extras_subpkg: the generator provides the extra by the subpackage's name.
    subpackageProvides: {
      "python3-extras-demo+cli": ["python3dist(extras-demo[cli]) = 2~rc1"],
    },
    // The test extra is development-only: it gets no metapackage (config: dev-extras).
    absent: ["python3-extras-demo+test"],
  },
  {
    wheel: "hello_cli-1.2.0-py3-none-any.whl",
    target: "epel-9",
    modules: ["hello_cli", "hello_util"],
    command: ["hello", "hello"],
    // Python 3.9 has no `-P`: %py3_shebang_fix writes `-s` alone.
    shebang: " /usr/bin/python3 -s",
    // Python 3.9 needs the backport the wheel asks for below 3.10.
    depends: ["python3.9dist(click) >= 8", "python3.9dist(importlib-metadata) >= 4.6"],
  },
  {
    wheel: "hello_cli-1.2.0-py3-none-any.whl",
    target: "opensuse",
    modules: ["hello_cli", "hello_util"],
    command: ["hello", "hello"],
    shebang: "/usr/bin/python3.13",
    // The host stand-in for %python_subpackages renames python- relations to the flavor's.
    depends: ["python313-click >= 8"],
  },
  {
    wheel: "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    target: "debian-12",
    modules: ["fastmath"],
    depends: [],
  },
];

const tools = ["rpmbuild", "rpm", "dpkg-buildpackage", "dh_python3", "dpkg-deb"];

describe.skipIf(skipWithout(...tools))("built packages install and import", () => {
  it.each(cases)("$wheel for $target", async (testCase) => {
    const { wheel, target, modules, command, depends } = testCase;
    const out = mkdtempSync(join(tmpdir(), "wheel2pkg-build-"));
    const profile = getProfile(target);
    const result = await convertWheel(fixtureWheel(wheel), {
      profiles: [profile],
      outDir: out,
      build: true,
      packaging: fixedPackaging,
    });
    const built = result.packages[0]?.build;
    expect(built).toBeDefined();
    // The direct builder (Debian's default) makes the binary package alone.
    expect(built?.sourcePackages).toHaveLength(profile.family === "deb" ? 0 : 1);
    const binaries = (built?.binaryPackages ?? []).filter((path) => !path.includes("-dbgsym"));
    expect(binaries.length).toBeGreaterThanOrEqual(1);

    const isDeb = profile.family === "deb";
    const root = isDeb ? installDebs(binaries) : installRpms(binaries);
    const site = isDeb
      ? join(root, "usr/lib/python3/dist-packages")
      : join(
          root,
          result.packages[0]?.architecture === "noarch" ? "usr/lib" : "usr/lib64",
          `python${profile.python.version}/site-packages`,
        );
    const imported = importFrom(site, modules);
    for (const module of modules) expect(imported).toContain(`${module} ${site}/${module}`);

    if (command !== undefined) {
      const script = join(root, "usr/bin", command[0]);
      expect(readdirSync(join(root, "usr/bin"))).toContain(command[0]);
      const shebang = run("head", ["-n1", script]).trim();
      expect(shebang).toBe(`#!${testCase.shebang ?? "/usr/bin/python3"}`);
      expect(run("/usr/bin/python3", [script], { PYTHONPATH: site })).toContain(command[1]);
    }

    const main = result.packages[0]?.binaryNames[0] ?? "";
    const relations = isDeb
      ? run("dpkg-deb", ["-f", binaries[0] ?? "", "Depends"])
      : rpmRequires(binaryNamed(binaries, main));
    for (const relation of depends) expect(relations).toContain(relation);
    for (const [name, required] of Object.entries(testCase.subpackages ?? {})) {
      const requires = rpmRequires(binaryNamed(binaries, name));
      for (const relation of required) expect(requires).toContain(relation);
    }
    if (!isDeb) {
      const provides = run("rpm", ["-qp", "--provides", binaryNamed(binaries, main)]);
      for (const capability of testCase.provides ?? []) expect(provides).toContain(capability);
    }
    for (const [name, provided] of Object.entries(testCase.subpackageProvides ?? {})) {
      const provides = run("rpm", ["-qp", "--provides", binaryNamed(binaries, name)]);
      for (const capability of provided) expect(provides).toContain(capability);
    }
    for (const name of testCase.absent ?? []) {
      expect(() => binaryNamed(binaries, name)).toThrow(/no package/);
    }
  });
});
