/**
 * Two builds of the same inputs, written to different places, give byte-identical packages:
 * source and binary RPMs, and the .deb of either Debian builder.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Builder } from "../../src/config/types.js";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import { skipWithout } from "../helpers/tools.js";

async function build(
  wheel: string,
  target: string,
  builder: Builder,
): Promise<Map<string, Buffer>> {
  const result = await convertWheel(fixtureWheel(wheel), {
    profiles: [getProfile(target)],
    outDir: mkdtempSync(join(tmpdir(), "wheel2pkg-repro-")),
    build: true,
    builder,
    packaging: fixedPackaging,
  });
  const built = result.packages[0]?.build;
  const files = [...(built?.sourcePackages ?? []), ...(built?.binaryPackages ?? [])];
  return new Map(files.map((file) => [file.split("/").pop() ?? file, readFileSync(file)]));
}

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage", "dpkg-shlibdeps"))(
  "rebuilds give the same bytes",
  () => {
    const platform = "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    it.each([
      ["hello_cli-1.2.0-py3-none-any.whl", "fedora", "dpkg"],
      [platform, "debian-12", "direct"],
      [platform, "debian-12", "dpkg"],
    ] as const)("%s for %s (builder %s)", async (wheel, target, builder) => {
      const first = await build(wheel, target, builder);
      const second = await build(wheel, target, builder);
      expect(first.size).toBeGreaterThan(0);
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
    });
  },
);
