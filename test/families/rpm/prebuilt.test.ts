import { describe, expect, it } from "vitest";
import { planConversion } from "../../../src/convert/plan.js";
import { getProfile } from "../../../src/profiles/index.js";
import type { TargetProfile } from "../../../src/profiles/types.js";

const PLATFORM =
  "fixtures/wheels/fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
const PURE = "fixtures/wheels/hello_cli-1.2.0-py3-none-any.whl";

/** Fedora as if its Python were the wheel's CPython 3.11, so that the wheel is not refused. */
const fedora311: TargetProfile = (() => {
  const fedora = getProfile("fedora");
  return { ...fedora, python: { ...fedora.python, version: "3.11", fullVersion: "3.11.9" } };
})();

describe("prebuilt binaries on RPM targets", () => {
  it("are the error they are at planning, so convert, preview and batch show them", async () => {
    const plan = await planConversion(PLATFORM, { profiles: [fedora311] });
    const errors = plan.packages[0]?.plan.diagnostics.filter((d) => d.severity === "error");
    expect(errors?.map((d) => d.code)).toEqual(["prebuilt-binary"]);
    expect(errors?.[0]?.message).toMatch(/compiled objects \(fastmath\/.*\.so/);
  });

  it("say nothing of a pure wheel, nor on Debian", async () => {
    const pure = await planConversion(PURE, { profiles: [getProfile("fedora")] });
    expect(pure.packages[0]?.plan.diagnostics.map((d) => d.code)).not.toContain("prebuilt-binary");
    const debian = await planConversion(PLATFORM, { profiles: [getProfile("debian-12")] });
    expect(debian.packages[0]?.plan.diagnostics.map((d) => d.code)).not.toContain(
      "prebuilt-binary",
    );
  });
});
