import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { planConversion } from "../../../src/convert/plan.js";
import { getProfile } from "../../../src/profiles/index.js";
import { scratchDirectory, wheelBytes } from "../../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** A wheel with one extra, pure or built for CPython 3.15 on x86_64. */
function wheelWithExtra(pure: boolean): string {
  const tag = pure ? "py3-none-any" : "cp315-cp315-manylinux_2_17_x86_64";
  const file = join(scratch.dir, `demo-1.0-${tag}.whl`);
  writeFileSync(
    file,
    wheelBytes({
      metadata: [
        "Metadata-Version: 2.1",
        "Name: demo",
        "Version: 1.0",
        "Summary: Demo",
        "License: MIT",
        "Provides-Extra: cli",
        'Requires-Dist: rich; extra == "cli"',
        "",
      ].join("\n"),
      wheel: `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: ${String(pure)}\nTag: ${tag}\n`,
    }),
  );
  return file;
}

describe("the Fedora spec's extras metapackages", () => {
  it.each([
    [true, "%pyproject_extras_subpkg -n python3-demo cli"],
    // A metapackage of an arch-specific package holds no binaries: noarch (rpmlint no-binary).
    [false, "%pyproject_extras_subpkg -n python3-demo -a cli"],
  ])("pure %s: %s", async (pure, line) => {
    const plan = await planConversion(wheelWithExtra(pure), { profiles: [getProfile("fedora")] });
    const context = plan.packages[0]?.plan.context as { extrasMacro?: unknown };
    expect(context.extrasMacro).toBe(line);
  });
});

describe("the Fedora spec's Requires", () => {
  const wheel = join(scratch.dir, "needs-1.0-py3-none-any.whl");
  writeFileSync(
    wheel,
    wheelBytes({
      name: "needs",
      metadata: [
        "Metadata-Version: 2.1",
        "Name: needs",
        "Version: 1.0",
        "Summary: Needs others",
        "License: MIT",
        "Requires-Dist: click>=8",
        "Requires-Dist: Psycopg2-Binary",
        "Requires-Dist: pytest-runner",
        "Requires-Dist: attrs",
        "",
      ].join("\n"),
    }),
  );
  // A rule that names what the generator writes anyway (as a batch does for its own packages),
  // a rename and an ignore.
  const config = parseConfig(
    [
      "[mapping]",
      'ignore = ["pytest-runner"]',
      "[packages.attrs.targets.fedora]",
      'name = "attrs"',
      "[packages.psycopg2-binary.targets.fedora]",
      'name = "psycopg2"',
      "",
    ].join("\n"),
    "wheel2pkg.toml",
  );

  it("are only what the generator cannot write, which it is kept from writing", async () => {
    const plan = await planConversion(wheel, { profiles: [getProfile("fedora")], config });
    const context = plan.packages[0]?.plan.context as { requires?: unknown; globals?: unknown };
    expect(context.requires).toEqual(["python3dist(psycopg2)"]);
    expect(context.globals).toEqual([
      "__requires_exclude %{?__requires_exclude:%{__requires_exclude}|}^python%{python3_version}dist\\\\(psycopg2-binary(\\\\[.*\\\\])?\\\\)",
      "__requires_exclude %{?__requires_exclude:%{__requires_exclude}|}^python%{python3_version}dist\\\\(pytest-runner(\\\\[.*\\\\])?\\\\)",
    ]);
  });
});
