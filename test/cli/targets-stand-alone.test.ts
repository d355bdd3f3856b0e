import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const WHEEL =
  "fixtures/wheels/fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
const out = mkdtempSync(join(tmpdir(), "w2p-targets-"));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("each target of a multi-target conversion stands alone", () => {
  // A CPython 3.11 wheel suits debian-12 (Python 3.11) and no Fedora (another CPython).
  it("convert writes the target that takes the wheel, reports the other, and exits 1", async () => {
    const { code, stderr } = await runCli([
      "convert",
      WHEEL,
      "--target",
      "debian-12,fedora",
      "--out",
      out,
      "--no-lint",
    ]);
    expect(code).toBe(1);
    expect(existsSync(join(out, "debian-12", "python-fastmath"))).toBe(true);
    expect(existsSync(join(out, "fedora"))).toBe(false);
    expect(stderr).toMatch(/^wheel2pkg: error: fedora: refused: .*CPython 3\.11/m);
  });

  it("preview shows the target that takes the wheel and reports the other", async () => {
    const { code, stdout, stderr } = await runCli([
      "preview",
      WHEEL,
      "--target",
      "debian-12,fedora",
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain("==> debian-12/python-fastmath/");
    expect(stdout).not.toContain("==> fedora/");
    expect(stderr).toMatch(/fedora: refused/);
  });

  it("refuses a wheel that no target takes as before: exit 2, one message", async () => {
    const { code, stderr } = await runCli(["preview", WHEEL, "--target", "fedora"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^wheel2pkg: error: .*CPython 3\.11/);
  });
});
