import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useWheelhouses, writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";

const house = useWheelhouses();

/** A wheelhouse holding paramiko with its `License: LGPL`, which names no version. */
function paramiko(): { root: string; house: string; out: string; wheel: string } {
  const h = house([]);
  const wheel = writeWheel(h.house, { name: "paramiko", version: "3.5.0", license: "LGPL" });
  return { ...h, wheel };
}

const ambiguous =
  /^wheel2pkg: error: paramiko-3\.5\.0-py3-none-any\.whl: License: license-ambiguous: License "LGPL" does not say which version; .*\[packages\.paramiko\] license = "<SPDX expression>"$/m;

// No package says its license is unknown (lintian: license-problem-undefined-license): the wheel
// is refused, the way any target refuses a wheel it cannot serve.
describe("an ambiguous license", () => {
  it("refuses the wheel in preview, which shows the error and renders nothing", async () => {
    const { wheel } = paramiko();
    const result = await runCli(["preview", wheel, "--target", "fedora"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ambiguous);
    expect(result.stdout).toBe("");
  });

  it("refuses the wheel in convert for every target, and writes nothing", async () => {
    const { wheel, out } = paramiko();
    const result = await runCli(["convert", wheel, "--target", "debian-12,fedora", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ambiguous);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it("refuses that wheel in a batch, whose other wheels are converted", async () => {
    const { house: dir, out } = paramiko();
    writeWheel(dir, { name: "six", version: "1.16.0" });
    const result = await runCli(["batch", dir, "--target", "debian-12,fedora", "--out", out]);
    expect(result.code).toBe(1);
    const refusals = result.stderr.split("\n").filter((line) => line.includes(": refused"));
    expect(refusals).toHaveLength(2);
    for (const line of refusals)
      expect(line).toMatch(/paramiko 3\.5\.0: refused .*license-ambiguous: License "LGPL"/);
    expect(result.stderr).toMatch(/2 converted, 2 refused/);
    expect(fs.readdirSync(path.join(out, "debian-12"))).toContain("python-six");
    expect(fs.readdirSync(path.join(out, "debian-12"))).not.toContain("python-paramiko");
  });

  it("is settled by [packages.<name>] license in wheel2pkg.toml", async () => {
    const { wheel, root } = paramiko();
    const config = path.join(root, "wheel2pkg.toml");
    fs.writeFileSync(config, '[packages.paramiko]\nlicense = "LGPL-2.1-or-later"\n');
    const rpm = await runCli(["preview", wheel, "--target", "fedora", "--config", config]);
    expect(rpm.stderr).not.toMatch(/license-ambiguous/);
    expect(rpm.stdout).toMatch(/^License: +LGPL-2\.1-or-later$/m);
    const deb = await runCli(["preview", wheel, "--target", "debian-12", "--config", config]);
    expect(deb.stdout).toMatch(/^License: LGPL-2\.1\+$/m);
  });
});
