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
  /^error: license-ambiguous: License "LGPL" does not say which version; .*\[packages\.paramiko\] license = "<SPDX expression>"$/m;

describe("an ambiguous license", () => {
  it("is an error that preview shows without --verbose", async () => {
    const { wheel } = paramiko();
    const result = await runCli(["preview", wheel, "--target", "fedora"]);
    expect(result.stderr).toMatch(ambiguous);
    expect(result.stdout).toMatch(/^License: +LicenseRef-Unknown$/m);
    expect(result.stdout).not.toMatch(/LGPL-3/);
  });

  it("is an error that convert shows, with debian/copyright saying unknown", async () => {
    const { wheel, out } = paramiko();
    const result = await runCli(["convert", wheel, "--target", "debian-12", "--out", out]);
    expect(result.stderr).toMatch(ambiguous);
    const directory = /→ (.+)$/m.exec(result.stdout)?.[1] ?? "";
    const file = fs
      .readdirSync(directory, { recursive: true, encoding: "utf8" })
      .find((name) => name.endsWith(path.join("debian", "copyright")));
    const copyright = fs.readFileSync(path.join(directory, file ?? "missing"), "utf8");
    expect(copyright).toMatch(/^License: unknown$/m);
    expect(copyright).not.toMatch(/LGPL-3/);
  });

  it("is an error that batch shows once, with its targets", async () => {
    const { house: dir, out } = paramiko();
    const result = await runCli(["batch", dir, "--target", "debian-12,fedora", "--out", out]);
    const lines = result.stderr.split("\n").filter((line) => line.includes("license-ambiguous"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: license-ambiguous: paramiko \(debian-12, fedora\): License "LGPL"/,
    );
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
