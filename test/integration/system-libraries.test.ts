/**
 * The system libraries a platform wheel links, looked up in the archive index: a real extension
 * module compiled here against a stand-in `libzmq.so.5` (the soname Debian's pyzmq links) gets
 * the package that ships it as a Build-Depends, the build names that package when the host
 * lacks it, and a soname no package ships refuses the wheel. Against the committed Packages and
 * Contents fixture, and against the real bookworm archive where apt's lists are here.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostAptLists } from "../../src/families/deb/archive.js";
import { getProfile } from "../../src/profiles/index.js";
import { debianFixtureSources, writeArchiveConfig } from "../helpers/archive-config.js";
import { runCli } from "../helpers/cli.js";
import { compileSharedObject } from "../helpers/shared-objects.js";
import { inCI, skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** An extension module that needs `soname` (linked against a stand-in of that name). */
function moduleNeeding(soname: string): Buffer {
  const dir = fs.mkdtempSync(path.join(scratch.dir, "cc-"));
  compileSharedObject(dir, {
    file: soname,
    soname,
    source: "int stub_symbol(void) { return 1; }\n",
  });
  return compileSharedObject(dir, {
    file: "mod.so",
    source: "extern int stub_symbol(void);\nint PyInit_mod(void) { return stub_symbol(); }\n",
    links: [soname],
  });
}

/** A platform wheel for CPython `python` (`311`) whose module needs `soname`. */
function wheelNeeding(soname: string, name: string, python = "311"): string {
  const tag = `cp${python}-cp${python}-manylinux_2_17_x86_64`;
  return scratch.wheel(
    {
      name,
      wheel: `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: ${tag}\n`,
      files: {
        [`${name}/__init__.py`]: "",
        [`${name}/mod.cpython-${python}-x86_64-linux-gnu.so`]: moduleNeeding(soname),
      },
    },
    `${name}-1.0-${tag}.whl`,
  );
}

/** A config reading debian-12's archive from the committed fixture. */
function fixtureConfig(): string {
  return writeArchiveConfig(path.join(scratch.dir, "wheel2pkg.toml"), {
    "debian-12": debianFixtureSources,
  });
}

const libzmq = /^Build-Depends:(?:\n .*)*\n libzmq5$/m;

describe.skipIf(skipWithout("cc", "dpkg-checkbuilddeps"))(
  "system libraries of a platform wheel",
  () => {
    it("become Build-Depends, and a build on a host without them names the package to install", async () => {
      const wheel = wheelNeeding("libzmq.so.5", "zmqdemo");
      const config = fixtureConfig();
      const preview = await runCli([
        "preview",
        wheel,
        "--target",
        "debian-12",
        "--check-archive",
        "--config",
        config,
        "--verbose",
      ]);
      expect(preview.code, preview.stderr).toBe(0);
      expect(preview.stdout).toMatch(libzmq);
      expect(preview.stderr).toMatch(
        /library-build-depends: libzmq\.so\.5 \(needed by zmqdemo\/mod\.cpython-311-x86_64-linux-gnu\.so\) is in libzmq5/,
      );
      // libc.so.6 is libc6's, which every build host has: no Build-Depends for it.
      expect(preview.stdout).not.toMatch(/^ libc6/m);
      // Without the index, nothing is looked up (the golden files' case).
      const plain = await runCli(["preview", wheel, "--target", "debian-12"]);
      expect(plain.stdout).not.toMatch(/libzmq5/);

      // A library whose package no host has: the build is refused before dpkg-buildpackage runs.
      const lacking = wheelNeeding("libwheel2pkg-fixture.so.1", "lacking");
      const out = path.join(scratch.dir, "out");
      const build = await runCli([
        "convert",
        lacking,
        "--target",
        "debian-12",
        "--check-archive",
        "--config",
        config,
        "--out",
        out,
        "--build",
        "--no-lint",
      ]);
      expect(build.code).toBe(2);
      expect(build.stderr).toMatch(
        /this host lacks the system libraries the wheel links, which dpkg-shlibdeps must find: install libwheel2pkg-fixture1 \(apt-get install libwheel2pkg-fixture1\), or build with --install-build-deps/,
      );
    }, 120_000);

    it("that a build without the index cannot find are named, with how to find their packages", async () => {
      const lacking = wheelNeeding("libwheel2pkg-fixture.so.1", "unindexed");
      const out = path.join(scratch.dir, "out-unindexed");
      const build = await runCli([
        "convert",
        lacking,
        "--target",
        "debian-12",
        "--out",
        out,
        "--build",
        "--no-lint",
      ]);
      expect(build.code).toBe(3);
      expect(build.stderr).toMatch(
        /the wheel links libwheel2pkg-fixture\.so\.1, which no package installed on this host provides; convert with --check-archive/,
      );
    }, 120_000);

    it("refuses a wheel that links a library no package ships, naming it", async () => {
      const wheel = wheelNeeding("libwheel2pkg-nowhere.so.7", "nowhere");
      const result = await runCli([
        "preview",
        wheel,
        "--target",
        "debian-12",
        "--check-archive",
        "--config",
        fixtureConfig(),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /no package of the debian-12 archive index .*ships the library libwheel2pkg-nowhere\.so\.7 \(needed by nowhere\/mod\.cpython-311-x86_64-linux-gnu\.so\)/,
      );
    });

    it("are found in the real bookworm archive's Contents", async () => {
      if (!inCI && (await hostAptLists(getProfile("debian-12"))) === null) return;
      process.env.XDG_CACHE_HOME = path.join(scratch.dir, "xdg");
      try {
        const wheel = wheelNeeding("libzmq.so.5", "zmqreal");
        const result = await runCli(["preview", wheel, "--target", "debian-12", "--check-archive"]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(libzmq);
      } finally {
        delete process.env.XDG_CACHE_HOME;
      }
    }, 120_000);

    it("must be in an RPM target's repository too, whose generator requires each soname", async () => {
      const fedoraPython = getProfile("fedora").python.version.replace(".", "");
      const config = writeArchiveConfig(path.join(scratch.dir, "rpm.toml"), {
        fedora: [path.resolve("fixtures/archive/rpm")],
      });
      const found = await runCli([
        "preview",
        wheelNeeding("libzmq.so.5", "zmqrpm", fedoraPython),
        "--target",
        "fedora",
        "--check-archive",
        "--config",
        config,
      ]);
      expect(found.code, found.stderr).toBe(0);
      const lacking = wheelNeeding("libwheel2pkg-fixture.so.1", "lackingrpm", fedoraPython);
      const refused = await runCli([
        "preview",
        lacking,
        "--target",
        "fedora",
        "--check-archive",
        "--config",
        config,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /no package of the fedora archive index .*ships the library libwheel2pkg-fixture\.so\.1/,
      );
    });
  },
);
