/**
 * The Debian archive index: read from committed `Packages` and `Contents` fixtures (plain, gzip,
 * xz, and over HTTP), saved and used offline, and read from the real bookworm lists apt keeps on
 * this host (required under CI, whose script runs apt-get update with apt-file's Contents).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyConfig } from "../../../src/config/index.js";
import type { Config } from "../../../src/config/types.js";
import { UserError } from "../../../src/errors.js";
import { loadArchive } from "../../../src/families/archive-store.js";
import { hostAptLists, readDebianArchive } from "../../../src/families/deb/archive.js";
import { familyOf } from "../../../src/families/index.js";
import { getProfile } from "../../../src/profiles/index.js";
import { inCI } from "../../helpers/tools.js";
import { scratchDirectory } from "../../wheel/zip-builder.js";

const fixtures = path.resolve("fixtures/archive/deb");
const packages = path.join(fixtures, "Packages");
const updates = path.join(fixtures, "Packages-updates");
const contents = path.join(fixtures, "Contents-amd64");
const debian13 = getProfile("debian-13");
const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

/** A config naming these sources for debian-13, with its saved indices in the scratch dir. */
function configWith(sources: string[], cache = path.join(scratch.dir, "cache")): Config {
  return { ...emptyConfig, archive: { cache, sources: new Map([["debian-13", sources]]) } };
}

describe("the Debian archive index from Packages and Contents files", () => {
  it("keeps each package's newest version, epoch, Provides, source and libraries", async () => {
    const { index } = await loadArchive(debian13, configWith([packages, updates, contents]));
    expect(index.package("python3-six")?.version).toBe("1.16.0-4+deb12u1");
    expect(index.package("python3-yaml")?.source).toBe("pyyaml");
    expect(index.epochOf("python3-numpy")).toBe(1);
    expect(index.epochOf("python3-six")).toBe(0);
    expect(index.epochOf("python3-absent")).toBeNull();
    expect(index.offers("python3-numpy-abi9").map((o) => o.package.name)).toEqual([
      "python3-numpy",
    ]);
    expect(index.librariesOf("libzmq.so.5")).toEqual(["libzmq5"]);
    // lib32/ is another architecture's; a Python module is no library.
    expect(index.librariesOf("libc.so.6")).toEqual(["libc6"]);
    expect(index.librariesOf("_yaml.cpython-311-x86_64-linux-gnu.so")).toEqual([]);
    // Behind alternatives, a library is also a virtual package named after its soname.
    expect(index.librariesOf("libblas.so.3")).toEqual(["libblas.so.3", "libblas3"]);
    expect(index.librariesOf("libnothing.so.1")).toEqual([]);
    expect(
      ["dash", "libc6", "libgcc-s1", "build-essential"].map((n) => index.preinstalled(n)),
    ).toEqual([true, true, true, true]);
    expect(index.preinstalled("libzmq5")).toBe(false);
  });

  it("is read again when a file it came from changes, and used as saved until then", async () => {
    const copy = path.join(scratch.dir, "Packages-copy");
    fs.copyFileSync(packages, copy);
    const config = configWith([copy], path.join(scratch.dir, "changing"));
    expect((await loadArchive(debian13, config)).index.package("python3-cffi")?.version).toBe(
      "1.15.1-5",
    );
    const saved = path.join(scratch.dir, "changing", "debian-13.json");
    const savedAt = fs.statSync(saved).mtimeMs;
    await loadArchive(debian13, config);
    expect(fs.statSync(saved).mtimeMs).toBe(savedAt);
    fs.writeFileSync(copy, fs.readFileSync(packages, "utf8").replace("1.15.1-5", "2.0.0-1"));
    fs.utimesSync(copy, new Date(), new Date(Date.now() + 5000));
    const changed = await loadArchive(debian13, config);
    expect(changed.index.package("python3-cffi")?.version).toBe("2.0.0-1");
  });

  it("has no library data without a Contents index", async () => {
    const { index } = await loadArchive(
      debian13,
      configWith([packages], path.join(scratch.dir, "c2")),
    );
    expect(index.librariesOf("libzmq.so.5")).toBeUndefined();
  });

  it.each([
    ["python3-cffi (>= 2.0)", "version-unavailable", ["python3-cffi 1.15.1-5"]],
    ["python3-cffi (>= 1.15)", "satisfied", ["python3-cffi 1.15.1-5"]],
    ["python3-numpy (<< 2~~)", "version-unavailable", ["python3-numpy 1:1.24.2-1+deb12u1"]],
    ["python3-numpy (<< 1:2~~)", "satisfied", ["python3-numpy 1:1.24.2-1+deb12u1"]],
    ["python3-pygments (>= 2.14.0)", "satisfied", ["python3-pygments 2.14.0+dfsg-1"]],
    [
      "python3-pygments (<< 2.14+post0~)",
      "version-unavailable",
      ["python3-pygments 2.14.0+dfsg-1"],
    ],
    [
      "python3-numpy-abi9",
      "satisfied",
      ["python3-numpy-abi9 (provided by python3-numpy 1:1.24.2-1+deb12u1)"],
    ],
    // An unversioned Provides does not satisfy a versioned relation (policy §7.5).
    [
      "python3-numpy-abi9 (>= 9)",
      "version-unavailable",
      ["python3-numpy-abi9 (provided by python3-numpy 1:1.24.2-1+deb12u1)"],
    ],
    [
      "libgcc1 (>= 1:12)",
      "satisfied",
      ["libgcc1 1:12.2.0-14+deb12u1 (provided by libgcc-s1 12.2.0-14+deb12u1)"],
    ],
    ["python3-absent (>= 1) | python3-six", "satisfied", ["python3-six 1.16.0-4"]],
    ["python3-absent", "unknown", []],
  ])("%s is %s", async (relation, status, offers) => {
    const { index } = await loadArchive(debian13, configWith([packages]));
    const found = familyOf(debian13).relationInArchive(relation, index, debian13);
    expect(found).toEqual({ relation, status, offers });
  });

  it("reads gzip and xz compressed indices as the plain ones", async () => {
    const gz = scratch.write("Packages.gz", gzipSync(fs.readFileSync(packages)));
    const xz = scratch.write("Packages.xz", execFileSync("xz", ["-c", packages]));
    const plain = await readDebianArchive(debian13, [packages]);
    for (const file of [gz, xz]) {
      const read = await readDebianArchive(debian13, [file]);
      expect(read.packages).toEqual(plain.packages);
    }
  });

  it.each(["Packages.gz", "Packages.xz", "Packages.zst"])(
    "refuses a corrupt %s, naming it",
    async (name) => {
      const corrupt = scratch.write(`corrupt-${name}`, Buffer.from("not compressed at all\n"));
      const read = readDebianArchive(debian13, [corrupt]);
      await expect(read).rejects.toThrow(UserError);
      await expect(readDebianArchive(debian13, [corrupt])).rejects.toThrow(
        new RegExp(`corrupt-${name.replace(".", "\\.")}: cannot be read`),
      );
    },
  );

  it("says what to configure for a release this host does not run", async () => {
    const read = readDebianArchive(getProfile("ubuntu-24.04"), []);
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(/\[archive\.targets\.ubuntu-24\.04\] sources/);
  });

  it("names a missing file", async () => {
    const missing = path.join(scratch.dir, "nope");
    await expect(readDebianArchive(debian13, [missing])).rejects.toMatchObject({
      path: missing,
      code: "ENOENT",
    });
  });
});

describe("an index read from a mirror URL", () => {
  let server: Server;
  let base = "";
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      const file = path.join(fixtures, path.basename(request.url ?? ""));
      if (!fs.existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Last-Modified": "Tue, 01 Jul 2025 10:00:00 GMT" });
      response.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it("is read once, dated by the server, saved, and used offline until refreshed", async () => {
    const config = configWith([`${base}/Packages`], path.join(scratch.dir, "url-cache"));
    const first = await loadArchive(debian13, config);
    expect(first.index.snapshot.origins[0]?.date).toBe("2025-07-01T10:00:00.000Z");
    expect(requests).toBe(1);
    const again = await loadArchive(debian13, config);
    expect(again.index.package("python3-cffi")?.version).toBe("1.15.1-5");
    expect(requests).toBe(1);
    server.close();
    const offline = await loadArchive(debian13, config, { refresh: true });
    expect(offline.diagnostics.map((d) => d.code)).toEqual(["archive-index-saved"]);
    expect(offline.index.package("python3-cffi")?.version).toBe("1.15.1-5");
  });

  it("is an error offline when nothing was saved", async () => {
    const config = configWith([`${base}/Packages`], path.join(scratch.dir, "never"));
    await expect(loadArchive(debian13, config)).rejects.toThrow(/cannot fetch/);
  });
});

describe("the real bookworm archive from apt's lists", () => {
  const bookworm = getProfile("debian-12");
  it("is read from apt's own lists, with Contents, in one pass", async () => {
    const lists = await hostAptLists(bookworm);
    if (lists === null && !inCI) return;
    expect(lists).not.toBeNull();
    expect(lists?.some((l) => l.includes("Contents-amd64"))).toBe(true);
    const { index } = await loadArchive(bookworm, emptyConfig, {
      cacheDirectory: path.join(scratch.dir, "bookworm"),
    });
    expect(index.snapshot.packages.length).toBeGreaterThan(50_000);
    expect(index.epochOf("python3-numpy")).toBe(1);
    expect(index.package("python3-cffi")?.version).toBe("1.15.1-5");
    expect(index.librariesOf("libzmq.so.5")).toEqual(["libzmq5"]);
    expect(index.preinstalled("libc6")).toBe(true);
    const family = familyOf(bookworm);
    expect(family.relationInArchive("python3-cffi (>= 2.0)", index, bookworm).status).toBe(
      "version-unavailable",
    );
    expect(family.relationInArchive("python3-numpy-abi9", index, bookworm).status).toBe(
      "satisfied",
    );
  }, 120_000);
});
