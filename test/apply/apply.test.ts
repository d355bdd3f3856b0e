/** apply: what convert and batch do with a planned package, step by step (no native build). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apply, type ApplyStep } from "../../src/apply/index.js";
import { planConversion, type PlannedPackage } from "../../src/convert/index.js";
import { FileSystemError } from "../../src/errors.js";
import { getProfile } from "../../src/profiles/index.js";
import { fixedPackaging, fixtureWheel } from "../helpers/convert.js";

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wheel2pkg-apply-"));
  temporary.push(dir);
  return dir;
}

async function planned(target: string): Promise<PlannedPackage> {
  const plan = await planConversion(fixtureWheel("hello_cli-1.2.0-py3-none-any.whl"), {
    profiles: [getProfile(target)],
    packaging: fixedPackaging,
  });
  const [one] = plan.packages;
  if (one === undefined) throw new Error(`${target} refused the fixture`);
  return one;
}

describe("apply", () => {
  it.each(["debian-12", "fedora"])(
    "lints %s packaging before writing, and writes what depends on the lint with the package",
    async (target) => {
      const out = scratch();
      const steps: ApplyStep[] = [];
      let seen: number | null = null;
      const applied = await apply(await planned(target), {
        write: {
          outDir: out,
          alongside: (findings) => {
            seen = findings?.length ?? -1;
            return [{ path: ".summary", content: `${String(seen)}\n`, mode: 0o644 }];
          },
        },
        lint: {},
        onStep: (step) => steps.push(step),
      });
      expect(applied.failed).toBeNull();
      expect(applied.reached).toBe("written");
      expect(applied.build).toBeNull();
      expect(steps).toEqual(["write"]);
      expect(applied.lint.packaging).not.toBeNull();
      expect(seen).toBe(applied.lint.packaging?.length);
      expect(applied.directory.startsWith(path.join(out, target))).toBe(true);
      expect(fs.readFileSync(path.join(applied.directory, ".summary"), "utf8")).toBe(`${seen}\n`);
      for (const file of applied.planned.files) {
        expect(fs.readFileSync(path.join(applied.directory, file.path), "utf8")).toBe(file.content);
      }
    },
  );

  it("writes nothing and runs no step when stopped before writing", async () => {
    const out = scratch();
    const steps: ApplyStep[] = [];
    const applied = await apply(await planned("debian-12"), {
      write: { outDir: out },
      build: { epoch: 0 },
      stopped: () => true,
      onStep: (step) => steps.push(step),
    });
    expect(applied).toMatchObject({ reached: "planned", stoppedBefore: "write", failed: null });
    expect(applied.lint).toEqual({ packaging: null, built: null });
    expect(steps).toEqual([]);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("stops before the build once written, and tells the caller it was written", async () => {
    const out = scratch();
    const written: string[] = [];
    let asked = 0;
    const applied = await apply(await planned("fedora"), {
      write: { outDir: out },
      build: { epoch: 0, queue: (build) => build() },
      // Go on to the write, stop at the build.
      stopped: () => asked++ > 0,
      onWritten: (directory) => {
        written.push(directory);
      },
    });
    expect(applied).toMatchObject({ reached: "written", stoppedBefore: "build", build: null });
    expect(written).toEqual([applied.directory]);
    expect(fs.existsSync(applied.directory)).toBe(true);
  });

  it("returns a write that fails as the failed step, with nothing half-written", async () => {
    const blocker = path.join(scratch(), "a-file");
    fs.writeFileSync(blocker, "");
    const applied = await apply(await planned("debian-12"), {
      write: { outDir: blocker },
      onWritten: () => {
        throw new Error("not written");
      },
    });
    expect(applied.reached).toBe("planned");
    expect(applied.failed?.step).toBe("write");
    expect(applied.failed?.error).toBeInstanceOf(FileSystemError);
    expect((applied.failed?.error as FileSystemError).path).toBe(path.join(blocker, "debian-12"));
    expect(fs.statSync(blocker).isFile()).toBe(true);
  });
});
