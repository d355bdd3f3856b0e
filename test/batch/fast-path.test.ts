import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readBatchInput, runBatch } from "../../src/batch/index.js";
import { getProfile } from "../../src/profiles/index.js";
import * as wheelReader from "../../src/wheel/index.js";
import { wheelName, writeWheel, useWheelhouses } from "./wheelhouse.js";

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

describe("a rerun decides from each wheel's size and mtime", () => {
  const profiles = [getProfile("debian-12"), getProfile("fedora")];
  // Whole seconds, so that utimes restores exactly what stat reports.
  const mtime = 1_700_000_000;

  it("reads no wheel while they are unchanged, hashes a touched one, redoes a changed one", async () => {
    const h = house([
      { name: "app", version: "1.0", requires: ["lib>=1"] },
      { name: "lib", version: "1.0" },
    ]);
    const lib = path.join(h.house, wheelName({ name: "lib", version: "1.0" }));
    for (const name of fs.readdirSync(h.house)) {
      fs.utimesSync(path.join(h.house, name), mtime, mtime);
    }
    const run = async (force = false) =>
      runBatch({ items: await readBatchInput(h.house), profiles, outDir: h.out, jobs: 2, force });
    const readWheel = vi.mocked(wheelReader.readWheel);
    const statuses = (report: Awaited<ReturnType<typeof run>>) =>
      report.entries.map((e) => [e.project, e.status]);

    expect((await run()).totals.converted).toBe(4);

    // Other bytes of the same size under the same mtime: only reading the wheel could tell.
    const original = fs.readFileSync(lib);
    fs.writeFileSync(lib, Buffer.alloc(original.length, 0x21));
    fs.utimesSync(lib, mtime, mtime);
    readWheel.mockClear();
    const rerun = await run();
    expect(readWheel).not.toHaveBeenCalled();
    expect(rerun.totals["skipped-unchanged"]).toBe(4);

    // --force hashes and reads every wheel again, and so finds the rewritten one.
    const forced = await run(true);
    expect(statuses(forced)).toEqual([
      ["app", "converted"],
      ["app", "converted"],
      [null, "refused"],
      [null, "refused"],
    ]);

    // Touched: a new mtime, the bytes of the first run; hashed again and found unchanged.
    fs.writeFileSync(lib, original);
    fs.utimesSync(lib, mtime + 60, mtime + 60);
    await run(true);
    readWheel.mockClear();
    fs.utimesSync(lib, mtime + 120, mtime + 120);
    const touched = await run();
    expect(readWheel).not.toHaveBeenCalled();
    expect(touched.totals["skipped-unchanged"]).toBe(4);

    // Changed: a new size and mtime, new bytes; the wheel is redone.
    writeWheel(h.house, { name: "lib", version: "1.0" }, "CHANGED = True\n");
    const changed = await run();
    expect(statuses(changed)).toEqual([
      ["app", "skipped-unchanged"],
      ["app", "skipped-unchanged"],
      ["lib", "converted"],
      ["lib", "converted"],
    ]);
  });

  it("finds a package whose directory the file name does not tell without reading it", async () => {
    const h = house([{ name: "pyyaml", version: "6.0" }]);
    const run = async () =>
      runBatch({ items: await readBatchInput(h.house), profiles, outDir: h.out });
    const first = await run();
    const directories = first.entries.map((e) => path.basename(e.directory ?? ""));
    // Debian's archive names it python-yaml, not python-pyyaml as the file name would say.
    expect(directories).toEqual(["python-yaml", "python-pyyaml"]);
    const readWheel = vi.mocked(wheelReader.readWheel);
    readWheel.mockClear();
    const second = await run();
    expect(readWheel).not.toHaveBeenCalled();
    expect(second.entries.map((e) => [e.status, e.directory])).toEqual(
      first.entries.map((e) => ["skipped-unchanged", e.directory]),
    );
  });

  it("refuses a second wheel of a project from its file name, without reading it", async () => {
    const h = house([{ name: "Alpha", version: "1.0" }]);
    // Not even a zip: a read would refuse it for that instead. The set is taken in byte order
    // of the file names, so the first of the project is Alpha-1.0.
    const second = path.join(h.house, wheelName({ name: "alpha", version: "2.0" }));
    fs.writeFileSync(second, "not a wheel");
    const readWheel = vi.mocked(wheelReader.readWheel);
    readWheel.mockClear();
    const report = await runBatch({
      items: await readBatchInput(h.house),
      profiles: [getProfile("fedora")],
      outDir: h.out,
    });
    const first = path.join(h.house, "Alpha-1.0-py3-none-any.whl");
    expect(report.entries.map((e) => [e.wheel, e.status])).toEqual([
      [first, "converted"],
      [second, "refused"],
    ]);
    expect(report.entries[1]?.error).toBe(
      `${second}: the set already provides alpha with ${first}`,
    );
    expect(readWheel.mock.calls.map(([p]) => path.basename(p))).toEqual([
      "Alpha-1.0-py3-none-any.whl",
    ]);
  });
});
