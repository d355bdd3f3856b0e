/**
 * What a wheel of many members costs to hold: a few hundred bytes a member, not the kilobytes
 * that yauzl's entries and spread copies took (100,000 members once took 648 MB to preview).
 */
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { readWheel } from "../../src/wheel/index.js";
import { WheelZip } from "../../src/wheel/zip.js";
import { scratchDirectory } from "./zip-builder.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

const COUNT = 20_000;
const files = Object.fromEntries(
  Array.from({ length: COUNT }, (_, i) => [
    `demo/part${Math.floor(i / 1000)}/module${i}.py`,
    `V = ${i}\n`,
  ]),
);
const wheel = scratch.wheel({ files });

/** Heap bytes per member that `hold` keeps alive. */
async function retainedPerMember(hold: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = await hold();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(held).toBeDefined();
  return (after - before) / COUNT;
}

describe("memory per member", () => {
  it("an open archive keeps a small record per member, not yauzl's entries", async () => {
    let zip: WheelZip | undefined;
    const perMember = await retainedPerMember(async () => {
      zip = await WheelZip.open(wheel);
      return zip;
    });
    await zip?.close();
    expect(zip?.members.length).toBe(COUNT + 3);
    // About 210 bytes: the name, eight fields and a map entry (yauzl's entries took ~790).
    expect(perMember).toBeLessThan(400);
  });

  it.each([false, true])(
    "a wheel read (verify: %s) keeps its members and RECORD",
    async (verify) => {
      const perMember = await retainedPerMember(() => readWheel(wheel, { verify }));
      // About 330 bytes: the member, its RECORD row and its share of RECORD's text (the spread
      // copies and yauzl's entries took over 1 KB).
      expect(perMember).toBeLessThan(600);
    },
  );
});
