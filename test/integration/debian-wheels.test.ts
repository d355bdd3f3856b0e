/**
 * Platform wheels as Debian builds them (scripts/debian-wheels.mjs repacks bookworm's own
 * python3-zmq, python3-pil, python3-numpy, python3-scipy and ~20 more), converted for debian-12
 * with the archive index: each builds, or is refused naming the packages that ship the libraries
 * it links, which the test checks against apt's Contents lists itself. Under CI (as root) a
 * refused wheel is built again with --install-build-deps; every built package is unpacked into a
 * temporary root and its compiled modules import with the host's python3, and the same plan built
 * by dpkg-buildpackage gives the same package as the direct builder's. The Fedora side renders
 * a spec for the stable-ABI wheels, whose RPMs require each soname, and refuses the CPython 3.11
 * ones saying so. Debian's packages leave out upstream's licence files, so the licences their
 * METADATA does not settle come from fixtures/debian-wheels/wheel2pkg.toml, as Debian's copyright
 * files say them.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProfile } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";
import {
  archiveShippers,
  debianWheels,
  hostFinds,
  importModules,
  neededSonames,
  type DebianWheel,
} from "../helpers/debian-wheels.js";
import { debDifferences } from "../helpers/deb-compare.js";
import { rpmRequires, run } from "../helpers/install.js";
import { inCI, skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
/** The licences of the wheels whose METADATA does not settle one, as Debian's copyright says. */
const config = path.resolve("fixtures/debian-wheels/wheel2pkg.toml");
const sample = skipWithout("apt-get", "dpkg-deb", "readelf") ? "no apt-get" : debianWheels();
const reachable = typeof sample !== "string";
if (!reachable && inCI) throw new Error(`the Debian sample could not be made: ${sample}`);
const wheels: DebianWheel[] = reachable ? sample : [];

/** One row of the report the test prints: what each wheel came to. */
interface Outcome {
  wheel: DebianWheel;
  sonames: string[];
  buildDepends: string[];
  result: "built" | "refused" | "built after --install-build-deps";
  imported: string;
}
const outcomes: Outcome[] = [];
/** Sample entries (by first package) whose packages are unpacked into the shared root. */
const installed = new Set<string>();
const root = path.join(scratch.dir, "root");
const site = path.join(root, "usr/lib/python3/dist-packages");
let shippers = new Map<string, string[]>();

beforeAll(() => {
  process.env.XDG_CACHE_HOME = path.join(scratch.dir, "xdg");
  shippers = archiveShippers([...new Set(wheels.flatMap((w) => neededSonames(w.wheel)))]);
}, 120_000);

afterAll(() => {
  delete process.env.XDG_CACHE_HOME;
  const rows = outcomes.map(
    (o) =>
      `${o.wheel.debs.map((d) => `${d.package} ${d.version}`).join(" + ")} | ${o.sonames.join(" ")} | ${o.buildDepends.join(", ") || "-"} | ${o.result} | ${o.imported}`,
  );
  if (rows.length > 0)
    console.log(["package | sonames | Build-Depends | build | import", ...rows].join("\n"));
  scratch.remove();
});

/** The .deb files under a conversion's output directory. */
function debsUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".deb"))
    .map((f) => path.join(dir, f));
}

/** The Build-Depends of the debian/control a conversion wrote, as one line. */
function buildDepends(dir: string): string[] {
  const control = fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .find((f) => f.endsWith("debian/control"));
  if (control === undefined) return [];
  const text = fs.readFileSync(path.join(dir, control), "utf8");
  const field = /^Build-Depends:((?:.*)(?:\n .*)*)/m.exec(text)?.[1] ?? "";
  return field
    .split(",")
    .map((r) => r.trim())
    .filter((r) => /^lib/.test(r));
}

async function convert(
  wheel: DebianWheel,
  out: string,
  installDeps: boolean,
  builder: "direct" | "dpkg" = "direct",
) {
  return runCli([
    "convert",
    wheel.wheel,
    "--target",
    "debian-12",
    "--check-archive",
    "--out",
    out,
    "--build",
    "--builder",
    builder,
    "--no-lint",
    "--config",
    config,
    ...(installDeps ? ["--install-build-deps"] : []),
  ]);
}

describe.skipIf(!reachable || skipWithout("dpkg-deb", "dpkg-checkbuilddeps", "readelf"))(
  "platform wheels built by Debian",
  () => {
    it("are a sample of at least twelve, with pyzmq, Pillow, numpy and scipy", () => {
      expect(wheels.length).toBeGreaterThanOrEqual(12);
      const projects = wheels.map((w) => w.project);
      expect(projects).toEqual(expect.arrayContaining(["pyzmq", "Pillow", "numpy", "scipy"]));
      for (const wheel of wheels) expect(wheel.modules.length, wheel.project).toBeGreaterThan(0);
    });

    it.each(wheels.map((w) => [w.project, w] as const))(
      "%s builds, or is refused naming the packages to install",
      async (_project, wheel) => {
        const sonames = neededSonames(wheel.wheel);
        const hostLacked = sonames.filter((s) => !hostFinds(s));
        const out = path.join(scratch.dir, "out", wheel.project);
        const first = await convert(wheel, out, false);
        let result: Outcome["result"] = "built";
        if (first.code !== 0) {
          expect(first.code, first.stderr).toBe(2);
          const named = /\(apt-get install ([^)]+)\)/.exec(first.stderr)?.[1]?.split(" ") ?? [];
          expect(named.length, first.stderr).toBeGreaterThan(0);
          // Each named package ships a soname the wheel needs, by the archive's Contents...
          for (const pkg of named) {
            expect(
              sonames.filter((s) => shippers.get(s)?.includes(pkg)),
              `${pkg} ships none of ${sonames.join(", ")}`,
            ).not.toEqual([]);
          }
          // ...and every soname this host's loader lacks is shipped by one of them.
          for (const soname of hostLacked) {
            expect(
              named.filter((p) => shippers.get(soname)?.includes(p)),
              `${soname}: no named package ships it (${first.stderr})`,
            ).not.toEqual([]);
          }
          result = "refused";
          if (inCI) {
            const second = await convert(wheel, out, true);
            expect(second.code, second.stderr).toBe(0);
            result = "built after --install-build-deps";
          }
        }
        const outcome: Outcome = {
          wheel,
          sonames,
          buildDepends: buildDepends(out),
          result,
          imported: "no: not built",
        };
        outcomes.push(outcome);
        // Every library the wheel links that the host lacked is a Build-Depends.
        for (const soname of hostLacked) {
          const alternatives = outcome.buildDepends.flatMap((r) =>
            r.split("|").map((alt) => alt.trim().split(" ")[0] ?? ""),
          );
          expect(
            alternatives.filter((p) => shippers.get(soname)?.includes(p)),
            `${soname} in ${outcome.buildDepends.join(", ")}`,
          ).not.toEqual([]);
        }
        if (result === "refused") return;

        const debs = debsUnder(out).sort();
        expect(debs.length).toBeGreaterThan(0);
        // The same plan through dpkg-buildpackage makes the same package: the direct builder's
        // equivalence (test/integration/direct-deb.test.ts) over the wheels Debian itself builds.
        const viaDpkg = path.join(scratch.dir, "dpkg", wheel.project);
        const dpkg = await convert(wheel, viaDpkg, false, "dpkg");
        expect(dpkg.code, dpkg.stderr).toBe(0);
        const dpkgDebs = debsUnder(viaDpkg).sort();
        expect(dpkgDebs.map((d) => path.basename(d))).toEqual(debs.map((d) => path.basename(d)));
        for (const [i, deb] of dpkgDebs.entries()) {
          expect(debDifferences(deb, debs[i] ?? ""), path.basename(deb)).toEqual([]);
        }
        for (const deb of debs) run("dpkg-deb", ["-x", deb, root]);
        installed.add(wheel.debs[0]?.package ?? "");
        const lacking = wheel.needs.filter((n) => !installed.has(n));
        if (lacking.length > 0) {
          outcome.imported = `no: needs ${lacking.join(", ")}, refused here`;
          return;
        }
        const printed = importModules(site, wheel.imports);
        for (const module of wheel.imports) {
          expect(printed).toContain(`${module} ${site}/`);
        }
        outcome.imported = `yes: ${wheel.imports.join(", ")}`;
      },
      300_000,
    );

    const abi3 = wheels.filter((w) => w.wheel.includes("-abi3-"));
    it.skipIf(skipWithout("rpmbuild"))(
      "render for Fedora: a stable-ABI wheel's RPM requires each soname, a CPython 3.11 one is refused",
      async () => {
        expect(abi3.length).toBeGreaterThan(0);
        for (const wheel of abi3) {
          const out = path.join(scratch.dir, "rpm", wheel.project);
          const built = await runCli([
            "convert",
            wheel.wheel,
            "--target",
            "fedora",
            "--out",
            out,
            "--build",
            "--no-lint",
            "--config",
            config,
          ]);
          expect(built.code, built.stderr).toBe(0);
          const rpms = fs
            .readdirSync(out, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".rpm") && !f.endsWith(".src.rpm"));
          const requires = rpms.map((f) => rpmRequires(path.join(out, f))).join("");
          for (const soname of neededSonames(wheel.wheel).filter((s) => !s.startsWith("libc.so"))) {
            expect(requires, wheel.project).toContain(`${soname}()(64bit)`);
          }
        }
        const python = getProfile("fedora").python.version;
        const cpython = wheels.find((w) => !w.wheel.includes("-abi3-"));
        if (cpython === undefined) return;
        const refused = await runCli([
          "preview",
          cpython.wheel,
          "--target",
          "fedora",
          "--config",
          config,
        ]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain(`is built for CPython 3.11 (tag cp311); fedora`);
        expect(refused.stderr).toContain(`has Python ${python}`);
      },
      300_000,
    );
  },
);
