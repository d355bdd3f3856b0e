/**
 * WheelFiles streams a wheel's members checked against RECORD, and says whether its RECORD is
 * the one an earlier verified read gave (then that read's facts describe what it streams).
 */
import { afterAll, describe, expect, it } from "vitest";
import { readWheel, WheelFiles } from "../../src/wheel/index.js";
import { fixtureWheel } from "../helpers/convert.js";
import { scratchDirectory } from "./zip-builder.js";

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});

describe("WheelFiles.hasRecord", () => {
  it("is true for the RECORD a verified read of the same wheel gave", async () => {
    const path = fixtureWheel("hello_cli-1.2.0-py3-none-any.whl");
    const { record } = await readWheel(path);
    const wheel = await WheelFiles.open(path);
    try {
      expect(wheel.hasRecord(record)).toBe(true);
      const [first, ...rest] = record;
      if (first?.hash == null) throw new Error("the fixture's first row has a hash");
      const changed = { ...first, hash: { ...first.hash, digest: "x" } };
      expect(wheel.hasRecord([changed, ...rest])).toBe(false);
      expect(wheel.hasRecord(rest)).toBe(false);
      expect(wheel.hasRecord([...rest, { ...first, size: (first.size ?? 0) + 1 }])).toBe(false);
    } finally {
      await wheel.close();
    }
  });

  it("is false for another wheel's RECORD", async () => {
    const { record } = await readWheel(scratch.wheel({ files: { "demo/__init__.py": "A = 1\n" } }));
    const other = await WheelFiles.open(
      scratch.wheel({ files: { "demo/__init__.py": "A = 2\n" } }),
    );
    try {
      expect(other.hasRecord(record)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
