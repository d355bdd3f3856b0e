import { describe, expect, it } from "vitest";
import type { InstalledFile } from "../../../src/targets/common/files.js";
import {
  licenseCopies,
  singlespecFileList,
  singlespecInstallFixes,
} from "../../../src/families/rpm/opensuse-files.js";

const file = (path: string, extra: Partial<InstalledFile> = {}): InstalledFile => ({
  scheme: "purelib",
  path,
  executable: false,
  license: false,
  shebang: false,
  digest: null,
  size: 10,
  ...extra,
});

const distInfo = "demo-1.0.dist-info";
const files = [
  file(`${distInfo}/METADATA`),
  file(`${distInfo}/licenses/LICENSE`, { license: true }),
  file(`${distInfo}/licenses/vendor/LICENSE`, { license: true }),
  file("demo/__init__.py"),
  file("ns/sub/mod.py", { shebang: true }),
  file("top.py"),
  file("share/demo/x.json", { scheme: "data" }),
  file("share/man/man1/demo.1", { scheme: "data" }),
];

describe("singlespecFileList", () => {
  it("owns what openSUSE packagers own, with %python_* paths", () => {
    expect(singlespecFileList(files, ["demo"], distInfo, "demo")).toEqual([
      "%{python_sitelib}/demo-1.0.dist-info/",
      "%dir %{python_sitelib}/ns",
      "%dir %{python_sitelib}/ns/sub",
      "%{python_sitelib}/demo/",
      "%pycache_only %dir %{python_sitelib}/ns/sub/__pycache__",
      "%{python_sitelib}/ns/sub/mod.py",
      "%pycache_only %{python_sitelib}/ns/sub/__pycache__/mod.*.pyc",
      "%{python_sitelib}/top.py",
      "%pycache_only %{python_sitelib}/__pycache__/top.*.pyc",
      "%python_alternative %{_bindir}/demo",
      "%{_prefix}/share/demo/x.json",
      "%{_prefix}/share/man/man1/demo.1*",
    ]);
  });

  it("uses %python_sitearch for a platform wheel's files", () => {
    const platform = [
      file(`${distInfo}/WHEEL`, { scheme: "platlib" }),
      file("m.so", { scheme: "platlib" }),
    ];
    expect(singlespecFileList(platform, [], distInfo, "demo")).toEqual([
      "%{python_sitearch}/demo-1.0.dist-info/",
      "%{python_sitearch}/m.so",
    ]);
  });
});

describe("licenseCopies", () => {
  it("copies license files per flavor, keeping the path where base names collide", () => {
    expect(licenseCopies(files)).toEqual([
      {
        command: `%python_expand cp -p %{buildroot}%{$python_sitelib}/'${distInfo}/licenses/LICENSE' '${distInfo}-licenses-LICENSE'`,
        name: `${distInfo}-licenses-LICENSE`,
      },
      {
        command: `%python_expand cp -p %{buildroot}%{$python_sitelib}/'${distInfo}/licenses/vendor/LICENSE' '${distInfo}-licenses-vendor-LICENSE'`,
        name: `${distInfo}-licenses-vendor-LICENSE`,
      },
    ]);
  });
});

describe("singlespecInstallFixes", () => {
  it("drops #! from non-executable library modules in every flavor", () => {
    expect(singlespecInstallFixes(files, distInfo)).toEqual([
      "%python_expand sed -i '1{/^#!/d}' %{buildroot}%{$python_sitelib}/'ns/sub/mod.py'",
    ]);
  });
});
