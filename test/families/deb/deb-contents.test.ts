import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { readDebContents } from "../../../src/families/deb/deb-contents.js";
import { controlValues, queryDeb, queryDebWithDpkg } from "../../../src/families/deb/native.js";
import { skipWithout, systemPath } from "../../helpers/tools.js";

const scratch = mkdtempSync(join(tmpdir(), "wheel2pkg-deb-contents-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A package tree with what lint tells apart: scripts, ELF, links, modes, nested directories. */
function packageTree(): string {
  const tree = join(scratch, "tree");
  rmSync(tree, { recursive: true, force: true });
  const site = join(tree, "usr", "lib", "python3", "dist-packages", "odd");
  mkdirSync(join(tree, "DEBIAN"), { recursive: true });
  mkdirSync(join(site, "sub"), { recursive: true });
  mkdirSync(join(tree, "usr", "bin"), { recursive: true });
  mkdirSync(join(tree, "usr", "share", "doc", "python3-odd"), { recursive: true });
  writeFileSync(
    join(tree, "DEBIAN", "control"),
    [
      "Package: python3-odd",
      "Version: 1.0-1",
      "Architecture: all",
      "maintainer: T <t@example.org>",
      "section:  python ",
      "Depends: python3:any,python3-a(>=1)|python3-b ,",
      "  python3-c (<< 2)",
      "Description:   odd  package  ",
      " With a long description.",
      "",
    ].join("\n"),
  );
  writeFileSync(join(site, "__init__.py"), "#!/usr/bin/python3 -s\nimport os\n");
  writeFileSync(join(site, "sub", "data.txt"), "x".repeat(5000));
  // The first bytes of a real ELF object are what marks one.
  copyFileSync("/bin/true", join(site, "native.so"));
  writeFileSync(join(tree, "usr", "bin", "odd"), "#!/usr/bin/env python3\nprint(1)\n");
  chmodSync(join(tree, "usr", "bin", "odd"), 0o755);
  linkSync(join(tree, "usr", "bin", "odd"), join(tree, "usr", "bin", "odd-again"));
  symlinkSync("odd", join(tree, "usr", "bin", "odd-link"));
  writeFileSync(join(tree, "usr", "share", "doc", "python3-odd", "copyright"), "Free.\n");
  chmodSync(join(site, "sub", "data.txt"), 0o744);
  return tree;
}

/** The tree as a .deb whose members dpkg-deb compressed with `compressor`. */
function debWith(compressor: string): string {
  const deb = join(scratch, `odd-${compressor}.deb`);
  execFileSync("dpkg-deb", ["--root-owner-group", `-Z${compressor}`, "-b", packageTree(), deb], {
    stdio: "ignore",
    env: { PATH: systemPath },
  });
  return deb;
}

describe.skipIf(skipWithout("dpkg-deb"))("a .deb read in-process", () => {
  it.each(["xz", "gzip", "zstd", "none"])(
    "gives what dpkg-deb gives, members compressed with %s",
    async (compressor) => {
      const deb = debWith(compressor);
      const inProcess = await queryDeb(deb);
      expect(inProcess).toEqual(await queryDebWithDpkg(deb));
      expect(inProcess).toMatchObject({
        name: "python3-odd",
        section: "python",
        summary: "odd  package  ",
        requires: ["python3:any", "python3-a (>= 1) | python3-b", "python3-c (<< 2)"],
      });
      const byPath = new Map(inProcess.files.map((file) => [file.path, file]));
      expect(byPath.get("/usr/bin/odd-again")).toMatchObject({
        executable: true,
        shebang: "/usr/bin/env python3",
      });
      expect(byPath.get("/usr/bin/odd-link")).toMatchObject({ executable: false, shebang: null });
      expect(byPath.get("/usr/lib/python3/dist-packages/odd/native.so")?.elf).toBe(true);
    },
  );

  it("leaves to dpkg-deb what is no .deb it knows", async () => {
    const file = join(scratch, "not-a.deb");
    writeFileSync(file, "not an ar archive");
    expect(await readDebContents(file)).toBeNull();
  });

  it.each([
    ["corrupt", (deb: Buffer, at: number) => deb.map((b, i) => (i > at + 100 ? b ^ 0xff : b))],
    ["cut short", (deb: Buffer) => deb.subarray(0, deb.length - 100)],
  ])("refuses a .deb whose data is %s, naming the file and the member", async (what, spoil) => {
    const deb = readFileSync(debWith("xz"));
    const file = join(scratch, `spoilt-${what}.deb`);
    writeFileSync(file, spoil(deb, deb.indexOf("data.tar.xz")));
    const refusal = await readDebContents(file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).location).toEqual({ file, member: "data.tar.xz" });
  });

  it("refuses a file that is not there as a file-system problem", async () => {
    const file = join(scratch, "missing.deb");
    const refusal = await readDebContents(file).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UserError);
    expect(refusal).toMatchObject({ path: file, code: "ENOENT" });
  });
});

describe("control fields as dpkg-deb -f gives them", () => {
  it.each([
    ["Depends: a(>=1)|b ,  c (<1),\n  d:any (= 2) , e\n", "a (>= 1) | b, c (<= 1), d:any (= 2), e"],
    ["depends: python3:any\n", "python3:any"],
    ["Depends:\n", ""],
  ])("%j", (control, depends) => {
    expect(controlValues(`Package: x\n${control}`).get("Depends")).toBe(depends);
  });

  it("keeps a description's inner spacing and its continuation lines", () => {
    const values = controlValues("Description:   two  spaces  \n more\nSection:  libs \n");
    expect(values.get("Description")).toBe("two  spaces  \n more");
    expect(values.get("Section")).toBe("libs");
  });
});
