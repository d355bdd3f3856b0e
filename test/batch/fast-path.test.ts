import { describe, expect, it, vi } from "vitest";
import { readBatchInput, runBatch } from "../../src/batch/index.js";
import { getProfile } from "../../src/profiles/index.js";
import * as wheelReader from "../../src/wheel/index.js";
import { writeWheel, useWheelhouses } from "./wheelhouse.js";

vi.mock("../../src/wheel/index.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/wheel/index.js")>();
  return { ...actual, readWheel: vi.fn(actual.readWheel) };
});

const house = useWheelhouses();

describe("a rerun over the same input", () => {
  it("answers from the stamps without opening any wheel, with the same report", async () => {
    const h = house([
      { name: "app", version: "1.0", requires: ["lib>=1", "ghost-project"] },
      { name: "lib", version: "1.0" },
    ]);
    const profiles = [getProfile("debian-12"), getProfile("fedora")];
    const run = async () =>
      runBatch({ items: await readBatchInput(h.house), profiles, outDir: h.out, jobs: 2 });
    const readWheel = vi.mocked(wheelReader.readWheel);

    const first = await run();
    expect(first.totals.converted).toBe(4);
    readWheel.mockClear();
    const second = await run();
    expect(readWheel).not.toHaveBeenCalled();
    expect(second.totals["skipped-unchanged"]).toBe(4);
    const comparable = (report: typeof first) =>
      report.entries.map(({ durations: _d, status: _s, ...rest }) => rest);
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.order).toEqual(first.order);
    expect(second.unresolved).toEqual(first.unresolved);

    // Any change to the input sends every wheel through the full check again.
    writeWheel(h.house, { name: "lib", version: "1.0" }, "CHANGED = True\n");
    readWheel.mockClear();
    const third = await run();
    expect(third.entries.map((e) => [e.project, e.status])).toEqual([
      ["app", "skipped-unchanged"],
      ["app", "skipped-unchanged"],
      ["lib", "converted"],
      ["lib", "converted"],
    ]);
    // Each wheel is read (and hashed) once: planning starts from the first pass's read.
    expect(readWheel.mock.calls.map(([path]) => path.split("/").pop()).sort()).toEqual([
      "app-1.0-py3-none-any.whl",
      "lib-1.0-py3-none-any.whl",
    ]);
    // …and the stamps it refreshed make the run after it fast again.
    readWheel.mockClear();
    expect((await run()).totals["skipped-unchanged"]).toBe(4);
    expect(readWheel).not.toHaveBeenCalled();
  });
});
