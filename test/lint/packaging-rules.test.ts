import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type LintInput,
  parseDebianDir,
  parseSpec,
  type Rule,
  rules,
  runRules,
} from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { skipWithout } from "../helpers/tools.js";

/** The registered rule with this id. */
function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

/** The lines on which one rule reports, for a spec text on a target. */
function specLines(id: string, text: string, target = "fedora"): number[] {
  const input: LintInput = { kind: "spec", path: "x.spec", spec: parseSpec(text) };
  return runRules(input, getProfile(target), { rules: [rule(id)] }).map((f) => f.line ?? 0);
}

/** A spec whose `%files` section is the given lines (on lines 6 onwards). */
function withFiles(...entries: string[]): string {
  return [
    "Name: python-demo",
    "BuildRequires: python3-devel",
    "",
    "%files -n python3-demo",
    "%{python3_sitelib}/demo-1.0.dist-info/",
    ...entries,
  ].join("\n");
}

describe("python3-devel-not-buildrequired", () => {
  it.each([
    ["BuildRequires: python3-devel", []],
    ["BuildRequires: python3-installer, python3-devel >= 3.9", []],
    ["BuildRequires: python%{python3_pkgversion}-devel", []],
    ["BuildRequires: python3.11-devel", []],
    ["BuildRequires: python3-installer", [1]],
    ["BuildRequires: python3-devel-doc", [1]],
  ])("%s → %j", (tag, lines) => {
    expect(specLines("python3-devel-not-buildrequired", `Name: demo\n${tag}\n`)).toEqual(lines);
  });
});

describe("unversioned-python-macro", () => {
  it.each([
    ["%{python3} -m installer", []],
    ["%{__python3} setup.py build", []],
    ["%py3_build", []],
    ["%{__python} setup.py build", [2]],
    ["%{?python_sitelib}/x", [2]],
    ["%py_build", [2]],
    ["%py_install_wheel x.whl", [2]],
    ["# %{python_sitelib} in a comment", []],
    ["echo 100%%{python_version}", []],
    ["%global __python %{python3}", []],
  ])("%s → %j", (line, lines) => {
    expect(specLines("unversioned-python-macro", `Name: demo\n${line}\n`)).toEqual(lines);
  });

  it("is off on openSUSE, whose singlespec macros are unversioned", () => {
    const input: LintInput = {
      kind: "spec",
      path: "x.spec",
      spec: parseSpec("Name: demo\n%files\n%{python_sitelib}/demo/\n"),
    };
    expect(runRules(input, getProfile("opensuse"))).not.toContainEqual(
      expect.objectContaining({ ruleId: "unversioned-python-macro" }),
    );
  });
});

describe("files-glob-too-broad", () => {
  it.each([
    ["%{python3_sitelib}/demo/", []],
    ["%{python3_sitelib}/demo/*", []],
    ["%{python3_sitelib}/__pycache__/*", []],
    ["%{_bindir}/demo*", []],
    ["%{python3_sitelib}/*", [6]],
    ["%{python3_sitearch}/*", [6]],
    ["%{_bindir}/*", [6]],
    ["/usr/lib/python3.15/site-packages/*", [6]],
    ["%{python_sitelib}/*", [6]],
  ])("%s → %j", (entry, lines) => {
    expect(specLines("files-glob-too-broad", withFiles(entry))).toEqual(lines);
  });
});

describe("license-not-marked", () => {
  it.each([
    ["%license LICENSE", []],
    ["%license %{python3_sitelib}/demo-1.0.dist-info/licenses/", []],
    ["%dir %{python3_sitelib}/demo-1.0.dist-info/licenses", []],
    ["%doc README.md", []],
    ["%{python3_sitelib}/license_expression/", []],
    ["%{python3_sitelib}/demo/license.py", []],
    ["%{_bindir}/copyright", []],
    ["%doc README.md COPYING", [6]],
    ["%{python3_sitelib}/demo-1.0.dist-info/LICENSE.txt", [6]],
    ["%{python3_sitelib}/demo-1.0.dist-info/licenses/", [6]],
    ["%{python3_sitelib}/demo-1.0.dist-info/NOTICE", [6]],
    ["%doc LICENCE-MIT LICENCE-APACHE", [6, 6]],
  ])("%s → %j", (entry, lines) => {
    expect(specLines("license-not-marked", withFiles(entry))).toEqual(lines);
  });
});

describe("bytecode-not-packaged", () => {
  it.each([
    [["%pycached %{python3_sitelib}/demo.py"], []],
    [["%{python3_sitelib}/demo.py", "%{python3_sitelib}/__pycache__/demo.*.pyc"], []],
    [["%{python3_sitelib}/demo.py", "%{python3_sitelib}/__pycache__/*"], []],
    [["%{python3_sitelib}/demo/", "%{python3_sitelib}/demo/sub/extra.py"], []],
    [["%{_bindir}/demo.py"], []],
    [["%{python3_sitelib}/demo.py"], [6]],
    [["%{python3_sitearch}/demo.py", "%{python3_sitearch}/__pycache__/other.*.pyc"], [6]],
    [["%dir %{python3_sitelib}/demo", "%{python3_sitelib}/demo/__init__.py"], [7]],
    [["%{python3_sitelib}/demo.py", "%dir %{python3_sitelib}/__pycache__"], [6]],
  ])("%j → %j", (entries, lines) => {
    expect(specLines("bytecode-not-packaged", withFiles(...entries))).toEqual(lines);
  });

  it("accepts openSUSE's %pycache_only entries", () => {
    const text = withFiles(
      "%{python_sitelib}/demo.py",
      "%pycache_only %{python_sitelib}/__pycache__/demo.*.pyc",
    );
    expect(specLines("bytecode-not-packaged", text, "opensuse")).toEqual([]);
    expect(
      specLines("bytecode-not-packaged", withFiles("%{python_sitelib}/demo.py"), "opensuse"),
    ).toEqual([6]);
  });
});

describe("forbidden-spec-tag", () => {
  it.each([
    ["License: MIT", []],
    ["Requires(pre): shadow-utils", []],
    ["Copyright: GPL", [2]],
    ["Packager: Someone <someone@example.org>", [2]],
    ["Vendor: Example", [2]],
    ["PreReq: shadow-utils", [2]],
    ["BuildRoot: %{_tmppath}/%{name}-%{version}-build", [2]],
    ["Group: Development/Libraries", [2]],
  ])("%s → %j", (tag, lines) => {
    expect(specLines("forbidden-spec-tag", `Name: demo\n${tag}\n`)).toEqual(lines);
  });
});

/** The messages one rule reports for a debian/ directory of these files. */
function debianMessages(id: string, files: Record<string, string>): string[] {
  const input: LintInput = {
    kind: "debian-dir",
    path: "debian",
    debian: parseDebianDir(
      Object.entries(files).map(([path, content]) => ({ path, content, mode: 0o755 })),
    ),
  };
  return runRules(input, getProfile("debian-12"), { rules: [rule(id)] }).map((f) => f.message);
}

/** A debian/control with these source fields and one python3-demo package. */
function control(source: string, depends = "${python3:Depends}, ${misc:Depends}"): string {
  return `Source: python-demo\n${source}\n\nPackage: python3-demo\nArchitecture: all\nDepends: ${depends}\nDescription: demo\n demo\n`;
}

describe("python-build-depends-missing", () => {
  it.each([
    ["debhelper-compat (= 13), dh-python, python3-all", 0],
    ["debhelper-compat (= 13), dh-sequence-python3, python3:any", 0],
    ["debhelper-compat (= 13), dh-python, python3-all-dev", 0],
    ["debhelper-compat (= 13), dh-python, python3.11-dev | python3-dev", 0],
    ["debhelper-compat (= 13), python3-all", 1],
    ["debhelper-compat (= 13), dh-python", 1],
    ["debhelper-compat (= 13), dh-python, python3-installer", 1],
    ["debhelper-compat (= 13)", 2],
  ])("Build-Depends: %s → %i", (value, count) => {
    const found = debianMessages("python-build-depends-missing", {
      control: control(`Build-Depends: ${value}`),
    });
    expect(found).toHaveLength(count);
  });

  it("leaves a package that is not Python alone", () => {
    const text =
      "Source: demo\nBuild-Depends: debhelper-compat (= 13)\n\nPackage: demo\nDepends: ${misc:Depends}\n";
    expect(debianMessages("python-build-depends-missing", { control: text })).toEqual([]);
  });
});

describe("misc-depends-missing", () => {
  it.each([
    ["${python3:Depends}, ${misc:Depends}", 0],
    ["${misc:Depends},\n ${python3:Depends}", 0],
    ["${python3:Depends}", 1],
    ["${python3:Depends}, python3-click", 1],
  ])("Depends: %j → %i", (depends, count) => {
    const text = control("Build-Depends: debhelper-compat (= 13), dh-python, python3-all", depends);
    expect(debianMessages("misc-depends-missing", { control: text })).toHaveLength(count);
  });
});

describe("rules-requires-root-missing", () => {
  it.each([
    ["Rules-Requires-Root: no", 0],
    ["Rules-Requires-Root: binary-targets", 0],
    ["Rules-Requires-Root: dpkg/target-subcommand debhelper/upstream-make-install", 0],
    ["Priority: optional", 1],
    ["Rules-Requires-Root: yes", 1],
    ["Rules-Requires-Root: no binary-targets", 1],
  ])("%s → %i", (line, count) => {
    expect(debianMessages("rules-requires-root-missing", { control: control(line) })).toHaveLength(
      count,
    );
  });
});

const trailer = " -- Test Packager <packager@example.org>  Tue, 14 Nov 2023 22:13:20 +0000";
const entry = (heading: string, end = trailer) =>
  `${heading}\n\n  * Initial release.\n\n${end}\n\nolder (0.9-1) unstable; urgency=low\n`;

/** Changelogs and what is wrong with their first entry (nothing, for the valid ones). */
const changelogs: [string, string[]][] = [
  [entry("python-demo (1.0-1) bookworm; urgency=medium"), []],
  [entry("python-demo (1:1.0~rc1+dfsg-0.1) unstable experimental; urgency=HIGH"), []],
  [entry("python-demo (1.0-1) bookworm; urgency=low (no hurry)"), []],
  [entry("python-demo (1.0-1) bookworm"), ["heading"]],
  [entry("python-demo (1.0-1) bookworm; distribution=x"), ["urgency"]],
  [entry("python-demo (1.0-1) bookworm; urgency=soon"), ["urgency"]],
  [entry("python-demo (v1.0) bookworm; urgency=low"), ["version"]],
  [entry("other (1.0-1) bookworm; urgency=low"), ["source"]],
  [
    entry("python-demo (1.0-1) bookworm; urgency=low", trailer.replace("  Tue", " Tue")),
    ["trailer"],
  ],
  [entry("python-demo (1.0-1) bookworm; urgency=low", trailer.replace("Tue", "Wed")), ["weekday"]],
  [
    entry("python-demo (1.0-1) bookworm; urgency=low", trailer.replace("14 Nov", "31 Nov")),
    ["date"],
  ],
  [entry("python-demo (1.0-1) bookworm; urgency=low", trailer.replace(" +0000", "")), ["date"]],
  ["python-demo (1.0-1) bookworm; urgency=low\n\n  * Change.\n", ["no trailer"]],
  ["python-demo (1.0-1) bookworm; urgency=low\n\n* Change.\n\n" + trailer, ["indent"]],
  [`python-demo (1.0-1) bookworm; urgency=low\n\n${trailer}\n`, ["no changes"]],
];

/** changelog-format's findings for a changelog of the python-demo source. */
function changelogFindings(text: string): string[] {
  return debianMessages("changelog-format", {
    control: control("Build-Depends: debhelper-compat (= 13)"),
    changelog: text,
  });
}

describe("changelog-format", () => {
  it.each(changelogs)("%j → %j", (text, problems) => {
    expect(changelogFindings(text)).toHaveLength(problems.length);
  });

  it("reports a missing changelog", () => {
    expect(debianMessages("changelog-format", { control: control("") })).toEqual([
      "debian/changelog is missing",
    ]);
  });
});

describe.skipIf(skipWithout("dpkg-parsechangelog"))(
  "changelog-format and dpkg-parsechangelog",
  () => {
    const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-changelog-"));
    afterAll(() => {
      rmSync(scratch, { recursive: true, force: true });
    });

    // dpkg checks less than Policy (urgency values, weekdays), never more: whatever it warns
    // about, the rule reports too, and the entries the rule accepts, dpkg reads silently.
    it.each(changelogs)("%j", (text, problems) => {
      const path = join(scratch, "changelog");
      writeFileSync(path, text);
      const run = spawnSync("dpkg-parsechangelog", ["-l", path], { encoding: "utf8" });
      const dpkgObjects = run.status !== 0 || /warning|error/.test(run.stderr);
      if (dpkgObjects) expect(changelogFindings(text).length).toBeGreaterThan(0);
      if (problems.length === 0) expect(dpkgObjects).toBe(false);
    });
  },
);

describe("noarch-with-arch-files on a built package", () => {
  const metapackage = (ghost: boolean): LintInput => ({
    kind: "rpm",
    path: "python3-demo+cli-1.0-1.fc45.noarch.rpm",
    built: {
      format: "rpm",
      name: "python3-demo+cli",
      architecture: "noarch",
      license: "MIT",
      summary: "Metapackage for python3-demo: cli extras",
      section: "",
      requires: [],
      files: [
        {
          path: "/usr/lib64/python3.15/site-packages/demo-1.0.dist-info",
          directory: false,
          executable: false,
          elf: false,
          shebang: null,
          ghost,
        },
      ],
    },
  });
  const found = (input: LintInput) =>
    runRules(input, getProfile("fedora"), { rules: [rule("noarch-with-arch-files")] });

  it("passes a %ghost in lib64, which installs nothing (an extras metapackage made with -a)", () => {
    expect(found(metapackage(true))).toEqual([]);
  });

  it("reports a lib64 path that is installed", () => {
    expect(found(metapackage(false))).toHaveLength(1);
  });
});
