/**
 * Relations as apt reads them against the real bookworm archive on this host: a probe package
 * whose Depends are debRelations() of some requirements, with the epochs of the committed
 * bookworm sample, installs (`apt-get install --simulate`) exactly when the archive has a
 * version PEP 440 admits. Runs where apt's bookworm lists are present, and always under CI.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { debRelations } from "../../src/mapping/deb-version.js";
import { parseSpecifiers } from "../../src/model/specifier.js";
import { root } from "../helpers/convert.js";
import { archiveRelease, hostPackagesLists, readPackages } from "../helpers/debian-archive.js";
import { inCI, skipWithout, systemPath } from "../helpers/tools.js";

const sample = readPackages(
  readFileSync(join(root, "fixtures", "archive", "bookworm-python3.Packages"), "utf8"),
);
const epochOf = (name: string): number => {
  const entry = sample.find((e) => e.package === name);
  return entry === undefined ? 0 : archiveRelease(entry.version).epoch;
};
const bookworm = hostPackagesLists().some((list) => list.includes("_dists_bookworm_"));
const directory = mkdtempSync(join(tmpdir(), "wheel2pkg-probe-"));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The Depends of requirements (`python3-numpy`, `<2`) as wheel2pkg writes them. */
function depends(requirements: readonly (readonly [string, string])[]): string {
  return requirements
    .flatMap(([name, specifiers]) =>
      debRelations(name, parseSpecifiers(specifiers), epochOf(name)).relations.map((group) =>
        group.join(" | "),
      ),
    )
    .join(", ");
}

/** Whether apt would install a probe package with these Depends next to the archive. */
function installs(id: string, relations: string): { ok: boolean; output: string } {
  const tree = join(directory, id);
  mkdirSync(join(tree, "DEBIAN"), { recursive: true });
  writeFileSync(
    join(tree, "DEBIAN", "control"),
    [
      `Package: wheel2pkg-probe-${id}`,
      "Version: 1.0-1",
      "Architecture: all",
      "Maintainer: wheel2pkg tests <tests@example.org>",
      `Depends: ${relations}`,
      "Description: requirements probe",
      " Depends on what some requirements become.",
      "",
    ].join("\n"),
  );
  const deb = join(directory, `${id}.deb`);
  const env = { PATH: systemPath, LC_ALL: "C.UTF-8" };
  execFileSync("dpkg-deb", ["--build", tree, deb], { env, stdio: "ignore" });
  try {
    const output = execFileSync("apt-get", ["install", "--simulate", "--no-remove", deb], {
      encoding: "utf8",
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe.skipIf(skipWithout("apt-get", "dpkg-deb") || (!bookworm && !inCI))(
  "relations against bookworm",
  () => {
    it("admit the archive's own releases, however spelled, repacked or epoch'd", () => {
      const relations = depends([
        ["python3-numpy", "<2"], // 1:1.24.2-1+deb12u1
        ["python3-numpy", ">=1.24.2,!=1.24.1"],
        ["python3-pygments", "==2.14.0"], // 2.14.0+dfsg-1
        ["python3-pygments", ">=2.14"],
        ["python3-paramiko", "==2.12"], // 2.12.0-2
        ["python3-paramiko", "<=2.12.0"],
        ["python3-requests", "~=2.28.1"], // 2.28.1+dfsg-1
        ["python3-cryptography", ">38,<39"], // 38.0.4-3+deb12u1: > 38.0 since 38.0.4 is later
      ]);
      expect(relations).toContain("python3-numpy (<< 1:2~~)");
      const result = installs("admit", relations);
      expect(result.ok, result.output).toBe(true);
    });

    it.each([
      ["numpy-new", [["python3-numpy", ">=1.26.4"]]],
      ["cffi-new", [["python3-cffi", ">=2.0"]]], // 1.15.1-5
      ["pygments-post", [["python3-pygments", ">2.14.0"]]],
      ["paramiko-old", [["python3-paramiko", "<2.12"]]],
    ] as const)("refuse what PEP 440 refuses (%s)", (id, requirements) => {
      const result = installs(id, depends(requirements));
      expect(result.ok, result.output).toBe(false);
    });
  },
);
