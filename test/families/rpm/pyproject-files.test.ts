import { describe, expect, it } from "vitest";
import { pyprojectFiles } from "../../../src/families/rpm/pyproject-files.js";
import type { InstalledFile } from "../../../src/targets/common/files.js";
import { spec } from "../../../src/targets/text.js";

function file(scheme: InstalledFile["scheme"], path: string): InstalledFile {
  return { scheme, path, executable: false, license: false, shebang: false, digest: null, size: 1 };
}

const headers = spec`%{_includedir}/python%{python3_version}/demo`;

describe("pyprojectFiles", () => {
  it("gives %pyproject_save_files the importable top-level names and lists the rest", () => {
    const layout = pyprojectFiles(
      [
        file("purelib", "demo-1.0.dist-info/METADATA"),
        file("purelib", "demo/__init__.py"),
        file("purelib", "demo/data/x.json"),
        file("purelib", "google/cloud/demo.py"),
        file("purelib", "six.py"),
        file("purelib", "six.pyi"),
        file("purelib", "demo-stubs/__init__.pyi"),
        file("purelib", "demo.pth"),
        file("platlib", "_speedups.cpython-315-x86_64-linux-gnu.so"),
        file("platlib", "demo.libs/libz-1.so"),
        file("data", "share/man/man1/demo.1"),
        file("headers", "demo.h"),
      ],
      ["demo"],
      "demo-1.0.dist-info",
      headers,
      "3.15",
    );
    expect(layout.modules).toEqual(["_speedups", "demo", "google", "six"]);
    expect(layout.listed).toEqual([
      "%{python3_sitelib}/demo-stubs/",
      "%{python3_sitelib}/demo.pth",
      "%{python3_sitearch}/demo.libs/",
      "%{_bindir}/demo",
      "%{_prefix}/share/man/man1/demo.1*",
      "%{_includedir}/python%{python3_version}/demo/",
    ]);
    expect(layout.commands).toEqual([]);
    expect(layout.unlistable).toBeNull();
    expect(layout.diagnostics).toEqual([]);
  });

  it("has no module names for a wheel without importable modules", () => {
    const layout = pyprojectFiles(
      [file("purelib", "x-1.dist-info/METADATA"), file("purelib", "x.pth")],
      [],
      "x-1.dist-info",
      headers,
      "3.15",
    );
    expect(layout.modules).toEqual([]);
    expect(layout.listed).toEqual(["%{python3_sitelib}/x.pth"]);
  });

  it("lists site-packages itself when %pyproject_save_files could not for rpm < 4.19", () => {
    const layout = pyprojectFiles(
      [
        file("purelib", "demo-1.0.dist-info/METADATA"),
        { ...file("purelib", "demo-1.0.dist-info/licenses/LICENSE [1].txt"), license: true },
        file("purelib", "demo/__init__.py"),
        file("purelib", "six.py"),
      ],
      [],
      "demo-1.0.dist-info",
      headers,
      "3.15",
    );
    expect(layout.unlistable).toBe("demo-1.0.dist-info/licenses/LICENSE [1].txt");
    expect(layout.modules).toEqual(["demo", "six"]);
    expect(layout.listed).toEqual([
      "%dir %{python3_sitelib}/demo-1.0.dist-info",
      "%dir %{python3_sitelib}/demo-1.0.dist-info/licenses",
      "%{python3_sitelib}/demo-1.0.dist-info/METADATA",
      "%license %{python3_sitelib}/demo-1.0.dist-info/licenses/LICENSE??1?.txt",
      "%{python3_sitelib}/demo/",
      "%pycached %{python3_sitelib}/six.py",
    ]);
  });

  it.each([
    [
      "pip3.11",
      "mv %{buildroot}%{_bindir}/'pip3.11' %{buildroot}%{_bindir}/'pip'%{python3_version}",
    ],
    [
      "easy_install-3.9",
      "mv %{buildroot}%{_bindir}/'easy_install-3.9' %{buildroot}%{_bindir}/'easy_install-'%{python3_version}",
    ],
  ])("renames %s, named for another Python, to the target's suffix", (script, command) => {
    const layout = pyprojectFiles([], ["tool", script], "x-1.dist-info", headers, "3.15");
    expect(layout.commands).toEqual([expect.stringMatching(/^# /), command]);
    expect(layout.listed.at(-1)).toMatch(/%\{python3_version\}$/);
    expect(layout.diagnostics).toEqual([
      expect.objectContaining({ code: "script-python-version", severity: "warning" }),
    ]);
  });

  it("drops a script named for another Python when the target's name is also a script", () => {
    const layout = pyprojectFiles([], ["pip3.11", "pip3.15"], "x-1.dist-info", headers, "3.15");
    expect(layout.commands).toEqual([
      expect.stringMatching(/^# /),
      "rm %{buildroot}%{_bindir}/'pip3.11'",
    ]);
    expect(layout.listed).toEqual(["%{_bindir}/pip3.15"]);
    expect(layout.diagnostics[0]?.message).toMatch(/pip3\.11 is not packaged/);
  });

  it.each(["pip3.15", "pip3", "tool-1.2", "python3.11-config", "x2to3"])(
    "keeps %s as it is",
    (script) => {
      const layout = pyprojectFiles([], [script], "x-1.dist-info", headers, "3.15");
      expect(layout.commands).toEqual([]);
      expect(layout.listed).toEqual([`%{_bindir}/${script}`]);
    },
  );
});
