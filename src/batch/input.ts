/**
 * What a batch converts: every `*.whl` of a directory, or the wheels a TOML manifest lists with
 * their per-wheel overrides. A manifest is validated like wheel2pkg.toml: unknown keys and wrong
 * types are refused, each problem naming the file, line and key.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse, TomlError } from "smol-toml";
import { keyPositions, positionOf, formatKeyPath, type KeyPath } from "../config/positions.js";
import { asFileSystemError, onFileSystem, UserError } from "../errors.js";

/** One wheel of a batch, with the options that apply to it only. */
export interface BatchItem {
  /** Absolute path of the wheel. */
  wheel: string;
  /** RPM Release / Debian revision for this wheel (default: the config's, else 1). */
  release?: string;
  /** Extras folded into this wheel's main package. */
  withExtras?: readonly string[];
  /** The ids of the targets it is converted for (default: every target of the batch). */
  targets?: readonly string[];
  /**
   * For a wheel `--resolve` pulled in: its requirers (`app`, `httpx[cli]`); absent for a wheel
   * the batch was given.
   */
  pulledBy?: readonly string[];
}

/** Whether a wheel of the batch is converted for a target. */
export function itemTargets(item: BatchItem, target: string): boolean {
  return item.targets === undefined || item.targets.includes(target);
}

const itemKeys = new Set(["path", "release", "with-extras"]);

/** Reads a directory of wheels (sorted by name) or a manifest file. */
export async function readBatchInput(path: string): Promise<BatchItem[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new UserError("no such directory or manifest", { file: path });
    throw asFileSystemError(error, "cannot read", path);
  }
  if (info.isDirectory()) {
    const names = (await onFileSystem(path, "cannot read the directory", () => readdir(path)))
      .filter((name) => name.endsWith(".whl"))
      .sort();
    if (names.length === 0) throw new UserError("the directory holds no .whl file", { file: path });
    return names.map((name) => ({ wheel: resolve(path, name) }));
  }
  const text = await onFileSystem(path, "cannot read the manifest", () => readFile(path, "utf8"));
  return parseManifest(text, path);
}

/**
 * Parses a manifest: `[[wheel]]` tables, each with `path` (relative to the manifest's
 * directory), optional `release` and `with-extras`. Every problem is reported together.
 */
export function parseManifest(text: string, file: string): BatchItem[] {
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split("\n")[0] ?? "invalid TOML";
    throw new UserError(message, { file: `${file}:${error.line}:${error.column}` });
  }
  const positions = keyPositions(text);
  const problems: string[] = [];
  const problem = (path: KeyPath, message: string): void => {
    const { line, column } = positionOf(positions, path);
    problems.push(`${file}:${line}:${column}: ${formatKeyPath(path)}: ${message}`);
  };
  for (const key of Object.keys(document)) {
    if (key !== "wheel") problem([key], "unknown key; a manifest has only [[wheel]] tables");
  }
  const entries = document.wheel;
  const items: BatchItem[] = [];
  if (entries === undefined) problem([], "no [[wheel]] table");
  else if (!Array.isArray(entries)) problem(["wheel"], "expected [[wheel]] tables");
  else {
    for (const [index, entry] of (entries as unknown[]).entries()) {
      const at = (key?: string): KeyPath =>
        key === undefined ? ["wheel", index] : ["wheel", index, key];
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        problem(at(), "expected a table");
        continue;
      }
      const table = entry as Record<string, unknown>;
      for (const key of Object.keys(table)) {
        if (!itemKeys.has(key))
          problem(at(key), `unknown key; expected one of ${[...itemKeys].join(", ")}`);
      }
      const item: BatchItem = { wheel: "" };
      if (typeof table.path !== "string" || !table.path.endsWith(".whl")) {
        problem(at(table.path === undefined ? undefined : "path"), 'needs path = "<file>.whl"');
      } else item.wheel = resolve(dirname(file), table.path);
      if (table.release !== undefined) {
        if (typeof table.release === "string" && /^[A-Za-z0-9.+~]+$/.test(table.release)) {
          item.release = table.release;
        } else problem(at("release"), "expected a string of letters, digits and . + ~");
      }
      const extras = table["with-extras"];
      if (extras !== undefined) {
        if (Array.isArray(extras) && extras.every((e) => typeof e === "string")) {
          item.withExtras = extras;
        } else problem(at("with-extras"), "expected an array of extra names");
      }
      items.push(item);
    }
  }
  if (problems.length > 0) {
    throw new UserError(["invalid batch manifest:", ...problems.map((p) => `  ${p}`)], { file });
  }
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.wheel)) throw new UserError(`${item.wheel} is listed twice`, { file });
    seen.add(item.wheel);
  }
  return items;
}
