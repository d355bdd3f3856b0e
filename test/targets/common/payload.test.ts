/**
 * The payload rule (docs/architecture.md, "Payload compression"): one answer from the wheel's
 * files, which every family's packaging turns into its compressor's settings.
 */
import { describe, expect, it } from "vitest";
import { planConversion, readPackage } from "../../../src/convert/index.js";
import { getProfile } from "../../../src/profiles/index.js";
import { bigPayload, payloadEffort } from "../../../src/targets/common/payload.js";
import { fixedPackaging, fixtureWheel } from "../../helpers/convert.js";

describe("the payload rule", () => {
  it.each([
    [[], "usual"],
    [[bigPayload - 1], "usual"],
    [[bigPayload / 2, bigPayload / 2], "fast"],
    [[bigPayload + 1], "fast"],
  ] as const)("files of %j bytes: %s", (sizes, effort) => {
    expect(payloadEffort(sizes.map((size) => ({ size })))).toBe(effort);
  });
});

/** The rules and spec files planned for a wheel whose first file declares `size` bytes. */
async function packaging(size: number | null): Promise<Map<string, string>> {
  const read = await readPackage(fixtureWheel("hello_cli-1.2.0-py3-none-any.whl"));
  const members = read.pkg.members.map((member, i) =>
    i === 0 && size !== null ? { ...member, size } : member,
  );
  const plan = await planConversion(
    { ...read, pkg: { ...read.pkg, members } },
    { profiles: ["debian-12", "fedora", "opensuse"].map(getProfile), packaging: fixedPackaging },
  );
  const files = new Map<string, string>();
  for (const planned of plan.packages) {
    const file = planned.files.find((f) => /(debian\/rules|\.spec)$/.test(f.path));
    files.set(planned.profile.id, file?.content ?? "");
  }
  return files;
}

describe("each family's settings for it", () => {
  it("ask for the usual compression of a small package", async () => {
    const files = await packaging(null);
    expect(files.get("debian-12")).toMatch(/^export DPKG_DEB_COMPRESSOR_LEVEL = 2$/m);
    expect(files.get("fedora")).not.toContain("_binary_payload");
    expect(files.get("opensuse")).not.toContain("_binary_payload");
  });

  it("ask for the fast compression of a big one", async () => {
    const files = await packaging(bigPayload);
    expect(files.get("debian-12")).toMatch(/^export DPKG_DEB_COMPRESSOR_LEVEL = 0$/m);
    expect(files.get("debian-12")).toContain("at its fastest level");
    expect(files.get("fedora")).toMatch(/^%global _binary_payload w9\.zstdio$/m);
    expect(files.get("opensuse")).toMatch(/^%global _binary_payload w9\.zstdio$/m);
  });
});
