/**
 * A package of a multi-wheel convert whose build fails, or whose write the file system refuses,
 * is reported as a lone package's failure always was, and the other wheels and targets go on;
 * the exit code is the most severe that occurred.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foreignHostConfigDir } from "../../src/families/rpm/foreign-host.js";
import { useWheelhouses } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";
import { skipWithout } from "../helpers/tools.js";

const house = useWheelhouses();
const HELLO = "fixtures/wheels/hello_cli-1.2.0-py3-none-any.whl";

/** Every path under `dir`, hidden staging directories included. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

// Fedora's own dependency generators run only where this host is not Fedora.
const foreign = (await foreignHostConfigDir()) !== null;

describe.skipIf(skipWithout("rpmbuild") || !foreign)("a build that fails", () => {
  it("is reported with its log, the later wheel is built, and the exit code is 3", async () => {
    // Fedora's pythondistdeps refuses version 0: the Fedora build of `zero` fails for real.
    const h = house([{ name: "zero", version: "0", requires: ["click"] }]);
    const zero = path.join(h.house, "zero-0-py3-none-any.whl");
    const args = [zero, HELLO, "--target", "fedora,debian-12", "--out", h.out, "--build"];
    const result = await runCli(["convert", ...args, "--no-lint"]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(
      /^wheel2pkg: error: rpmbuild python-zero\.spec: the dependency generator pythondistdeps\.py failed/m,
    );
    const log = path.join(h.out, "fedora", "python-zero", "build.log");
    expect(result.stderr).toContain(`--- last lines of ${log} ---\n`);
    expect(result.stderr).toMatch(/normalizes to zero/);
    expect(fs.readFileSync(log, "utf8")).toMatch(/normalizes to zero/);
    // No binary package of the failed build is kept.
    expect(tree(path.join(h.out, "fedora", "python-zero")).filter((f) => /\.rpm$/.test(f))).toEqual(
      [],
    );
    // The same wheel's other target, and the wheel after it on both targets, were built.
    expect(result.stdout).not.toMatch(/^fedora: python-zero /m);
    expect(result.stdout).toMatch(/^debian-12: python-zero 0-1 /m);
    expect(result.stdout).toMatch(/^fedora: python-hello-cli 1\.2\.0-1 /m);
    expect(result.stdout).toMatch(/^debian-12: python-hello-cli 1\.2\.0-1 /m);
    expect(result.stdout).toMatch(/^ {2}\S*python3-hello-cli-1\.2\.0-1\.fc\d+\.noarch\.rpm$/m);
    expect(result.stdout).toMatch(/^ {2}\S*python3-hello-cli_1\.2\.0-1_all\.deb$/m);
    expect(result.stdout).toMatch(/^ {2}\S*python3-zero_0-1_all\.deb$/m);
  });

  it("is listed in --json as failed at the build, with its log", async () => {
    const h = house([{ name: "zero", version: "0", requires: ["click"] }]);
    const zero = path.join(h.house, "zero-0-py3-none-any.whl");
    const args = [zero, HELLO, "--target", "fedora", "--out", h.out, "--build", "--no-lint"];
    const result = await runCli(["convert", ...args, "--json"]);
    expect(result.code, result.stderr).toBe(3);
    const report = JSON.parse(result.stdout) as {
      packages: { target: string; build: { binaryPackages: string[] } }[];
      failed: { target: string; step: string; error: string; log?: string }[];
    }[];
    expect(report[0]?.packages).toEqual([]);
    expect(report[0]?.failed).toEqual([
      {
        target: "fedora",
        step: "build",
        error: expect.stringMatching(/pythondistdeps\.py failed/) as unknown,
        log: path.join(h.out, "fedora", "python-zero", "build.log"),
      },
    ]);
    expect(report[1]?.failed).toEqual([]);
    expect(report[1]?.packages[0]?.build.binaryPackages).toHaveLength(1);
  });
});

describe("a write the file system refuses", () => {
  /** A scratch output directory where the fedora target's directory cannot be made. */
  function fedoraBlocked(): { out: string; demo: string } {
    const h = house([{ name: "demo", version: "1.0" }]);
    fs.mkdirSync(h.out);
    fs.writeFileSync(path.join(h.out, "fedora"), "not a directory");
    return { out: h.out, demo: path.join(h.house, "demo-1.0-py3-none-any.whl") };
  }
  const blocked =
    /^wheel2pkg: error: .*out\/fedora: cannot create directory: already exists \(EEXIST\)$/;

  it("is said once, the other target and the later wheel are written, and the exit code is 2", async () => {
    const { out, demo } = fedoraBlocked();
    const args = [demo, HELLO, "--target", "fedora,debian-12", "--out", out, "--no-lint"];
    const result = await runCli(["convert", ...args]);
    expect(result.code, result.stderr).toBe(2);
    const errors = result.stderr.split("\n").filter((line) => line.startsWith("wheel2pkg: "));
    expect(errors).toEqual([expect.stringMatching(blocked)]);
    expect(result.stdout).toMatch(/^debian-12: python-demo 1\.0-1 /m);
    expect(result.stdout).toMatch(/^debian-12: python-hello-cli 1\.2\.0-1 /m);
    expect(result.stdout).not.toMatch(/^fedora: /m);
    expect(fs.readdirSync(path.join(out, "debian-12")).sort()).toEqual([
      "python-demo",
      "python-hello-cli",
    ]);
    // Nothing half-written: no staging directory anywhere.
    expect(tree(out).filter((entry) => entry.includes(".tmp-"))).toEqual([]);
    expect(fs.readFileSync(path.join(out, "fedora"), "utf8")).toBe("not a directory");
  });

  it("is listed in --json as failed at the write, beside what was converted", async () => {
    const { out, demo } = fedoraBlocked();
    const args = [demo, HELLO, "--target", "fedora,debian-12", "--out", out, "--no-lint"];
    const result = await runCli(["convert", ...args, "--json"]);
    expect(result.code, result.stderr).toBe(2);
    const report = JSON.parse(result.stdout) as {
      wheel: string;
      packages: { target: string }[];
      failed: { target: string; step: string; error: string }[];
    }[];
    expect(report.map((r) => r.wheel)).toEqual([demo, HELLO]);
    for (const wheel of report) {
      expect(wheel.packages.map((p) => p.target)).toEqual(["debian-12"]);
      expect(wheel.failed).toEqual([
        { target: "fedora", step: "write", error: expect.stringMatching(/\(EEXIST\)$/) as unknown },
      ]);
    }
    // Said once, though both wheels failed there.
    expect(result.stderr.trimEnd()).toMatch(blocked);
  });
});
