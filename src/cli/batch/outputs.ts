/**
 * The files a batch writes once its work is done, where the user asked: the report, the graph,
 * the build manifest. A path that cannot be written is refused before the run starts when that
 * shows in advance; one that fails only when written (a full disk) does not lose the run: the
 * file goes to a temporary directory instead, whose path is printed.
 */
import { access, constants, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { asFileSystemError, FileSystemError, onFileSystem, printable } from "../../errors.js";
import type { Output } from "../output.js";

/** One file a batch writes at the end. */
export interface RunOutput {
  path: string;
  /** What it is, in words (`report`, `graph`, `build manifest`). */
  what: string;
  /** Its name in the temporary directory it falls back to. */
  fallbackName: string;
  text: string;
}

/**
 * Refuses, before any work, a path the batch could not write its `what` to: a missing or
 * read-only directory, a directory in its place, a file in the way. (A full disk, or a
 * permission that root's access check does not see, shows only when writing.)
 */
export async function checkWritable(path: string, what: string): Promise<void> {
  const action = `cannot write the ${what}`;
  const info = await stat(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw asFileSystemError(error, action, path);
  });
  if (info?.isDirectory() === true) throw new FileSystemError(path, "EISDIR", action);
  await onFileSystem(path, action, () =>
    access(info === null ? dirname(path) : path, constants.W_OK),
  );
}

/**
 * Writes each output where asked and returns the failures. One that cannot be written there
 * is written to a temporary directory instead, with a line on stderr saying where; a report
 * that cannot be written there either is printed on stdout, unless `stdoutHasReport`.
 */
export async function deliver(
  outputs: readonly RunOutput[],
  output: Output,
  stdoutHasReport: boolean,
): Promise<FileSystemError[]> {
  const failures: FileSystemError[] = [];
  let fallbackDir: string | undefined;
  let fellBack = 0;
  for (const file of outputs) {
    try {
      await onFileSystem(file.path, `cannot write the ${file.what}`, () =>
        writeFile(file.path, file.text),
      );
      continue;
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      failures.push(error);
    }
    try {
      fallbackDir ??= await mkdtemp(join(tmpdir(), "wheel2pkg-batch-"));
      const fallback = join(fallbackDir, file.fallbackName);
      await writeFile(fallback, file.text);
      fellBack += 1;
      output.err(`wheel2pkg: the ${file.what} is in ${printable(fallback)} instead\n`);
    } catch {
      if (file.what === "report" && !stdoutHasReport) {
        output.out(file.text);
        output.err("wheel2pkg: the report is on standard output instead\n");
      } else output.err(`wheel2pkg: the ${file.what} could not be written anywhere\n`);
    }
  }
  if (fallbackDir !== undefined && fellBack === 0) {
    await rm(fallbackDir, { recursive: true, force: true }).catch(() => undefined);
  }
  return failures;
}
