import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseManifest, readBatchInput } from "../../src/batch/index.js";
import { UserError } from "../../src/errors.js";
import { wheelhouse } from "./wheelhouse.js";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function problemOf(text: string): string {
  try {
    parseManifest(text, "/m/batch.toml");
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).describe();
  }
  throw new Error("the manifest was accepted");
}

describe("batch input", () => {
  it("reads a manifest with per-wheel options, paths relative to the manifest", () => {
    const items = parseManifest(
      [
        "[[wheel]]",
        'path = "wheels/a-1.0-py3-none-any.whl"',
        'release = "2"',
        'with-extras = ["cli"]',
        "",
        "[[wheel]]",
        'path = "/abs/b-1.0-py3-none-any.whl"',
        "",
      ].join("\n"),
      "/m/batch.toml",
    );
    expect(items).toEqual([
      { wheel: "/m/wheels/a-1.0-py3-none-any.whl", release: "2", withExtras: ["cli"] },
      { wheel: "/abs/b-1.0-py3-none-any.whl" },
    ]);
  });

  it.each([
    [
      '[[wheel]]\npath = "a.whl"\nrelese = "2"\n',
      "/m/batch.toml:3:1: wheel[0].relese: unknown key",
    ],
    [
      '[[wheel]]\npath = "a.whl"\n\n[[wheel]]\nrelease = "1"\n',
      "/m/batch.toml:4:1: wheel[1]: needs path",
    ],
    ['[[wheel]]\npath = "a.txt"\n', "/m/batch.toml:2:1: wheel[0].path: needs path"],
    [
      '[[wheel]]\npath = "a.whl"\nrelease = "1 2"\n',
      "/m/batch.toml:3:1: wheel[0].release: expected",
    ],
    [
      '[[wheel]]\npath = "a.whl"\nwith-extras = "x"\n',
      "/m/batch.toml:3:1: wheel[0].with-extras: expected",
    ],
    ["wheels = []\n", "/m/batch.toml:1:1: wheels: unknown key"],
    ['[[wheel]]\npath = "a.whl\n', "/m/batch.toml:2:"],
  ])("names the file, line and key of a bad manifest: %j", (text, expected) => {
    expect(problemOf(text)).toContain(expected);
  });

  it("reports every problem of a manifest together", () => {
    const message = problemOf('[[wheel]]\nrelese = "2"\n\n[[wheel]]\npath = 3\n');
    expect(message).toContain("wheel[0].relese");
    expect(message).toContain("wheel[0]: needs path");
    expect(message).toContain("batch.toml:5:1: wheel[1].path");
  });

  it("lists the wheels of a directory in name order, and refuses an empty one", async () => {
    const house = wheelhouse([
      { name: "zeta", version: "1.0" },
      { name: "alpha", version: "2.0" },
    ]);
    cleanup = house.remove;
    fs.writeFileSync(path.join(house.house, "notes.txt"), "not a wheel\n");
    const items = await readBatchInput(house.house);
    expect(items.map((i) => path.basename(i.wheel))).toEqual([
      "alpha-2.0-py3-none-any.whl",
      "zeta-1.0-py3-none-any.whl",
    ]);
    fs.mkdirSync(path.join(house.root, "empty"));
    await expect(readBatchInput(path.join(house.root, "empty"))).rejects.toThrow(/no \.whl file/);
    await expect(readBatchInput(path.join(house.root, "missing"))).rejects.toThrow(UserError);
  });
});
