import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inStableDirectory } from "../../../src/families/rpm/stable-dir.js";

describe("a build directory of the package's own", () => {
  it("is the same path every time, and is removed afterwards", async () => {
    const name = `test-stable-${process.pid}`;
    const first = await inStableDirectory(name, (dir) => Promise.resolve(dir));
    const second = await inStableDirectory(name, (dir) => Promise.resolve(dir));
    expect(first).toBe(second);
    expect(first).toBe(join(tmpdir(), "wheel2pkg-rpmbuild", name));
    expect(existsSync(first)).toBe(false);
  });

  it("lets two builds of the same package take turns", async () => {
    const name = `test-turns-${process.pid}`;
    const events: string[] = [];
    const use = (label: string) => async () => {
      events.push(`${label} in`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push(`${label} out`);
    };
    await Promise.all([inStableDirectory(name, use("a")), inStableDirectory(name, use("b"))]);
    // Whichever comes first, the other waits until it is done: the two never overlap.
    const first = events[0]?.[0] ?? "";
    const second = first === "a" ? "b" : "a";
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
  });

  it("takes over a directory whose owner died", async () => {
    const name = `test-stale-${process.pid}`;
    const dir = join(tmpdir(), "wheel2pkg-rpmbuild", name);
    mkdirSync(dir, { recursive: true });
    // No process has this id: Linux's pid_max is below it.
    writeFileSync(join(dir, "owner"), "99999999");
    expect(await inStableDirectory(name, () => Promise.resolve("used"))).toBe("used");
  });
});
