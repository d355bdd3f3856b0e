import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ElfCollector, type ElfFacts } from "../../src/wheel/elf.js";
import { StringsCollector, type StringSignature } from "../../src/wheel/elf-strings.js";
import { skipWithout } from "../helpers/tools.js";

/** The facts as binutils' readelf reports them: the reference. */
function readelf(path: string): ElfFacts {
  const out = execFileSync("readelf", ["-h", "-d", "-S", "-W", path], { encoding: "utf8" });
  const kind = /Type:\s+(\w+)/.exec(out)?.[1];
  const list = (tag: string) =>
    [...out.matchAll(new RegExp(`\\(${tag}\\)\\s+Library \\w+: \\[(.*)\\]`, "g"))].flatMap(
      (m) => m[1]?.split(":") ?? [],
    );
  return {
    type: kind === "DYN" ? "shared" : kind === "EXEC" ? "executable" : "other",
    needed: [...out.matchAll(/\(NEEDED\)\s+Shared library: \[(.*)\]/g)].map((m) => m[1] ?? ""),
    runpath: list("RUNPATH"),
    rpath: list("RPATH"),
    symbols: /\s\.symtab\s+SYMTAB\s/.test(out),
    signatures: null,
  };
}

/** Feeds a file in chunks of `size` bytes, as a zip stream would. */
function collect(
  data: Buffer,
  size: number,
  signatures: readonly StringSignature[] = [],
): ElfFacts | null {
  const collector = new ElfCollector(signatures);
  for (let at = 0; at < data.length; at += size) collector.add(data.subarray(at, at + size), at);
  return collector.finish();
}

const dynload = "/usr/lib/python3.11/lib-dynload";
const samples = [
  ...readdirSync(dynload)
    .filter((name) => name.endsWith(".so"))
    .sort()
    .slice(0, 12)
    .map((name) => join(dynload, name)),
  "/usr/bin/python3.11",
  "/usr/lib/x86_64-linux-gnu/libz.so.1",
];

describe("ElfCollector", () => {
  it.each(samples)("reads what readelf reads: %s", (path) => {
    const data = readFileSync(path);
    const expected = readelf(path);
    for (const size of [4096, 1 << 20, data.length]) {
      const facts = collect(data, size);
      expect(facts).not.toBeNull();
      expect(facts).toEqual(expected);
    }
  });

  it.skipIf(skipWithout("patchelf"))(
    "finds a string table that patchelf moved behind the dynamic section, past the head",
    () => {
      // auditwheel's patchelf moves .dynamic and .dynstr to the end of the file; numpy's vendored
      // OpenBLAS has them 24 MiB in, past the bytes kept from the start.
      const dir = mkdtempSync(join(tmpdir(), "w2p-patchelf-"));
      try {
        const path = join(dir, "libz.so.1");
        writeFileSync(
          path,
          Buffer.concat([
            readFileSync("/usr/lib/x86_64-linux-gnu/libz.so.1"),
            Buffer.alloc(17 * 1024 * 1024),
          ]),
        );
        execFileSync("patchelf", ["--add-needed", "libm.so.6", path]);
        const facts = collect(readFileSync(path), 1 << 20);
        expect(facts).toEqual(readelf(path));
        expect(facts?.needed).toContain("libm.so.6");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("reads across chunk boundaries that split every structure", () => {
    const data = readFileSync(samples[0] ?? "");
    expect(collect(data, 7)).toEqual(readelf(samples[0] ?? ""));
  });

  it("gives up on what is not a whole ELF file", () => {
    const data = readFileSync(samples[0] ?? "");
    expect(collect(Buffer.from("#!/bin/sh\necho hi\n"), 4096)).toBeNull();
    expect(collect(data.subarray(0, 40), 4096)).toBeNull();
    // The program headers promise a dynamic section the file does not have.
    expect(collect(data.subarray(0, 1024), 4096)).toBeNull();
  });
});

/** strings(1) output of a file: the reference for signature searches. */
function strings(path: string): string {
  return execFileSync("strings", ["--all", "--", path], { encoding: "latin1", maxBuffer: 1 << 28 });
}

describe.skipIf(skipWithout("gcc", "strip", "strings"))("ElfCollector signatures", () => {
  let dir = "";
  let unstripped = "";
  let stripped = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "w2p-elf-"));
    // A static function (in the symbol table and the debugging information only) and a message in
    // read-only data (kept by strip), as a statically linked zlib would leave them.
    writeFileSync(
      join(dir, "m.c"),
      [
        "static int FTGlyphContainer_probe(int x) { return x * 3; }",
        'const char *banner(void) { return "deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly"; }',
        "int use(int x) { return FTGlyphContainer_probe(x); }",
        "",
      ].join("\n"),
    );
    unstripped = join(dir, "m.so");
    execFileSync("gcc", ["-g", "-O0", "-shared", "-fPIC", "-o", unstripped, join(dir, "m.c")]);
    stripped = join(dir, "m-stripped.so");
    copyFileSync(unstripped, stripped);
    // What dh_strip does to a shared library.
    execFileSync("strip", [
      "--remove-section=.comment",
      "--remove-section=.note",
      "--strip-unneeded",
      stripped,
    ]);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const signatures: StringSignature[] = [
    { name: "zlib", pattern: /(?<!4 )(?:in|de)flate (?:\d[ \w.-]{1,20}[\w.-])/m },
    { name: "glyph", pattern: /FTGlyphContainer/ },
    { name: "newline", pattern: /Jean-loup Gailly\n/ },
    { name: "absent", pattern: /Unsupported number of channels for VCGT/ },
  ];
  const found = (path: string) =>
    signatures.filter((s) => s.pattern.test(strings(path))).map((s) => s.name);

  it("finds in the whole file what strings(1) lists, and in what strip keeps what it lists then", () => {
    const data = readFileSync(unstripped);
    expect(found(unstripped)).toEqual(["zlib", "glyph", "newline"]);
    expect(found(stripped)).toEqual(["zlib", "newline"]);
    for (const size of [7, 4096, data.length]) {
      const facts = collect(data, size, signatures);
      expect(facts?.symbols).toBe(true);
      expect(facts?.signatures).toEqual({ whole: found(unstripped), stripped: found(stripped) });
    }
  });

  it.each([1, 7, 4096, 1 << 20])("lists what strings(1) lists, in chunks of %i bytes", (size) => {
    for (const path of [unstripped, stripped, "/usr/lib/x86_64-linux-gnu/libz.so.1"]) {
      const data = readFileSync(path);
      const collector = new StringsCollector();
      for (let at = 0; at < data.length; at += size)
        collector.add(data.subarray(at, at + size), at);
      expect(collector.output()).toBe(strings(path));
    }
  });

  it("searches a stripped file as it is", () => {
    const facts = collect(readFileSync(stripped), 4096, signatures);
    expect(facts?.symbols).toBe(false);
    expect(facts?.signatures).toEqual({ whole: found(stripped), stripped: found(stripped) });
  });
});
