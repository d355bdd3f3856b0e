import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planConversion } from "../../src/convert/index.js";
import { UnsupportedWheelError } from "../../src/errors.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel, root } from "../helpers/convert.js";

const wheels = readdirSync(join(root, "fixtures", "wheels"))
  .filter((name) => name.endsWith(".whl"))
  .sort();
const targetIds = [
  "fedora",
  "fedora-rawhide",
  "epel-9",
  "opensuse",
  "debian-12",
  "debian-13",
  "ubuntu-24.04",
];

/** Wheels a target refuses, and a word the refusal must contain. */
const refused: Record<string, Record<string, RegExp>> = {
  "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl": {
    fedora: /CPython 3\.11.*3\.15/s,
    "epel-9": /CPython 3\.11.*3\.9/s,
    opensuse: /CPython 3\.11.*3\.13/s,
    "fedora-rawhide": /CPython 3\.11.*3\.15/s,
    "debian-13": /CPython 3\.11.*3\.13/s,
    "ubuntu-24.04": /CPython 3\.11.*3\.12/s,
  },
};

describe("rendered packaging matches the golden files", () => {
  it("has the five fixture wheels", () => {
    expect(wheels.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(wheels)("%s", (wheel) => {
    it.each(targetIds)("for %s", async (target) => {
      const profile = getProfile(target);
      const expectRefusal = refused[wheel]?.[target];
      const planning = planConversion(fixtureWheel(wheel), {
        profiles: [profile],
        packaging: fixedPackaging,
      });
      if (expectRefusal !== undefined) {
        await expect(planning).rejects.toThrow(UnsupportedWheelError);
        await expect(planning).rejects.toThrow(expectRefusal);
        return;
      }
      const plan = await planning;
      const stem = wheel.replace(/\.whl$/, "");
      for (const planned of plan.packages) {
        for (const file of planned.files) {
          await expect(file.content).toMatchFileSnapshot(
            join(
              root,
              "fixtures",
              "cases",
              stem,
              target,
              file.path.replace(/^[^/]+-[^/]+\/debian\//, "debian/"),
            ),
          );
        }
        const diagnostics = [...plan.diagnostics, ...planned.plan.diagnostics]
          .map((d) => `${d.severity} ${d.code}: ${d.message}`)
          .join("\n");
        await expect(`${diagnostics}\n`).toMatchFileSnapshot(
          join(root, "fixtures", "cases", stem, target, "diagnostics.txt"),
        );
      }
    });
  });
});
