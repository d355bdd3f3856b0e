import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { skipWithout } from "../helpers/tools.js";

const WHEEL = "fixtures/wheels/hello_cli-1.2.0-py3-none-any.whl";
const out = mkdtempSync(join(tmpdir(), "w2p-host-"));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

const codename = /^VERSION_CODENAME=(.*)$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];

describe.skipIf(skipWithout("dpkg-buildpackage", "rpmbuild"))(
  "a build with the host's tools",
  () => {
    it("says so when the host is not the target release", async () => {
      // This host builds for debian-13 (trixie) with its own debhelper unless it is trixie.
      const { code, stdout } = await runCli([
        "convert",
        WHEEL,
        "--target",
        codename === "trixie" ? "debian-12" : "debian-13",
        "--out",
        out,
        "--build",
        "--builder",
        "dpkg",
        "--no-lint",
      ]);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^ {2}note: built with this host's \(\w+\) dpkg, debhelper and dh-python/m,
      );
    });
  },
);
