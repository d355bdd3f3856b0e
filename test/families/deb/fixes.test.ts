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
  remoteResources: false,
  ...extra,
});
const elf = (extra: Partial<ElfFacts>): ElfFacts => ({
  type: "shared",
  needed: ["libc.so.6"],
  runpath: [],
  rpath: [],
  ...extra,
});
const site = "debian/python3-demo/usr/lib/python3/dist-packages";

describe("debianFixes", () => {
  it("does nothing for a plain pure package", () => {
    expect(debianFixes([file("demo/__init__.py")], [], "python3-demo", [])).toEqual({
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
      [],
    );
    expect(fixes.afterInstall).toEqual([
      `chrpath -d '${site}/demo/_a.so'`,
      `chrpath -r '$$ORIGIN/../demo.libs' '${site}/demo/_b.so'`,
    ]);
    expect(fixes.buildDepends).toEqual(["chrpath"]);
  });

  it("explains upstream binaries to lintian, file by file", () => {
    const fixes = debianFixes(
      [
        file("demo/_nolibs.so", { elf: elf({ needed: [] }) }),
        file("demo/_nolibc.so", { elf: elf({ needed: ["libm.so.6"] }) }),
        file("demo/_fine.so", { elf: elf({}) }),
        file("demo/page.html", { remoteResources: true }),
      ],
      [],
      "python3-demo",
      ["demo.libs"],
    );
    const context = "usr/lib/python3/dist-packages";
    expect(fixes.overrides.map((o) => o.line)).toEqual([
      `embedded-library * [${context}/*]`,
      `library-not-linked-against-libc [${context}/demo/_nolibc.so]`,
      `privacy-breach-generic * [${context}/demo/page.html]`,
      `privacy-breach-uses-embedded-file * [${context}/demo/page.html]`,
      `shared-library-lacks-prerequisites [${context}/demo/_nolibs.so]`,
      `unstripped-binary-or-object [${context}/demo.libs/*]`,
    ]);
    for (const override of fixes.overrides) expect(override.comment).not.toBe("");
  });
});
