import fs from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/native/run.js";
import { FileSystemError } from "../../src/errors.js";

describe("runTool", () => {
  it.skipIf(!fs.existsSync("/dev/full"))(
    "reports a build log on a full disk as such, without stalling the tool",
    async () => {
      // Far more output than a pipe holds: a tool writing into a log that fails must not block.
      const run = runTool("sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' x"], {
        cwd: os.tmpdir(),
        logFile: "/dev/full",
        label: "sh",
      });
      await expect(run).rejects.toThrow(FileSystemError);
      await expect(run).rejects.toThrow(
        "cannot write the build log: no space left on device (ENOSPC)",
      );
    },
    20_000,
  );

  it("reports a build log it cannot open", async () => {
    const run = runTool("true", [], {
      cwd: os.tmpdir(),
      logFile: "/nonexistent-directory/build.log",
      label: "true",
    });
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).describe()).toBe(
      "/nonexistent-directory/build.log: cannot write the build log: no such file or directory (ENOENT)",
    );
  });
});
