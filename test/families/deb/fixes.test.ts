import { describe, expect, it } from "vitest";
import type { InstalledFile } from "../../../src/targets/common/files.js";
import { debianFixes } from "../../../src/families/deb/fixes.js";
import type { ElfFacts } from "../../../src/wheel/index.js";

const file = (path: string, extra: Partial<InstalledFile> = {}): InstalledFile => ({
  scheme: "platlib",
  path,
  executable: false,
  license: false,
  shebang: false,
  digest: null,
  size: 100,
  elf: null,
  findings: [],
  ...extra,
});
const elf = (extra: Partial<ElfFacts>): ElfFacts => ({
  type: "shared",
  needed: ["libc.so.6"],
  runpath: [],
  rpath: [],
  symbols: false,
  signatures: { whole: [], stripped: [] },
  ...extra,
});
const site = "debian/python3-demo/usr/lib/python3/dist-packages";

describe("debianFixes", () => {
  it("does nothing for a plain pure package", () => {
    expect(debianFixes([file("demo/__init__.py")], [], "python3-demo", "python-demo", [])).toEqual({
      afterInstall: [],
      afterFixperms: [],
      buildDepends: [],
      overrides: [],
    });
  });

  it("removes scripts that cannot run and #! lines of library modules", () => {
    const fixes = debianFixes(
      [
        file("demo/cli.py", { shebang: true }),
        file("demo/run.py", { shebang: true, executable: true }),
        file("demo/it's.py", { shebang: true }),
      ],
      ["demo.cmd", "demo_completer"],
      "python3-demo",
      "python-demo",
      [],
    );
    expect(fixes.afterInstall).toEqual([
      "rm 'debian/python3-demo/usr/bin/demo.cmd' 'debian/python3-demo/usr/bin/demo_completer'",
      `sed -i '1{/^#!/d}' '${site}/demo/cli.py' '${site}/demo/it'\\''s.py'`,
    ]);
  });

  it("drops search paths into the build machine and keeps $ORIGIN ones", () => {
    const fixes = debianFixes(
      [
        file("demo/_a.so", { elf: elf({ runpath: ["/opt/_internal/lib"] }) }),
        file("demo/_b.so", { elf: elf({ runpath: ["$ORIGIN/../demo.libs", "/opt/x"] }) }),
        file("demo/_c.so", { elf: elf({ rpath: ["$ORIGIN"] }) }),
      ],
      [],
      "python3-demo",
      "python-demo",
      [],
    );
    expect(fixes.afterInstall).toEqual([
      `chrpath -d '${site}/demo/_a.so'`,
      `chrpath -r '$$ORIGIN/../demo.libs' '${site}/demo/_b.so'`,
    ]);
    expect(fixes.buildDepends).toEqual(["chrpath"]);
  });

  it("explains upstream binaries to lintian, file by file, where lintian raises a tag", () => {
    const zlib = "lintian:embedded-library:zlib";
    const fixes = debianFixes(
      [
        file("demo/_nolibs.so", { elf: elf({ needed: [] }) }),
        file("demo/_nolibc.so", { elf: elf({ needed: ["libm.so.6"] }) }),
        file("demo/_fine.so", { elf: elf({}) }),
        // zlib's banner in the module itself: in what ships after dh_strip.
        file("demo/_z.so", { elf: elf({ signatures: { whole: [zlib], stripped: [zlib] } }) }),
        // Only in the symbol table, which dh_strip removes.
        file("demo/_s.so", {
          elf: elf({ symbols: true, signatures: { whole: [zlib], stripped: [] } }),
        }),
        // A vendored library is left unstripped: lintian sees it whole.
        file("demo.libs/libz-1a2b.so.1", {
          elf: elf({ symbols: true, signatures: { whole: [zlib], stripped: [] } }),
        }),
        file("demo.libs/libfoo-3c4d.so.1", { elf: elf({}) }),
        // The strings were not searched (too large): nothing can be said of it.
        file("demo/_big.so", { elf: elf({ signatures: null }) }),
        file("demo/page.html", {
          findings: ["lintian:privacy-breach-generic", "lintian:privacy-breach-uses-embedded-file"],
        }),
        file("demo/other.html", { findings: ["some-other-family:note"] }),
      ],
      [],
      "python3-demo",
      "python-demo",
      ["demo.libs"],
    );
    const context = "usr/lib/python3/dist-packages";
    expect(fixes.overrides.map((o) => o.line)).toEqual([
      `embedded-library zlib [${context}/demo.libs/libz-1a2b.so.1]`,
      `embedded-library zlib [${context}/demo/_z.so]`,
      `library-not-linked-against-libc [${context}/demo/_nolibc.so]`,
      `privacy-breach-generic * [${context}/demo/page.html]`,
      `privacy-breach-uses-embedded-file * [${context}/demo/page.html]`,
      `shared-library-lacks-prerequisites [${context}/demo/_nolibs.so]`,
      `unstripped-binary-or-object [${context}/demo.libs/libz-1a2b.so.1]`,
    ]);
    for (const override of fixes.overrides) expect(override.comment).not.toBe("");
  });

  it("names files outside the site directory where the installer puts them", () => {
    const zlib = "lintian:embedded-library:zlib";
    const fixes = debianFixes(
      [
        file("tool", {
          scheme: "scripts",
          executable: true,
          elf: elf({ type: "executable", signatures: { whole: [zlib], stripped: [zlib] } }),
        }),
        file("lib/libdemo.so.1", { scheme: "data", elf: elf({ needed: ["libm.so.6"] }) }),
        file("share/demo/page.html", {
          scheme: "data",
          findings: ["lintian:privacy-breach-generic"],
        }),
      ],
      [],
      "python3-demo",
      "python-demo",
      [],
    );
    expect(fixes.overrides.map((o) => o.line)).toEqual([
      "embedded-library zlib [usr/bin/tool]",
      "library-not-linked-against-libc [usr/lib/libdemo.so.1]",
      "privacy-breach-generic * [usr/share/demo/page.html]",
    ]);
  });

  it("overrides no embedded library in the library's own source package", () => {
    const zlib = "lintian:embedded-library:zlib";
    const files = [
      file("z/_z.so", { elf: elf({ signatures: { whole: [zlib], stripped: [zlib] } }) }),
    ];
    // lintian's source-regex for zlib matches any source name that contains "zlib".
    expect(debianFixes(files, [], "python3-zlib-ng", "python-zlib-ng", []).overrides).toEqual([]);
    expect(debianFixes(files, [], "python3-z", "python-z", []).overrides).toHaveLength(1);
  });

  it("overrides nothing for a package lintian has nothing to say about", () => {
    const fixes = debianFixes(
      [file("demo/_fine.so", { elf: elf({}) }), file("demo/page.html")],
      [],
      "python3-demo",
      "python-demo",
      [],
    );
    expect(fixes.overrides).toEqual([]);
  });
});
