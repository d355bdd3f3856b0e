/**
 * A package made with the target archive's epoch for its name builds with the real tools and
 * carries the epoch (docs/version-translation.md, "Epochs"): dpkg-buildpackage with
 * `1:1.2.0-1` in debian/changelog (orig tarball and source tree without it), rpmbuild with
 * `Epoch: 1`.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import { run } from "../helpers/install.js";
import { skipWithout } from "../helpers/tools.js";

/** The archive these tests pretend: hello-cli's packages have epoch 1. */
const epochOf = (name: string): number => (name === "python3-hello-cli" ? 1 : 0);

async function build(target: string) {
  const result = await convertWheel(fixtureWheel("hello_cli-1.2.0-py3-none-any.whl"), {
    profiles: [getProfile(target)],
    outDir: mkdtempSync(join(tmpdir(), "wheel2pkg-epoch-")),
    build: true,
    packaging: fixedPackaging,
    epochOf,
  });
  const built = result.packages[0]?.build?.binaryPackages ?? [];
  if (built.length === 0) throw new Error(`nothing built for ${target}`);
  return built;
}

describe("the archive's epoch in built packages", () => {
  it.skipIf(skipWithout("dpkg-buildpackage", "dh_python3", "dpkg-deb"))(
    "a .deb of version 1:1.2.0-1",
    async () => {
      const [deb = ""] = await build("debian-12");
      expect(run("dpkg-deb", ["-f", deb, "Version"]).trim()).toBe("1:1.2.0-1");
      expect(deb).toMatch(/python3-hello-cli_1\.2\.0-1_all\.deb$/);
    },
  );

  it.skipIf(skipWithout("rpmbuild", "rpm"))("an .rpm with Epoch 1", async () => {
    const rpms = await build("fedora");
    const rpm = rpms.find((file) => /python3-hello-cli-1\.2\.0-1\./.test(file)) ?? "";
    expect(run("rpm", ["-qp", "--qf", "%{EPOCH}:%{VERSION}-%{RELEASE}", rpm])).toMatch(
      /^1:1\.2\.0-1/,
    );
  });
});
