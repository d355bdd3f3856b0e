import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging } from "../helpers/convert.js";
import { lintianHints } from "../helpers/native-lint.js";
import { skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** Compiles C source to a shared object with gcc (`flags` before the output). */
function compile(name: string, source: string, flags: string[]): Buffer {
  const dir = mkdtempSync(join(scratch.dir, "cc-"));
  writeFileSync(join(dir, "m.c"), source);
  execFileSync("gcc", [...flags, "-shared", "-fPIC", "-o", join(dir, name), join(dir, "m.c")]);
  return readFileSync(join(dir, name));
}

const module = "_z.cpython-311-x86_64-linux-gnu.so";
const tag = "cp311-cp311-manylinux_2_17_x86_64";

describe.skipIf(skipWithout("gcc", "dpkg-buildpackage", "dh_python3", "lintian"))(
  "lintian overrides follow lintian's own checks",
  () => {
    it("overrides each tag lintian raises on upstream files, and nothing else", async () => {
      // A module with zlib's banner in its data (kept by dh_strip) and a function only in its
      // symbol table that lintian takes for FTGL (removed by dh_strip); a vendored library with
      // the same function, which dh_strip leaves alone; a module that needs no library at all;
      // web files that load from the network, and one that only links to its home page.
      // (Both also call libc, so that they need it.)
      const glyph =
        '#include <stdio.h>\nstatic int FTGlyphContainer_probe(int x) { return puts("") + x; }\n';
      const files = {
        "demo/__init__.py": "",
        [`demo/${module}`]: compile(
          module,
          `${glyph}const char *banner(void) { return "deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly"; }\nint use(int x) { return FTGlyphContainer_probe(x); }\n`,
          ["-g", "-O0"],
        ),
        "demo/_bare.cpython-311-x86_64-linux-gnu.so": compile(
          "_bare.so",
          "int twice(int x) { return 2 * x; }\n",
          ["-nostdlib", "-O2", "-s"],
        ),
        "demo.libs/libvendor-1a2b3c4d.so.1": compile(
          "libvendor.so",
          `${glyph}int use(int x) { return FTGlyphContainer_probe(x); }\n`,
          ["-g", "-O0"],
        ),
        "demo/templates/page.html":
          '<html><script src="https://cdn.example.org/chart.min.js"></script></html>\n',
        "demo/templates/boot.html":
          '<html><link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.8/dist/css/bootstrap.min.css"></html>\n',
        "demo/templates/home.html": '<html><a href="https://example.org/">home</a></html>\n',
      };
      const wheel = scratch.wheel(
        {
          files,
          metadata:
            "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: Demo of upstream binaries\nLicense-Expression: MIT\n",
          wheel: `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: ${tag}\n`,
        },
        `demo-1.0-${tag}.whl`,
      );
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-overrides-"));
      const result = await convertWheel(wheel, {
        profiles: [getProfile("debian-12")],
        outDir: out,
        build: true,
        packaging: fixedPackaging,
      });
      const converted = result.packages[0];
      if (converted?.build == null) throw new Error("not built");
      const site = "usr/lib/python3/dist-packages";
      const overrides = readFileSync(
        join(converted.directory, "python-demo-1.0", "debian", "python3-demo.lintian-overrides"),
        "utf8",
      )
        .split("\n")
        .filter((line) => line.startsWith("python3-demo: "));
      expect(overrides.sort()).toEqual(
        [
          `embedded-library ftgl [${site}/demo.libs/libvendor-1a2b3c4d.so.1]`,
          `embedded-library zlib [${site}/demo/${module}]`,
          `privacy-breach-generic * [${site}/demo/templates/page.html]`,
          `privacy-breach-uses-embedded-file * [${site}/demo/templates/boot.html]`,
          `shared-library-lacks-prerequisites [${site}/demo/_bare.cpython-311-x86_64-linux-gnu.so]`,
          `unstripped-binary-or-object [${site}/demo.libs/libvendor-1a2b3c4d.so.1]`,
        ].map((line) => `python3-demo: ${line}`),
      );

      // The .deb the default (direct) builder wrote carries the overrides as dh_lintian installs them.
      const hints = lintianHints(converted.build.binaryPackages);
      // Every override was used, and what each one names, lintian saw and overrode.
      expect(hints.filter((line) => line.includes("unused-override"))).toEqual([]);
      const overridden = hints
        .filter((line) => line.startsWith("O: "))
        .map((line) => line.split(" ")[2]);
      expect(new Set(overridden)).toEqual(
        new Set([
          "embedded-library",
          "privacy-breach-generic",
          "privacy-breach-uses-embedded-file",
          "shared-library-lacks-prerequisites",
          "unstripped-binary-or-object",
        ]),
      );
      // Nothing of those kinds is left unexplained.
      const kinds =
        /^[EW]: \S+: (?:embedded-library|privacy-breach-|shared-library-lacks|library-not-linked|unstripped-binary)/;
      expect(hints.filter((line) => kinds.test(line))).toEqual([]);
    }, 240_000);
  },
);
