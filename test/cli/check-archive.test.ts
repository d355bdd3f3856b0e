import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { hasTool, skipWithout } from "../helpers/tools.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const wheel = scratch.wheel({
  metadata:
    "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: six\nRequires-Dist: wheel2pkg-no-such-project>=1\n",
});

describe.skipIf(skipWithout("apt-cache"))("--check-archive", () => {
  it("reports names the Debian archive lacks, and only those", async () => {
    for (const command of [
      ["preview", wheel, "--target", "debian-12", "--check-archive"],
      ["inspect", wheel, "--target", "debian-12", "--check-archive"],
    ]) {
      const result = await runCli(command);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /dependency-unresolved: debian-12: python3-wheel2pkg-no-such-project is not in the package index \(apt-cache/,
      );
      expect(result.stderr).not.toMatch(/python3-six is not/);
    }
  });

  it.skipIf(hasTool("dnf") || hasTool("zypper"))(
    "says when the host has no index for the family",
    async () => {
      const result = await runCli(["preview", wheel, "--target", "fedora", "--check-archive"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /archive-check-unavailable: fedora: this host has no dnf or zypper index/,
      );
    },
  );
});
