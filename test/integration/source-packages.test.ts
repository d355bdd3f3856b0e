import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { foreignHostSetup } from "../../src/families/rpm/foreign-host.js";
import { getProfile } from "../../src/profiles/index.js";
import { builtinTemplateDir } from "../../src/render/index.js";
import { runCli } from "../helpers/cli.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import { run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";

const wheel = fixtureWheel("oldmeta-0.9-py3-none-any.whl");

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage", "dpkg-source"))(
  "source packages",
  () => {
    it("the .dsc rebuilds with Debian's tools alone", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-dsc-"));
      const result = await convertWheel(wheel, {
        profiles: [getProfile("debian-12")],
        outDir: out,
        build: true,
        builder: "dpkg",
        packaging: fixedPackaging,
      });
      const dsc = result.packages[0]?.build?.sourcePackages[0] ?? "";
      const elsewhere = mkdtempSync(join(tmpdir(), "wheel2pkg-dsc-rebuild-"));
      run("dpkg-source", ["-x", dsc, join(elsewhere, "tree")], {}, elsewhere);
      expect(readdirSync(join(elsewhere, "tree"))).toEqual(
        expect.arrayContaining(["debian", "oldmeta-0.9-py3-none-any.whl"]),
      );
      run(
        "dpkg-buildpackage",
        ["-us", "-uc", "-b"],
        { SOURCE_DATE_EPOCH: "1700000000" },
        join(elsewhere, "tree"),
      );
      const debs = readdirSync(elsewhere).filter((n) => n.endsWith(".deb"));
      expect(debs).toEqual(["python3-oldmeta_0.9-1_all.deb"]);
    });

    it("the .src.rpm rebuilds with rpmbuild alone", async () => {
      const out = mkdtempSync(join(tmpdir(), "wheel2pkg-srpm-"));
      const profile = getProfile("fedora");
      const result = await convertWheel(wheel, {
        profiles: [profile],
        outDir: out,
        build: true,
        builder: "dpkg",
        packaging: fixedPackaging,
      });
      const srpm = result.packages[0]?.build?.sourcePackages[0] ?? "";
      const top = mkdtempSync(join(tmpdir(), "wheel2pkg-srpm-rebuild-"));
      // This Debian host lacks Fedora's Python macros: give rpmbuild Fedora's own and the
      // profile's values, as --build does.
      const foreign = await foreignHostSetup(profile, top);
      run(
        "rpmbuild",
        ["--rebuild", "--nodeps", "--define", `_topdir ${top}`, ...(foreign?.args ?? []), srpm],
        foreign?.env ?? {},
      );
      const rpms = readdirSync(join(top, "RPMS", "noarch"));
      expect(rpms).toEqual([expect.stringMatching(/^python3-oldmeta-0\.9-1.*\.noarch\.rpm$/)]);
    });
  },
);

describe.skipIf(skipWithout("rpmbuild"))("a failing native tool", () => {
  it("exits 3 with the tail of its log, and keeps the whole log beside the outputs", async () => {
    const templates = mkdtempSync(join(tmpdir(), "wheel2pkg-templates-"));
    mkdirSync(join(templates, "rpm"));
    const spec = readFileSync(join(builtinTemplateDir, "rpm", "python.spec.njk"), "utf8").replace(
      "%build\n",
      "%build\necho 'wheel2pkg test: this build fails on purpose' >&2\nexit 7\n",
    );
    writeFileSync(join(templates, "rpm", "python.spec.njk"), spec);
    const out = join(mkdtempSync(join(tmpdir(), "wheel2pkg-fail-")), "out");
    const result = await runCli([
      "convert",
      wheel,
      "--target",
      "fedora",
      "--out",
      out,
      "--build",
      "--templates",
      templates,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/rpmbuild .* failed with exit code 1/);
    expect(result.stderr).toMatch(/this build fails on purpose/);
    const log = join(out, "fedora", "python-oldmeta", "build.log");
    expect(existsSync(log)).toBe(true);
    // The user's template was used: the failure came from it.
    expect(readFileSync(log, "utf8")).toMatch(/this build fails on purpose/);
  });
});

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage"))("a relative --out directory", () => {
  it("builds as well as an absolute one", async () => {
    const cwd = process.cwd();
    const work = mkdtempSync(join(tmpdir(), "wheel2pkg-relative-"));
    process.chdir(work);
    try {
      const result = await runCli([
        "convert",
        wheel,
        "--target",
        "fedora,debian-12",
        "--out",
        "out",
        "--build",
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(join(work, "out", "fedora", "python-oldmeta"))).toContain(
        "python3-oldmeta-0.9-1.fc45.noarch.rpm",
      );
      expect(readdirSync(join(work, "out", "debian-12", "python-oldmeta"))).toContain(
        "python3-oldmeta_0.9-1_all.deb",
      );
    } finally {
      process.chdir(cwd);
    }
  });
});
