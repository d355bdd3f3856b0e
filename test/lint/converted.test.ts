import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planConversion } from "../../src/convert/index.js";
import {
  type Finding,
  type LintInput,
  parseDebianDir,
  parseSpec,
  runRules,
} from "../../src/lint/index.js";
import { readWheelSubject } from "../../src/lint/inputs/wheel.js";
import { getProfile, profiles } from "../../src/profiles/index.js";
import { fixedPackaging, root } from "../helpers/convert.js";

const wheels = readdirSync(join(root, "fixtures", "wheels")).filter((n) => n.endsWith(".whl"));
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

describe.each([...profiles.keys()])("converted fixture wheels for %s", (target) => {
  const profile = getProfile(target);

  it.each(wheels)("%s: the wheel has no error, its packaging no finding", async (name) => {
    const path = join(root, "fixtures", "wheels", name);
    const wheelInput: LintInput = { kind: "wheel", path, wheel: await readWheelSubject(path) };
    const wheelErrors = errors(runRules(wheelInput, profile)).map((f) => f.ruleId);
    if (name.startsWith("fastmath-") && profile.python.version !== "3.11") {
      // Documented: this cp311 wheel fits only a Python 3.11 target (and Fedora forbids
      // pre-built binaries); convert refuses it for the others.
      expect(wheelErrors).toContain("python-tag-mismatch");
      if (target === "fedora") {
        expect(wheelErrors.sort()).toEqual(["prebuilt-binary", "python-tag-mismatch"]);
      }
      await expect(
        planConversion(path, { profiles: [profile], packaging: fixedPackaging }),
      ).rejects.toThrow();
      return;
    }
    expect(wheelErrors).toEqual([]);
    const plan = await planConversion(path, { profiles: [profile], packaging: fixedPackaging });
    for (const planned of plan.packages) {
      let input: LintInput;
      if (profile.family === "rpm") {
        const spec = planned.files.find((f) => f.path.endsWith(".spec"));
        if (spec === undefined) throw new Error("no spec planned");
        input = { kind: "spec", path: spec.path, spec: parseSpec(spec.content) };
      } else {
        const files = planned.files
          .filter((f) => /(^|\/)debian\/[^/]+$/.test(f.path))
          .map((f) => ({
            path: f.path.replace(/^.*debian\//, ""),
            content: f.content,
            mode: f.mode,
          }));
        expect(files.map((f) => f.path)).toContain("control");
        input = { kind: "debian-dir", path: "debian", debian: parseDebianDir(files) };
      }
      // The packaging wheel2pkg writes draws no finding at all, not even a note.
      expect(runRules(input, profile)).toEqual([]);
    }
  });
});
