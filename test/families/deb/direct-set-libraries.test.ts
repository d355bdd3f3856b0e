import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { unpackSetLibraries } from "../../../src/families/deb/direct/set-libraries.js";
import type { SetLibrary } from "../../../src/targets/types.js";
import { skipWithout, systemPath } from "../../helpers/tools.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const library: SetLibrary = {
  soname: "libboost_system.so.1.83.0",
  project: "cmeel-boost",
  wheel: "cmeel_boost-1.83.0-0-py3-none-manylinux_2_17_x86_64.whl",
  path: "cmeel.prefix/lib/libboost_system.so.1.83.0",
  package: "python3-cmeel-boost",
  version: "1.83.0",
};

const removals: (() => void)[] = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

/** A scratch directory with a build log, removed after the test. */
function scratch(): { dir: string; logFile: string } {
  const made = scratchDirectory();
  removals.push(made.remove);
  return { dir: made.dir, logFile: path.join(made.dir, "build.log") };
}

describe("unpackSetLibraries", () => {
  it("refuses a library whose package was not built, on the tree being built", async () => {
    const { dir, logFile } = scratch();
    const tree = path.join(dir, "python-coal", "python-coal-3.0.0");
    // A package whose name only begins like the provider's is not the provider's.
    const built = [path.join(dir, "python3-cmeel-boost-extra_1.0-1_amd64.deb")];
    const error = await unpackSetLibraries([library], built, tree, dir, { logFile }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    const refusal = error as UserError;
    expect(refusal.location).toEqual({ file: tree });
    expect(refusal.message).toContain("python3-cmeel-boost_*.deb");
    expect(refusal.message).toContain(library.soname);
    expect(refusal.message).toContain(library.wheel);
    expect(refusal.describe().startsWith(`${tree}: `)).toBe(true);
  });

  it.skipIf(skipWithout("dpkg-deb"))(
    "unpacks the provider's .deb and names the library's directory",
    async () => {
      const { dir, logFile } = scratch();
      const root = path.join(dir, "provider");
      const lib = path.join(root, "usr/lib/python3/dist-packages", library.path);
      fs.mkdirSync(path.dirname(lib), { recursive: true });
      fs.writeFileSync(lib, "not really ELF\n");
      fs.mkdirSync(path.join(root, "DEBIAN"));
      fs.writeFileSync(
        path.join(root, "DEBIAN", "control"),
        "Package: python3-cmeel-boost\nVersion: 1.83.0-1\nArchitecture: all\n" +
          "Maintainer: T <t@example.org>\nDescription: test\n",
      );
      const deb = path.join(dir, "python3-cmeel-boost_1.83.0-1_all.deb");
      execFileSync("dpkg-deb", ["--root-owner-group", "--build", root, deb], {
        env: { PATH: systemPath },
        stdio: "ignore",
      });
      const tree = path.join(dir, "python-coal-3.0.0");
      const search = await unpackSetLibraries([library], [deb], tree, dir, { logFile });
      expect(search.directories).toEqual(["/usr/lib/python3/dist-packages/cmeel.prefix/lib"]);
      expect(search.roots).toHaveLength(1);
      const unpacked = path.join(search.roots[0] ?? "", "usr/lib/python3/dist-packages");
      expect(fs.readFileSync(path.join(unpacked, library.path), "utf8")).toBe("not really ELF\n");
    },
  );
});
