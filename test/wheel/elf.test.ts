import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ElfCollector, type ElfFacts } from "../../src/wheel/elf.js";

/** The facts as binutils' readelf reports them: the reference. */
function readelf(path: string): ElfFacts {
  const out = execFileSync("readelf", ["-h", "-d", path], { encoding: "utf8" });
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
  };
}

/** Feeds a file in chunks of `size` bytes, as a zip stream would. */
function collect(data: Buffer, size: number): ElfFacts | null {
  const collector = new ElfCollector();
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
