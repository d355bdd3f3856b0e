/**
 * The direct builder against dpkg-buildpackage: the same plan built both ways gives .debs that
 * dpkg sees as the same package (test/helpers/deb-compare.ts says what may differ), over the
 * fixture wheels, Debian's own wheels and a sample of the corpus, pure and platform. Both
 * packages unpack and import.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { buildNative } from "../../src/convert/build.js";
import { planConversion, writePackage } from "../../src/convert/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { importNames, siteLayout } from "../../src/targets/common/files.js";
import { fixedPackaging, fixtureWheel, root } from "../helpers/convert.js";
import { debDifferences, sitePaths } from "../helpers/deb-compare.js";
import { importFrom, installDebs, run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";

const profile = getProfile("debian-12");
/** What a packager says for the corpus wheels that do not settle their licence themselves. */
const config = await loadConfig(join(root, "fixtures", "corpus", "wheel2pkg.toml"));
const corpus = process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus";
const corpusWheels = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((name) => name.endsWith(".whl"))
      .map((name) => join(corpus, name))
      .sort((a, b) => statSync(a).size - statSync(b).size)
  : [];
const systemWheels = existsSync("/usr/share/python-wheels")
  ? readdirSync("/usr/share/python-wheels").map((n) => join("/usr/share/python-wheels", n))
  : [];

/**
 * Fixtures, Debian's wheels, the 8 smallest pure and 3 smallest platform corpus wheels; every
 * corpus wheel with WHEEL2PKG_DIRECT_ALL=1.
 */
const all = process.env.WHEEL2PKG_DIRECT_ALL === "1";
const wheels = [
  ...readdirSync(join(root, "fixtures", "wheels")).map(fixtureWheel),
  ...systemWheels,
  ...corpusWheels.filter((w) => w.endsWith("-none-any.whl")).slice(0, all ? undefined : 8),
  ...corpusWheels.filter((w) => !w.endsWith("-none-any.whl")).slice(0, all ? undefined : 3),
];

describe.skipIf(skipWithout("dpkg-buildpackage", "dh_python3", "dpkg-deb", "dpkg-shlibdeps"))(
  "the direct builder makes the package dpkg-buildpackage makes",
  () => {
    it.each(wheels.map((w) => [w.split("/").pop() ?? w, w]))("%s", async (_name, wheel) => {
      const plan = await planConversion(wheel, {
        profiles: [profile],
        packaging: fixedPackaging,
        config,
      });
      const planned = plan.packages[0];
      if (planned === undefined) throw new Error("nothing planned");
      const epoch = 1_700_000_000;
      const viaDpkg = await writePackage(mkdtempSync(join(tmpdir(), "wheel2pkg-dpkg-")), planned);
      const dpkg = await buildNative(viaDpkg, profile, epoch, { builder: "dpkg" });
      const viaDirect = await writePackage(
        mkdtempSync(join(tmpdir(), "wheel2pkg-direct-")),
        planned,
      );
      const direct = await buildNative(viaDirect, profile, epoch, { builder: "direct" });
      expect(direct.notes).toEqual([]);
      expect(direct.sourcePackages).toEqual([]);
      const [expected = "", ...moreExpected] = dpkg.binaryPackages;
      const [actual = "", ...moreActual] = direct.binaryPackages;
      expect(moreExpected).toEqual([]);
      expect(moreActual).toEqual([]);
      expect(actual.split("/").pop()).toBe(expected.split("/").pop());
      expect(debDifferences(expected, actual)).toEqual([]);
      expect(run("dpkg-deb", ["--info", actual])).toContain("new Debian package, version 2.0");

      const modules = importNames(siteLayout(sitePaths(actual)));
      // Both import alike: a module whose dependencies this host lacks fails alike in both.
      const imports = [expected, actual].map((deb) => {
        const installed = installDebs([deb]);
        try {
          return importFrom(
            join(installed, "usr/lib/python3/dist-packages"),
            modules.slice(0, 1),
          ).split(" ")[0];
        } catch (error) {
          return /(\w+Error: .*)\n*$/.exec(String((error as { stderr?: string }).stderr))?.[1];
        }
      });
      expect(imports[1]).toBe(imports[0]);
      if (wheel.startsWith(root)) expect(imports[0]).toBe(modules[0]);
    });

    it("builds the same bytes twice", async () => {
      const wheel = fixtureWheel("hello_cli-1.2.0-py3-none-any.whl");
      const plan = await planConversion(wheel, { profiles: [profile], packaging: fixedPackaging });
      const planned = plan.packages[0];
      if (planned === undefined) throw new Error("nothing planned");
      const debs = [];
      for (let i = 0; i < 2; i++) {
        const written = await writePackage(
          mkdtempSync(join(tmpdir(), "wheel2pkg-twice-")),
          planned,
        );
        const built = await buildNative(written, profile, 1_700_000_000, { builder: "direct" });
        debs.push(run("sha256sum", [built.binaryPackages[0] ?? ""]).split(" ")[0]);
      }
      expect(debs[0]).toBe(debs[1]);
    });
  },
);
