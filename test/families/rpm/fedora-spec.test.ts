import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
