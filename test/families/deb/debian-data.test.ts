import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  debianFallback,
  dhPythonKey,
  fallbackFromJson,
} from "../../../src/families/deb/debian-data.js";
import { families } from "../../../src/families/index.js";
import { noNameRules } from "../../../src/mapping/name-rules.js";
import { resolveName } from "../../../src/mapping/names.js";
import { getProfile } from "../../../src/profiles/index.js";

const debian = getProfile("debian-12");
const rules = noNameRules(families.deb.mapping);
const dataFile = join(import.meta.dirname, "../../../data/debian/cpython3_fallback.json");
const script = join(import.meta.dirname, "../../../scripts/update-data.mjs");

describe("dhPythonKey (dh-python's safe_name)", () => {
  it.each([
    ["ruamel.yaml", "ruamel.yaml"],
    ["Zope.Interface", "zope.interface"],
    ["python-dateutil", "python_dateutil"],
    ["Foo--Bar__baz", "foo_bar_baz"],
    ["PyYAML", "pyyaml"],
  ])("%s → %s", (name, key) => {
    expect(dhPythonKey(name)).toBe(key);
  });
});

describe("Debian names from the committed dh-python data", () => {
  it.each([
    ["ruamel.yaml", "python3-ruamel.yaml"],
    ["Ruamel.YAML", "python3-ruamel.yaml"],
    ["zope.interface", "python3-zope.interface"],
    ["PyYAML", "python3-yaml"],
    ["pyyaml", "python3-yaml"],
    ["beautifulsoup4", "python3-bs4"],
    ["attrs", "python3-attr"],
    ["PyGObject", "python3-gi"],
    ["setuptools", "python3-pkg-resources"],
    ["python-dateutil", "python3-dateutil"],
    ["typing-extensions", "python3-typing-extensions"],
    ["Jinja2", "python3-jinja2"],
    ["requests", "python3-requests"],
    // dh-python keeps the first line of a key: `SimPy python3-simpy`, not `simpy python3-simpy3`.
    ["simpy", "python3-simpy"],
    // dh-python misreads `2ping 2ping` as "ignore ping"; wheel2pkg reads the line as written.
    ["2ping", "2ping"],
  ])("%s → %s", (project, name) => {
    const decision = resolveName(project, debian, rules);
    expect({ layer: decision.layer, name: decision.name, guess: decision.guess }).toEqual({
      layer: "distro-data",
      name,
      guess: false,
    });
    expect(decision.rule).toMatch(/^dh-python cpython3_fallback: ".+" \(dh-python \d/);
  });

  it("finds a dotted entry by PEP 503 name when dh-python's key misses it, and says so", () => {
    const decision = resolveName("zope-interface", debian, rules);
    expect(decision).toMatchObject({ layer: "distro-data", name: "python3-zope.interface" });
    expect(decision.rule).toContain("matched by PEP 503 name");
  });

  it("uses a relation the data fixes as it is", () => {
    expect(resolveName("argparse", debian, rules)).toMatchObject({
      name: "python3",
      relation: "python3 (>= 3.2)",
    });
  });

  it("records the dh-python version it came from", () => {
    expect(debianFallback().source).toMatch(/^dh-python \d+\.\d+/);
  });

  it("gives up a PEP 503 name that two entries share, and drops a requirement with no package", () => {
    const data = fallbackFromJson(
      JSON.stringify({ source: "t", map: { "a.b": "python3-ab", a_b: "python3-a-b", gone: "" } }),
    );
    expect(data.lookup("a-b")?.dependency).toBe("python3-a-b"); // dh-python's key: a_b
    expect(data.lookup("A.B")?.dependency).toBe("python3-ab");
    expect(data.lookup("a--b")?.match).toBe("dh-python");
    expect(data.lookup("gone")).toMatchObject({ dependency: "" });
    const ambiguous = fallbackFromJson(
      JSON.stringify({ source: "t", map: { "x.y": "one", "x..y": "two" } }),
    );
    expect(ambiguous.lookup("x_y")).toBeUndefined();
  });
});

describe("scripts/update-data.mjs", () => {
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-update-data-"));
  const run = (text: string) => {
    writeFileSync(join(dir, "fallback"), text);
    const out = join(dir, "out.json");
    const result = spawnSync(
      process.execPath,
      [script, "--fallback", join(dir, "fallback"), "--source", "dh-python 9.9", "--out", out],
      { encoding: "utf8" },
    );
    return {
      ...result,
      json: result.status === 0 ? (JSON.parse(readFileSync(out, "utf8")) as unknown) : null,
    };
  };

  it("keeps each key's first line and its dependency, sorted, with the source", () => {
    const result = run(
      [
        "# a comment",
        "PyYAML python3-yaml",
        "argparse python3 (>= 3.2)",
        "Foo_Bar 3.11 python3-foobar",
        "with_rules python3-rules; PEP386 s/^/2:/",
        "_pycbf python3-pycbf",
        "2ping 2ping",
        "SimPy python3-simpy",
        "simpy python3-simpy3",
        "dropped",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(0);
    expect(result.json).toEqual({
      source: "dh-python 9.9",
      file: "usr/share/dh-python/dist/cpython3_fallback",
      map: {
        "2ping": "2ping",
        PyYAML: "python3-yaml",
        SimPy: "python3-simpy",
        argparse: "python3 (>= 3.2)",
        dropped: "",
        pycbf: "python3-pycbf",
        with_rules: "python3-rules",
      },
    });
    expect(Object.keys((result.json as { map: object }).map)).toEqual([
      "2ping",
      "PyYAML",
      "SimPy",
      "argparse",
      "dropped",
      "pycbf",
      "with_rules",
    ]);
    expect(result.stderr).toMatch(/line 4: left out \(limited to Python 3\.11\)/);
    expect(result.stderr).toMatch(/line 5: version rules dropped/);
    expect(result.stderr).toMatch(/line 9: left out \(SimPy has the same key\)/);
  });

  it("refuses a line dh-python would refuse", () => {
    const result = run("PyYAML python3-yaml\n!!!\n");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/line 2: not a dh-python pydist line/);
  });

  const installed = "/usr/share/dh-python/dist/cpython3_fallback";
  const committed = JSON.parse(readFileSync(dataFile, "utf8")) as { source: string };
  const installedVersion = existsSync(installed)
    ? execFileSync("dpkg-query", ["-W", "-f", "${Version}", "dh-python"], { encoding: "utf8" })
    : null;
  it.skipIf(committed.source !== `dh-python ${installedVersion}`)(
    "wrote the committed data from the same dh-python as installed here",
    () => {
      const result = run(readFileSync(installed, "utf8"));
      expect(result.json).toEqual({ ...committed, source: "dh-python 9.9" });
    },
  );
});
