import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { buildNative, planConversion, writePackage } from "../../src/convert/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import { run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";

const profile = getProfile("debian-12");

/** The debhelper commands dh started, in order, from the `   dh_…` lines of a build log. */
function startedCommands(log: string): string[] {
  return [...log.matchAll(/^ {3}(?:debian\/rules )?(\S+)/gm)].map((m) => m[1] ?? "");
}

/** Every file below a directory, relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

async function convertAndBuild(wheel: string) {
  const out = mkdtempSync(join(tmpdir(), "wheel2pkg-debbuild-"));
  const result = await convertWheel(fixtureWheel(wheel), {
    profiles: [profile],
    outDir: out,
    build: true,
    builder: "dpkg",
    packaging: fixedPackaging,
  });
  const converted = result.packages[0];
  if (converted?.build == null) throw new Error(`${wheel} was not built`);
  return { converted, build: converted.build, out };
}

describe.skipIf(skipWithout("dpkg-buildpackage", "dh_python3", "dpkg-deb", "unzip"))(
  "the Debian build with dpkg-buildpackage",
  () => {
    it("makes a complete package from a wheel with a script, data and a man page", async () => {
      const { converted, build } = await convertAndBuild("datapkg-0.3.1-py2.py3-none-any.whl");
      const deb = build.binaryPackages[0] ?? "";
      const listing = run("dpkg-deb", ["-c", deb]).trim().split("\n");
      const paths = listing.map((line) => line.split(/\s+/)[5] ?? "");
      expect(listing.every((line) => line.split(/\s+/)[1] === "root/root")).toBe(true);
      expect(paths).toEqual(
        expect.arrayContaining([
          "./usr/share/doc/python3-datapkg/copyright",
          "./usr/share/doc/python3-datapkg/changelog.Debian.gz",
          "./usr/share/man/man1/datapkg-tool.1.gz",
          "./usr/bin/datapkg-tool",
          "./usr/lib/python3/dist-packages/datapkg/__init__.py",
        ]),
      );
      expect(paths.filter((path) => /__pycache__|\.pyc$/.test(path))).toEqual([]);
      // Modes as dh_fixperms leaves them: the script executable, library files not.
      const mode = (path: string) =>
        listing.find((line) => line.endsWith(` ${path}`))?.slice(0, 10);
      expect(mode("./usr/bin/datapkg-tool")).toBe("-rwxr-xr-x");
      expect(mode("./usr/lib/python3/dist-packages/datapkg/__init__.py")).toBe("-rw-r--r--");

      const control = mkdtempSync(join(tmpdir(), "wheel2pkg-debctl-"));
      run("dpkg-deb", ["-e", deb, control]);
      const md5sums = readFileSync(join(control, "md5sums"), "utf8");
      const regular = listing.filter((l) => l.startsWith("-")).map((l) => l.split(/\s+/)[5]);
      expect(md5sums.trim().split("\n")).toHaveLength(regular.length);
      expect(readFileSync(join(control, "postinst"), "utf8")).toContain("py3compile");
      const depends = run("dpkg-deb", ["-f", deb, "Depends"]);
      expect(depends).toMatch(/^python3:any/);
      expect(depends).not.toContain("${");

      // Upstream's files are shipped byte for byte.
      const root = mkdtempSync(join(tmpdir(), "wheel2pkg-debroot-"));
      run("dpkg-deb", ["-x", deb, root]);
      const shipped = readFileSync(join(root, "usr/share/datapkg/defaults.json"), "utf8");
      const wheel = fixtureWheel("datapkg-0.3.1-py2.py3-none-any.whl");
      expect(shipped).toBe(
        run("unzip", ["-p", wheel, "datapkg-0.3.1.data/data/share/datapkg/defaults.json"]),
      );

      // The orig tarball holds the wheel alone.
      const orig = join(converted.directory, "python-datapkg_0.3.1.orig.tar.gz");
      expect(run("tar", ["-tzf", orig]).trim()).toBe(
        "python-datapkg-0.3.1/datapkg-0.3.1-py2.py3-none-any.whl",
      );
    });

    it("starts only the debhelper commands a wheel needs, and leaves the tree as written", async () => {
      const { converted, build } = await convertAndBuild("datapkg-0.3.1-py2.py3-none-any.whl");
      const log = readFileSync(build.logFile, "utf8");
      // A freshly written tree is not cleaned before the build.
      expect(log).not.toMatch(/debian\/rules clean/);
      const started = startedCommands(log);
      expect(started).toEqual(
        expect.arrayContaining([
          "dh_prep",
          "override_dh_auto_install",
          "dh_installdocs",
          "dh_installchangelogs",
          "dh_installman",
          "override_dh_python3",
          "dh_compress",
          "dh_fixperms",
          "dh_installdeb",
          "dh_gencontrol",
          "dh_md5sums",
          "dh_builddeb",
        ]),
      );
      for (const skipped of [
        "dh_update_autotools_config",
        "dh_autoreconf",
        "dh_auto_configure",
        "dh_auto_build",
        "dh_auto_test",
        "dh_testroot",
        "dh_installsystemduser",
        "dh_perl",
        "dh_link",
        "dh_strip_nondeterminism",
        "dh_missing",
      ]) {
        expect(started).not.toContain(skipped);
      }
      const tree = join(converted.directory, "python-datapkg-0.3.1");
      expect(filesBelow(tree)).toEqual(
        converted.files.map((file) => relative("python-datapkg-0.3.1", file)).sort(),
      );
    });

    it("cleans a tree that an earlier build left files in before building it again", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-debdirty-"));
      const plan = await planConversion(fixtureWheel("oldmeta-0.9-py3-none-any.whl"), {
        profiles: [profile],
        packaging: fixedPackaging,
      });
      const planned = plan.packages[0];
      if (planned === undefined) throw new Error("nothing planned");
      const written = await writePackage(out, planned);
      const tree = join(written.directory, "python-oldmeta-0.9");
      // What an interrupted build leaves behind.
      mkdirSync(join(tree, "debian", "python3-oldmeta"));
      writeFileSync(join(tree, "debian", "python3-oldmeta", "leftover"), "stale\n");
      writeFileSync(join(tree, "debian", "files"), "");
      const build = await buildNative(written, profile, 1_700_000_000, { builder: "dpkg" });
      expect(readFileSync(build.logFile, "utf8")).toMatch(/^\$ debian\/rules clean$/m);
      // Built in once more, the tree is again as written.
      expect(filesBelow(tree)).toEqual(
        [...planned.files.map((file) => file.path), planned.plan.wheelPath]
          .map((file) => relative("python-oldmeta-0.9", file))
          .sort(),
      );
      const debianTar = join(written.directory, "python-oldmeta_0.9-1.debian.tar.xz");
      expect(run("tar", ["-tJf", debianTar])).not.toContain("python3-oldmeta");
      const deb = build.binaryPackages[0] ?? "";
      expect(run("dpkg-deb", ["-c", deb])).not.toContain("leftover");
    });

    it("gives the same bytes when built twice", async () => {
      const first = await convertAndBuild("hello_cli-1.2.0-py3-none-any.whl");
      const second = await convertAndBuild("hello_cli-1.2.0-py3-none-any.whl");
      const artifacts = readdirSync(first.converted.directory).filter((name) =>
        /\.(deb|dsc|tar\.gz|tar\.xz)$/.test(name),
      );
      expect(artifacts).toHaveLength(4);
      for (const name of artifacts) {
        expect(readFileSync(join(second.converted.directory, name)), name).toEqual(
          readFileSync(join(first.converted.directory, name)),
        );
      }
    });
  },
);
