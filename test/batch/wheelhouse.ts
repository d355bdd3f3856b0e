/** A directory of small wheels for the batch tests, built with the wheel reader's zip builder. */
import fs from "node:fs";
import path from "node:path";
import { afterEach } from "vitest";
import { scratchDirectory, wheelBytes } from "../wheel/zip-builder.js";

/** One wheel of a test wheelhouse: project, version, Requires-Dist and Provides-Extra lines. */
export interface HouseWheel {
  name: string;
  version: string;
  requires?: string[];
  extras?: string[];
  /** Summary (default: `The <name> test project`). */
  summary?: string;
  /** The License field (default `MIT`). */
  license?: string;
}

/** The file name of a pure wheel. */
export function wheelName(wheel: HouseWheel): string {
  return `${wheel.name}-${wheel.version}-py3-none-any.whl`;
}

/** Writes (or rewrites) one wheel into `dir`. */
export function writeWheel(dir: string, wheel: HouseWheel, extraModule = ""): string {
  const metadata = [
    "Metadata-Version: 2.1",
    `Name: ${wheel.name}`,
    `Version: ${wheel.version}`,
    `Summary: ${wheel.summary ?? `The ${wheel.name} test project`}`,
    `License: ${wheel.license ?? "MIT"}`,
    ...(wheel.extras ?? []).map((e) => `Provides-Extra: ${e}`),
    ...(wheel.requires ?? []).map((r) => `Requires-Dist: ${r}`),
    "",
  ].join("\n");
  const file = path.join(dir, wheelName(wheel));
  const files = { [`${wheel.name}/__init__.py`]: `VALUE = 1\n${extraModule}` };
  fs.writeFileSync(file, wheelBytes({ name: wheel.name, version: wheel.version, metadata, files }));
  return file;
}

/** A scratch wheelhouse `house/` and an output directory `out/`; `remove` deletes both. */
export function wheelhouse(wheels: readonly HouseWheel[]): {
  root: string;
  house: string;
  out: string;
  remove: () => void;
} {
  const scratch = scratchDirectory();
  const house = path.join(scratch.dir, "house");
  fs.mkdirSync(house);
  for (const wheel of wheels) writeWheel(house, wheel);
  return { root: scratch.dir, house, out: path.join(scratch.dir, "out"), remove: scratch.remove };
}

/** For a test file: makes wheelhouses that are removed after the test that made them. */
export function useWheelhouses(): (wheels: readonly HouseWheel[]) => ReturnType<typeof wheelhouse> {
  const made: (() => void)[] = [];
  afterEach(() => {
    for (const remove of made.splice(0)) remove();
  });
  return (wheels) => {
    const house = wheelhouse(wheels);
    made.push(house.remove);
    return house;
  };
}
