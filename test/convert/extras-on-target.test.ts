/**
 * Planning offers an extra only where the target can satisfy what it requires: with the target's
 * archive index (and a batch's own projects), an optional extra with a requirement nothing meets
 * gets no Fedora `+extra` subpackage and no Debian Suggests, with a warning naming the extra and
 * what it lacks; without an archive index every optional extra is offered, as before.
 */
import { afterAll, describe, expect, it } from "vitest";
import { planConversion, type ConversionPlan } from "../../src/convert/index.js";
import type { ArchivePackage } from "../../src/families/archive.js";
import { ArchiveIndex, familyOf } from "../../src/families/index.js";
import { getProfile } from "../../src/profiles/index.js";
import type { TargetProfile } from "../../src/profiles/types.js";
import { writeWheel } from "../batch/wheelhouse.js";
import { fixedPackaging } from "../helpers/convert.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const fedora = getProfile("fedora");
const debian = getProfile("debian-12");
const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const wheel = writeWheel(scratch.dir, {
  name: "dy_app",
  version: "1.0",
  extras: ["cli", "compat", "future", "tests", "web"],
  requires: [
    'dy-nothere>=1; extra == "cli"',
    'six>=1.10; extra == "compat"',
    'six>=2; extra == "future"',
    'dy-nothere; extra == "tests"',
    'dy-lib>=2; extra == "web"',
  ],
});

/** An archive index of `packages` for a target. */
function archiveOf(profile: TargetProfile, packages: ArchivePackage[]): ArchiveIndex {
  const family = familyOf(profile);
  return new ArchiveIndex(
    {
      format: 1,
      target: profile.id,
      read: "2026-01-01T00:00:00Z",
      origins: [],
      packages,
      libraries: null,
      preinstalled: [],
    },
    (a, b) => family.compareVersions(a, b),
  );
}

const archives = new Map([
  [
    fedora.id,
    archiveOf(fedora, [
      {
        name: "python3-six",
        version: "1.16.0-1.fc45",
        source: "python-six",
        provides: [
          { name: "python3dist(six)", version: "1.16" },
          { name: "python3.15dist(six)", version: "1.16" },
        ],
      },
    ]),
  ],
  [
    debian.id,
    archiveOf(debian, [{ name: "python3-six", version: "1.16.0-4", source: "six", provides: [] }]),
  ],
]);

function file(plan: ConversionPlan, target: string, suffix: string): string {
  const planned = plan.packages.find((p) => p.profile.id === target);
  return planned?.files.find((f) => f.path.endsWith(suffix))?.content ?? "";
}

function codes(plan: ConversionPlan, target: string, code: string): string[] {
  const planned = plan.packages.find((p) => p.profile.id === target);
  return (planned?.plan.diagnostics ?? []).filter((d) => d.code === code).map((d) => d.message);
}

describe("extras the target cannot satisfy", () => {
  it("are not offered, with a warning naming the extra and what it lacks", async () => {
    const plan = await planConversion(wheel, {
      profiles: [fedora, debian],
      packaging: fixedPackaging,
      archives,
      provided: new Map([["dy-lib", "2.1"]]),
    });
    const fedoraPackage = plan.packages.find((p) => p.profile.id === "fedora");
    expect(fedoraPackage?.plan.binaryNames).toEqual([
      "python3-dy-app",
      "python3-dy-app+compat",
      "python3-dy-app+web",
    ]);
    expect([...(fedoraPackage?.mapped.placement?.unavailable.keys() ?? [])]).toEqual([
      "cli",
      "future",
    ]);
    expect(fedoraPackage?.mapped.placement?.optional).toEqual(["compat", "web"]);
    expect(codes(plan, "fedora", "extra-unavailable")).toEqual([
      expect.stringMatching(
        /^extra \[cli\] not packaged for fedora: nothing satisfies dy-nothere>=1; extra == "cli" \(python3dist\(dy-nothere\) >= 1: archive: no such package\)$/,
      ),
      expect.stringMatching(
        /^extra \[future\] not packaged for fedora: nothing satisfies six>=2; extra == "future" \(python3dist\(six\) >= 2: archive: python3dist\(six\) 1\.16 \(provided by python3-six 1\.16\.0-1\.fc45\) \(not a version it admits\)\)$/,
      ),
    ]);
    expect(codes(plan, "fedora", "extras-optional")).toEqual([
      "extras as metapackages: python3-dy-app+compat, python3-dy-app+web",
    ]);
    const spec = file(plan, "fedora", ".spec");
    expect(spec).not.toMatch(/\bcli\b/);
    expect(spec).not.toMatch(/\bfuture\b/);
    expect(spec).toMatch(/%pyproject_extras_subpkg -n python3-dy-app compat/);

    // Debian: the extra's relations are no Suggests either; the others stay.
    const control = file(plan, "debian-12", "debian/control");
    expect(control).toMatch(
      /^Suggests:\n python3-dy-lib \(>= 2\),\n python3-six \(>= 1\.10\)\nDescription/m,
    );
    expect(control).not.toMatch(/dy-nothere/);
    expect(codes(plan, "debian-12", "extra-unavailable")).toEqual([
      expect.stringMatching(
        /^extra \[cli\] not packaged for debian-12: nothing satisfies dy-nothere>=1; extra == "cli" \(python3-dy-nothere \(>= 1\): archive: no such package\)$/,
      ),
      expect.stringMatching(
        /^extra \[future\] not packaged for debian-12: nothing satisfies six>=2; extra == "future" /,
      ),
    ]);
    expect(codes(plan, "debian-12", "extras-optional")).toEqual([
      "optional extras, their dependencies in Suggests: [compat], [web]",
    ]);
  });

  it("count a project the batch makes only at a version the requirement admits", async () => {
    const plan = await planConversion(wheel, {
      profiles: [fedora],
      packaging: fixedPackaging,
      archives,
      provided: new Map([["dy-lib", "1.5"]]),
    });
    expect(codes(plan, "fedora", "extra-unavailable")).toContainEqual(
      'extra [web] not packaged for fedora: nothing satisfies dy-lib>=2; extra == "web" (the batch makes dy-lib 1.5, which it excludes)',
    );
    expect(plan.packages[0]?.plan.binaryNames).toEqual(["python3-dy-app", "python3-dy-app+compat"]);
  });

  it("are offered all without an archive index: nothing is guessed", async () => {
    const plan = await planConversion(wheel, {
      profiles: [fedora, debian],
      packaging: fixedPackaging,
    });
    expect(plan.packages[0]?.plan.binaryNames).toEqual([
      "python3-dy-app",
      "python3-dy-app+cli",
      "python3-dy-app+compat",
      "python3-dy-app+future",
      "python3-dy-app+web",
    ]);
    expect(plan.packages[0]?.mapped.placement?.unavailable.size).toBe(0);
    expect(codes(plan, "fedora", "extra-unavailable")).toEqual([]);
    expect(file(plan, "debian-12", "debian/control")).toMatch(/^ python3-dy-nothere \(>= 1\),$/m);
  });
});
