import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseLintian, queryDeb, runLintian } from "../../src/families/deb/native.js";
import { parseRpmlint, queryRpm, runRpmlint } from "../../src/families/rpm/native.js";
import { nativeFindings, lintPath } from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { skipWithout, systemPath } from "../helpers/tools.js";

const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-native-lint-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("native linter output", () => {
  it.each([
    [
      "python3-x.noarch: E: invalid-license GPLv2+",
      {
        tool: "rpmlint",
        file: "python3-x.noarch",
        severity: "error",
        tag: "invalid-license",
        message: "GPLv2+",
      },
    ],
    [
      "python-x.spec:12: W: mixed-use-of-spaces-and-tabs (spaces: line 3, tab: line 12)",
      { file: "python-x.spec", line: 12, severity: "warning", tag: "mixed-use-of-spaces-and-tabs" },
    ],
    [
      "python3-x.noarch: I: no-manual-page-for-binary x",
      { severity: "info", tag: "no-manual-page-for-binary" },
    ],
  ])("rpmlint: %s", (line, expected) => {
    expect(
      parseRpmlint(`${line}\n1 packages and 0 specfiles checked; 1 errors, 0 warnings\n`),
    ).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    [
      "E: python3-x: package-installs-python-pycache-dir [usr/lib/python3/dist-packages/x/__pycache__/]",
      "error",
      "python3-x",
    ],
    [
      "W: python-x source: missing-license-paragraph-in-dep5-copyright gpl-2+ [debian/copyright:5]",
      "warning",
      "python-x",
    ],
    ["P: python-x source: debian-rules-not-executable", "info", "python-x"],
    ["X: python3-x: some-experimental-tag", "info", "python3-x"],
  ])("lintian: %s", (line, severity, file) => {
    expect(parseLintian(`N: note\nO: python3-x: overridden-tag\n${line}\n`)).toEqual([
      expect.objectContaining({ tool: "lintian", severity, file }),
    ]);
  });

  it("reports a missing linter as an error finding and honours tag overrides", () => {
    expect(
      nativeFindings({ tool: "lintian", available: false, tags: [], output: "" }, "x.deb"),
    ).toEqual([
      expect.objectContaining({
        tool: "lintian",
        ruleId: "native-linter-missing",
        severity: "error",
      }),
    ]);
    const run = {
      tool: "rpmlint" as const,
      available: true,
      output: "",
      tags: parseRpmlint("x.noarch: E: a-tag\nx.noarch: W: b-tag\n"),
    };
    const found = nativeFindings(
      run,
      "x.rpm",
      new Map([
        ["a-tag", "warning"],
        ["b-tag", "off"],
      ]),
    );
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([["a-tag", "warning"]]);
  });
});

/** Builds a tiny Architecture: all .deb with a script, bytecode and no man page. */
function tinyDeb(): string {
  const tree = join(scratch, "deb");
  const site = join(tree, "usr", "lib", "python3", "dist-packages", "tests");
  mkdirSync(join(tree, "DEBIAN"), { recursive: true });
  mkdirSync(join(site, "__pycache__"), { recursive: true });
  mkdirSync(join(tree, "usr", "bin"), { recursive: true });
  writeFileSync(
    join(tree, "DEBIAN", "control"),
    "Package: python3-tiny\nVersion: 1.0-1\nArchitecture: all\nSection: libs\nMaintainer: T <t@example.org>\n" +
      "Depends: python3:any\nDescription: tiny package.\n Tiny.\n",
  );
  writeFileSync(join(site, "__init__.py"), "");
  writeFileSync(join(site, "__pycache__", "__init__.cpython-311.pyc"), "\x00");
  writeFileSync(join(tree, "usr", "bin", "tiny"), "#!/usr/bin/env python\n");
  chmodSync(join(tree, "usr", "bin", "tiny"), 0o755);
  const deb = join(scratch, "python3-tiny_1.0-1_all.deb");
  execFileSync("dpkg-deb", ["--root-owner-group", "-b", tree, deb], {
    stdio: "ignore",
    env: { PATH: systemPath },
  });
  return deb;
}

describe.skipIf(skipWithout("dpkg-deb"))("a built .deb", () => {
  it("is queried and checked by the deb rules", async () => {
    const deb = tinyDeb();
    const built = await queryDeb(deb);
    expect(built).toMatchObject({
      name: "python3-tiny",
      architecture: "all",
      section: "libs",
      summary: "tiny package.",
    });
    expect(built.files).toContainEqual(
      expect.objectContaining({
        path: "/usr/bin/tiny",
        executable: true,
        shebang: "/usr/bin/env python",
      }),
    );
    const report = await lintPath(deb, { profile: getProfile("debian-12") });
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual([
      "bytecode-shipped",
      "deb-binary-name",
      "executable-without-man-page",
      "generic-module-name",
      "section-not-python",
      "synopsis-ends-with-dot",
    ]);
  });

  it.skipIf(skipWithout("dpkg-deb", "lintian"))("is checked by lintian with --native", async () => {
    const run = await runLintian([tinyDeb()]);
    expect(run.available).toBe(true);
    expect(run.tags.map((t) => t.tag)).toContain("package-installs-python-pycache-dir");
  });
});

/** Builds a tiny noarch .rpm that owns site-packages and has an unversioned shebang. */
function tinyRpm(): string {
  const top = join(scratch, "rpmbuild");
  const spec = join(scratch, "tiny.spec");
  writeFileSync(
    spec,
    `Name: python3-tiny
Version: 1.0
Release: 1
Summary: Tiny package.
License: GPLv2+
BuildArch: noarch
%description
Tiny.
%install
mkdir -p %{buildroot}/usr/bin %{buildroot}/usr/lib/python3.15/site-packages/tiny
printf '#!/usr/bin/env python\\n' > %{buildroot}/usr/bin/tiny
chmod 755 %{buildroot}/usr/bin/tiny
touch %{buildroot}/usr/lib/python3.15/site-packages/tiny/__init__.py
%files
%dir /usr/lib/python3.15/site-packages
/usr/lib/python3.15/site-packages/tiny/
/usr/bin/tiny
`,
  );
  execFileSync(
    "rpmbuild",
    [
      "-bb",
      "--define",
      `_topdir ${top}`,
      "--define",
      "__brp_mangle_shebangs %{nil}",
      "--define",
      "__os_install_post %{nil}",
      spec,
    ],
    { stdio: "ignore", env: { PATH: systemPath, HOME: scratch } },
  );
  return join(top, "RPMS", "noarch", "python3-tiny-1.0-1.noarch.rpm");
}

describe.skipIf(skipWithout("rpmbuild", "rpm2cpio", "cpio"))("a built .rpm", () => {
  it("is queried and checked by the rpm rules", async () => {
    const rpm = tinyRpm();
    const built = await queryRpm(rpm);
    expect(built).toMatchObject({
      name: "python3-tiny",
      architecture: "noarch",
      license: "GPLv2+",
    });
    expect(built.files).toContainEqual(
      expect.objectContaining({ path: "/usr/bin/tiny", shebang: "/usr/bin/env python" }),
    );
    const report = await lintPath(rpm, { profile: getProfile("fedora") });
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual([
      "dist-info-missing",
      "license-not-spdx",
      "owns-system-directory",
      "summary-ends-with-dot",
      "unversioned-python-shebang",
    ]);
  });

  it.skipIf(skipWithout("rpmbuild", "rpmlint"))(
    "is checked by rpmlint with Fedora's settings",
    async () => {
      const run = await runRpmlint([tinyRpm()]);
      expect(run.available).toBe(true);
      expect(run.tags.map((t) => t.tag)).toContain("invalid-license");
    },
  );
});
