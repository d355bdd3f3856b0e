/**
 * Two builds of the same inputs, written to different places, give byte-identical packages:
 * source and binary RPMs, and the .deb of either Debian builder; a big package too, whose
 * payload is compressed fast (docs/architecture.md, "Payload compression").
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Builder } from "../../src/config/types.js";
import { convertWheel } from "../../src/apply/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";
import { skipWithout, systemPath } from "../helpers/tools.js";
import { bigPayload } from "../../src/targets/common/payload.js";
import { wheelBytes } from "../wheel/zip-builder.js";

/** A pure wheel whose one data file makes it a big package: numbered lines, past the bound. */
function bigWheel(): string {
  const lines: string[] = [];
  for (let size = 0, i = 0; size < bigPayload; i++) {
    const line = `row ${i} of the table\n`;
    lines.push(line);
    size += line.length;
  }
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-big-"));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bigtable-1.0-py3-none-any.whl");
  writeFileSync(
    file,
    wheelBytes({
      name: "bigtable",
      metadata: "Metadata-Version: 2.1\nName: bigtable\nVersion: 1.0\nLicense-Expression: MIT\n",
      files: { "bigtable/__init__.py": "VALUE = 1\n", "bigtable/table.txt": lines.join("") },
    }),
  );
  return file;
}

async function build(
  wheel: string,
  target: string,
  builder: Builder,
): Promise<Map<string, Buffer>> {
  const result = await convertWheel(wheel.startsWith("/") ? wheel : fixtureWheel(wheel), {
    profiles: [getProfile(target)],
    outDir: mkdtempSync(join(tmpdir(), "wheel2pkg-repro-")),
    build: true,
    builder,
    packaging: fixedPackaging,
  });
  const built = result.packages[0]?.build;
  const files = [...(built?.sourcePackages ?? []), ...(built?.binaryPackages ?? [])];
  return new Map(files.map((file) => [file.split("/").pop() ?? file, readFileSync(file)]));
}

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage", "dpkg-shlibdeps"))(
  "rebuilds give the same bytes",
  () => {
    const platform = "fastmath-0.5.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    it.each([
      ["hello_cli-1.2.0-py3-none-any.whl", "fedora", "dpkg"],
      [platform, "debian-12", "direct"],
      [platform, "debian-12", "dpkg"],
    ] as const)("%s for %s (builder %s)", async (wheel, target, builder) => {
      const first = await build(wheel, target, builder);
      const second = await build(wheel, target, builder);
      expect(first.size).toBeGreaterThan(0);
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
    });

    const big = bigWheel();
    it.each([
      ["fedora", "dpkg"],
      ["debian-12", "direct"],
      ["debian-12", "dpkg"],
    ] as const)("a big package for %s (builder %s)", async (target, builder) => {
      const first = await build(big, target, builder);
      const second = await build(big, target, builder);
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-payload-"));
      for (const [name, bytes] of first) {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const run = (tool: string, args: string[]) =>
          execFileSync(tool, args, { encoding: "utf8", env: { PATH: systemPath } });
        if (name.endsWith(".noarch.rpm")) {
          expect(run("rpm", ["-qp", "--qf", "%{PAYLOADCOMPRESSOR} %{PAYLOADFLAGS}", file])).toBe(
            "zstd 9",
          );
        } else if (name.endsWith(".deb")) {
          // xz's preset 0 is its one preset with a 256 KiB dictionary.
          execFileSync("sh", ["-c", `ar p "$1" data.tar.xz > "$1.data.xz"`, "sh", file]);
          expect(run("xz", ["--robot", "-lvv", `${file}.data.xz`])).toMatch(/dict=256KiB/);
        }
      }
    });
  },
);
