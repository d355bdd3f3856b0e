/**
 * The RPM archive index, read from repodata that createrepo_c wrote for RPMs built here: the
 * committed fixture (fixtures/archive/rpm/make.sh), and the same repository built anew in gzip,
 * xz and zstd (createrepo_c and rpmbuild required under CI).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../../../src/config/index.js";
import type { Config } from "../../../src/config/types.js";
import { loadArchive } from "../../../src/families/archive-store.js";
import { familyOf } from "../../../src/families/index.js";
import { mapRequirement } from "../../../src/mapping/map.js";
import { targetConfig } from "../../../src/families/index.js";
import { parseRequirement } from "../../../src/model/requirement.js";
import { getProfile } from "../../../src/profiles/index.js";
import { skipWithout } from "../../helpers/tools.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const fixture = path.resolve("fixtures/archive/rpm");
const fedora = getProfile("fedora");
const opensuse = getProfile("opensuse");
const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

function configWith(sources: string[], cache: string): Config {
  const map = new Map([
    ["fedora", sources],
    ["opensuse", sources],
  ]);
  return { ...emptyConfig, archive: { cache: path.join(scratch.dir, cache), sources: map } };
}

describe("the RPM archive index from repodata", () => {
  it("keeps each package's EVR, Provides, source and soname capabilities", async () => {
    const { index } = await loadArchive(fedora, configWith([fixture], "fixture"));
    expect(index.snapshot.packages.map((p) => p.name).sort()).toEqual([
      "glibc",
      "libzmq5",
      "python3-cffi",
      "python3-numpy",
      "python3-pygments",
      "python313-PyYAML",
      "python314-PyYAML",
    ]);
    expect(index.package("python3-numpy")?.version).toBe("1:1.26.4-3.fc41");
    expect(index.package("python3-numpy")?.source).toBe("python3-numpy");
    expect(index.epochOf("python3-numpy")).toBe(1);
    expect(index.epochOf("python3dist(numpy)")).toBe(1);
    expect(index.librariesOf("libzmq.so.5")).toEqual(["libzmq5"]);
    expect(index.spelling("python313-pyyaml")).toBe("python313-PyYAML");
  });

  it.each([
    ["python3dist(cffi) >= 2", "version-unavailable"],
    ["python3dist(cffi) >= 1.15", "satisfied"],
    ["(python3dist(numpy) >= 1.26 with python3dist(numpy) < 2)", "version-unavailable"],
    ["(python3dist(numpy) >= 1:1.26 with python3dist(numpy) < 1:2)", "satisfied"],
    ["(python3dist(pygments) < 2.14 or python3dist(pygments) > 2.14)", "version-unavailable"],
    ["python3dist(pygments) = 2.14", "satisfied"],
    ["python3dist(absent) >= 1", "unknown"],
  ])("%s is %s", async (relation, status) => {
    const { index } = await loadArchive(fedora, configWith([fixture], "fixture"));
    expect(familyOf(fedora).relationInArchive(relation, index, fedora).status).toBe(status);
  });

  it("spells openSUSE names as the archive does and finds the flavor's package", async () => {
    const { index } = await loadArchive(opensuse, configWith([fixture], "fixture-suse"));
    const rules = targetConfig(emptyConfig, opensuse, index).names;
    const mapped = mapRequirement(parseRequirement("pyyaml>=6"), opensuse, {
      machine: null,
      rules,
    });
    expect(mapped.dependencies).toEqual(["python-PyYAML >= 6"]);
    const found = familyOf(opensuse).relationInArchive("python-PyYAML >= 6", index, opensuse);
    expect(found).toEqual({
      relation: "python-PyYAML >= 6",
      offers: ["python313-PyYAML 6.0.2-1.1"],
      status: "satisfied",
    });
    expect(rules.style.ownNames("pyyaml", opensuse, rules)).toMatchObject({
      source: "python-PyYAML",
      binary: "python313-PyYAML",
    });
  });

  it("names the file of repodata it cannot read", async () => {
    const broken = path.join(scratch.dir, "broken");
    fs.mkdirSync(path.join(broken, "repodata"), { recursive: true });
    fs.writeFileSync(path.join(broken, "repodata", "repomd.xml"), "<repomd><data type=");
    await expect(loadArchive(fedora, configWith([broken], "broken"))).rejects.toThrow(
      /broken\/repodata\/repomd\.xml: not readable repodata/,
    );
  });

  it("says what to configure when no repository is named", async () => {
    await expect(loadArchive(fedora, emptyConfig, { cacheDirectory: scratch.dir })).rejects.toThrow(
      /\[archive\.targets\.fedora\] sources/,
    );
  });
});

describe.skipIf(skipWithout("rpmbuild", "createrepo_c", "zstd"))(
  "repodata createrepo_c writes now",
  () => {
    it.each(["gz", "xz", "zstd"])("is read back the same in %s", async (compression) => {
      const out = path.join(scratch.dir, `repo-${compression}`);
      fs.mkdirSync(out);
      // Debian's createrepo_c has no zstd: its gzip primary.xml is recompressed, as Fedora ships it.
      execFileSync(path.join(fixture, "make.sh"), [
        out,
        compression === "zstd" ? "gz" : compression,
      ]);
      if (compression === "zstd") {
        const repodata = path.join(out, "repodata");
        const gz = fs.readdirSync(repodata).find((f) => f.endsWith("primary.xml.gz")) ?? "";
        const zst = gz.replace(/\.gz$/, ".zst");
        const xml = execFileSync("gzip", ["-dc", path.join(repodata, gz)]);
        fs.writeFileSync(
          path.join(repodata, zst),
          execFileSync("zstd", ["-q", "-c"], { input: xml }),
        );
        const repomd = path.join(repodata, "repomd.xml");
        fs.writeFileSync(repomd, fs.readFileSync(repomd, "utf8").replace(gz, zst));
      }
      const fresh = await loadArchive(fedora, configWith([out], `fresh-${compression}`));
      const committed = await loadArchive(fedora, configWith([fixture], "fixture"));
      expect(fresh.index.snapshot.packages).toEqual(committed.index.snapshot.packages);
    });
  },
);
