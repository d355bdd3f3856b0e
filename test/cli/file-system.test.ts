/**
 * The user's environment refusing a write (read-only disk, full disk, quota, permission, a
 * file where a directory should be): exit 2, one line naming the path and the cause, no stack,
 * no staging directory left and an earlier output untouched. Real failures where the machine
 * can make them (even as root); the others injected into node:fs/promises as the kernel
 * reports them.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { scratchDirectory } from "../wheel/zip-builder.js";

/** A failure to inject: the fs call, the errno code, and which calls it hits (by target path; `from -> to` for rename). */
interface Fault {
  call: "mkdir" | "writeFile" | "copyFile" | "rename";
  code: string;
  hits: (target: string) => boolean;
}

const faults = vi.hoisted(() => ({ current: null as Fault | null }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const syscalls: Record<Fault["call"], string> = {
    mkdir: "mkdir",
    writeFile: "open",
    copyFile: "copyfile",
    rename: "rename",
  };
  const faulty = <A extends unknown[], R>(
    call: Fault["call"],
    operation: (...args: A) => Promise<R>,
    targetOf: (args: A) => unknown,
  ) => {
    return (...args: A): Promise<R> => {
      const fault = faults.current;
      const target = String(targetOf(args));
      if (fault?.call === call && fault.hits(target)) {
        const error = Object.assign(new Error(`${fault.code}: injected, ${call} '${target}'`), {
          code: fault.code,
          syscall: syscalls[call],
          path: target,
        });
        return Promise.reject(error);
      }
      return operation(...args);
    };
  };
  const mocked = {
    ...real,
    mkdir: faulty("mkdir", real.mkdir, (a) => a[0]),
    writeFile: faulty("writeFile", real.writeFile, (a) => a[0]),
    copyFile: faulty("copyFile", real.copyFile, (a) => a[1]),
    rename: faulty("rename", real.rename, (a) => `${String(a[0])} -> ${String(a[1])}`),
  };
  return { ...mocked, default: mocked };
});

const scratch = scratchDirectory();
afterAll(() => {
  scratch.remove();
});
afterEach(() => {
  faults.current = null;
});

const wheel = scratch.wheel();
let outs = 0;
/** A fresh output directory path (not created). */
function freshOut(): string {
  outs += 1;
  return path.join(scratch.dir, `out-${outs}`);
}

/**
 * Exit 2 with exactly one error line on stderr, matching `line`, and no stack trace. (The
 * wheel's own warnings follow it: the command goes on with the wheel's other packages.)
 */
function expectOneLine(result: { code: number; stderr: string }, line: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.split("\n").filter((text) => text.startsWith("wheel2pkg: "));
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** Every entry under a directory, hidden ones included, as relative paths. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

const convert = (out: string, target = "debian-12") =>
  runCli(["convert", wheel, "--target", target, "--out", out]);

describe("convert: the file system refuses", () => {
  it("--out under a regular file (ENOTDIR)", async () => {
    const file = scratch.write("plain-file", Buffer.from("x"));
    const result = await convert(path.join(file, "out"));
    expectOneLine(
      result,
      /^wheel2pkg: error: .*plain-file\/out\/debian-12: cannot create directory: a part of the path is not a directory \(ENOTDIR\)$/,
    );
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  it("--out naming a regular file", async () => {
    const file = scratch.write("out-file", Buffer.from("x"));
    const result = await convert(file);
    expectOneLine(
      result,
      /^wheel2pkg: error: .*out-file\/debian-12: cannot create directory: a part of the path is not a directory \(ENOTDIR\)$/,
    );
  });

  it.skipIf(process.getuid?.() === 0)("--out a read-only directory (EACCES)", async () => {
    const out = freshOut();
    fs.mkdirSync(out, { mode: 0o555 });
    try {
      expectOneLine(
        await convert(out),
        /^wheel2pkg: error: .*out-\d+\/debian-12: cannot create directory: permission denied \(EACCES\)$/,
      );
      expect(tree(out)).toEqual([]);
    } finally {
      fs.chmodSync(out, 0o755);
    }
  });

  it.each([
    ["EROFS", "read-only file system"],
    ["EACCES", "permission denied"],
  ])("--out on a file system that refuses (%s)", async (code, words) => {
    const out = freshOut();
    faults.current = { call: "mkdir", code, hits: () => true };
    expectOneLine(
      await convert(out),
      new RegExp(
        `^wheel2pkg: error: .*out-\\d+/debian-12: cannot create directory: ${words} \\(${code}\\)$`,
      ),
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a disk that fills up while the package is written (ENOSPC): no staging left", async () => {
    const out = freshOut();
    let writes = 0;
    faults.current = { call: "writeFile", code: "ENOSPC", hits: () => ++writes === 3 };
    const result = await convert(out);
    expectOneLine(
      result,
      /^wheel2pkg: error: .*out-\d+\/debian-12\/python-demo: cannot write [\w./-]+: no space left on device \(ENOSPC\)$/,
    );
    expect(writes).toBe(3);
    expect(tree(path.join(out, "debian-12"))).toEqual([]);
  });

  it("a quota reached while the wheel is copied (EDQUOT)", async () => {
    const out = freshOut();
    faults.current = { call: "copyFile", code: "EDQUOT", hits: () => true };
    expectOneLine(
      await convert(out, "fedora"),
      /^wheel2pkg: error: .*out-\d+\/fedora\/python-demo: cannot write demo-1\.0-py3-none-any\.whl: disk quota exceeded \(EDQUOT\)$/,
    );
    expect(tree(path.join(out, "fedora"))).toEqual([]);
  });

  it("keeps an earlier output whole when the new one cannot be written or moved into place", async () => {
    const out = freshOut();
    expect((await convert(out, "fedora")).code).toBe(0);
    const before = tree(out);
    const spec = path.join(out, "fedora", "python-demo", "python-demo.spec");
    const content = fs.readFileSync(spec, "utf8");

    faults.current = { call: "writeFile", code: "ENOSPC", hits: (p) => p.endsWith(".spec") };
    expectOneLine(await convert(out, "fedora"), /python-demo: cannot write .*\(ENOSPC\)$/);
    expect(tree(out)).toEqual(before);

    // Moving the staging directory fails; moving the earlier output back does not.
    faults.current = { call: "rename", code: "EXDEV", hits: (p) => p.includes(".tmp-") };
    expectOneLine(
      await convert(out, "fedora"),
      /python-demo: cannot move the new output into place: cannot move across file systems \(EXDEV\)$/,
    );
    expect(tree(out)).toEqual(before);
    expect(fs.readFileSync(spec, "utf8")).toBe(content);
  });

  it("a configuration file that is a directory (EISDIR)", async () => {
    const result = await runCli(["preview", wheel, "--target", "fedora", "--config", scratch.dir]);
    expectOneLine(
      result,
      /^wheel2pkg: error: .*: cannot read the configuration: is a directory \(EISDIR\)$/,
    );
  });
});

describe("batch: a report that cannot be written anywhere", () => {
  it("is printed on stdout", async () => {
    const house = path.join(scratch.dir, "house");
    fs.mkdirSync(house);
    fs.copyFileSync(wheel, path.join(house, path.basename(wheel)));
    const report = path.join(scratch.dir, "report.json");
    faults.current = { call: "writeFile", code: "ENOSPC", hits: (p) => p.endsWith("report.json") };
    const result = await runCli([
      "batch",
      house,
      "--target",
      "fedora",
      "--out",
      freshOut(),
      "--report",
      report,
      "--quiet",
    ]);
    // Both the asked path and the temporary one (also report.json) are refused.
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("the report is on standard output instead");
    expect(result.stderr).toMatch(
      /^wheel2pkg: error: .*report\.json: cannot write the report: no space left on device \(ENOSPC\)$/m,
    );
    const printed = JSON.parse(result.stdout) as { totals: { converted: number } };
    expect(printed.totals.converted).toBe(1);
  });
});
