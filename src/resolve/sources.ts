/**
 * Where the closure finds wheels: `--find-links` directories (wheelhouses) and `--index-url`
 * simple repositories (PEP 503 HTML, PEP 691 JSON), asked with Node's fetch. Files from an
 * index are downloaded into a cache, named by their hash, and checked against the hash the
 * index gives before anything reads them.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { asFileSystemError, onFileSystem, UserError } from "../errors.js";
import { normalizeName } from "../model/name.js";
import { parseWheelFilename } from "../wheel/index.js";
import { parseProjectPage, simpleAccept } from "./simple-page.js";
import type { WheelCandidate } from "./types.js";

/** What the user names as sources. */
export interface SourceOptions {
  findLinks?: readonly string[];
  indexUrls?: readonly string[];
  /** Where downloaded wheels are kept (`<cache>/<sha256>/<file>`). */
  cacheDir: string;
  /** Milliseconds an index may take to answer one request (default 60 s). */
  timeout?: number;
}

/** A downloaded file whose bytes differ from what its index says. */
export class HashMismatchError extends UserError {
  override name = "HashMismatchError";
  constructor(url: string, expected: string, actual: string) {
    super(`the file's sha256 is ${actual}; the index gives ${expected}`, { file: url });
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The wheel sources of one run, each asked once per project. */
export class WheelSources {
  private readonly pages = new Map<string, Promise<WheelCandidate[]>>();
  private directories: Promise<WheelCandidate[]> | null = null;
  private readonly timeout: number;

  constructor(private readonly options: SourceOptions) {
    this.timeout = options.timeout ?? 60_000;
  }

  /** Whether any source was named. */
  get empty(): boolean {
    return (this.options.findLinks ?? []).length + (this.options.indexUrls ?? []).length === 0;
  }

  /** Every wheel of the project the sources have, find-links first. */
  candidates(project: string): Promise<WheelCandidate[]> {
    let found = this.pages.get(project);
    if (found === undefined) {
      found = this.ask(project);
      this.pages.set(project, found);
    }
    return found;
  }

  private async ask(project: string): Promise<WheelCandidate[]> {
    this.directories ??= this.listDirectories();
    const local = (await this.directories).filter((c) => c.project === project);
    const remote = await Promise.all(
      (this.options.indexUrls ?? []).map((index) => this.projectPage(index, project)),
    );
    return [...local, ...remote.flat()];
  }

  private async listDirectories(): Promise<WheelCandidate[]> {
    const all: WheelCandidate[] = [];
    for (const dir of this.options.findLinks ?? []) {
      const names = await onFileSystem(dir, "cannot read the --find-links directory", () =>
        readdir(dir),
      );
      for (const name of names.filter((n) => n.endsWith(".whl")).sort()) {
        let parsed;
        try {
          parsed = parseWheelFilename(name);
        } catch {
          continue; // not a wheel by its name: a wheelhouse may hold other files
        }
        all.push({
          filename: parsed.filename,
          project: normalizeName(parsed.distribution),
          version: parsed.version,
          location: { kind: "file", path: resolve(dir, name) },
          sha256: null,
          requiresPython: null,
          yanked: null,
          source: resolve(dir),
        });
      }
    }
    return all;
  }

  /** The bytes at a URL (file: URLs read from the disk); null for a 404. */
  private async get(
    url: string,
    accept: string,
  ): Promise<{ bytes: Uint8Array; type: string } | null> {
    if (url.startsWith("file:")) {
      const path = fileURLToPath(url);
      try {
        const isDir = (await stat(path)).isDirectory();
        const bytes = await readFile(isDir ? join(path, "index.html") : path);
        return { bytes, type: isDir ? "text/html" : "application/octet-stream" };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw asFileSystemError(error, "cannot read", path);
      }
    }
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept, "user-agent": "wheel2pkg" },
        redirect: "follow",
        signal: AbortSignal.timeout(this.timeout),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new UserError(`cannot reach the index: ${why}`, { file: url });
    }
    if (response.status === 404 || response.status === 410) return null;
    if (!response.ok) {
      throw new UserError(`the index answered ${response.status} ${response.statusText}`, {
        file: url,
      });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, type: response.headers.get("content-type") ?? "" };
  }

  private async projectPage(index: string, project: string): Promise<WheelCandidate[]> {
    const url = new URL(
      `${encodeURIComponent(project)}/`,
      index.endsWith("/") ? index : `${index}/`,
    ).href;
    const page = await this.get(url, simpleAccept);
    if (page === null) return [];
    return parseProjectPage(Buffer.from(page.bytes).toString("utf8"), page.type, url, project);
  }

  /**
   * The local path of a candidate: a find-links file as it is, an index's file from the cache
   * or downloaded into it. A file whose hash differs from the index's is refused
   * ({@link HashMismatchError}) and not kept.
   */
  async localFile(candidate: WheelCandidate): Promise<string> {
    if (candidate.location.kind === "file") return candidate.location.path;
    const { url } = candidate.location;
    const expected = candidate.sha256;
    const { cacheDir } = this.options;
    if (expected !== null) {
      const cached = join(cacheDir, expected, candidate.filename);
      const bytes = await readFile(cached).catch(() => null);
      if (bytes !== null && sha256(bytes) === expected) return cached;
    }
    const fetched = await this.get(url, "application/octet-stream");
    if (fetched === null)
      throw new UserError("the index lists the file, but it is not there (404)", { file: url });
    const actual = sha256(fetched.bytes);
    if (expected !== null && actual !== expected)
      throw new HashMismatchError(url, expected, actual);
    const dir = join(cacheDir, actual);
    const path = join(dir, candidate.filename);
    await onFileSystem(cacheDir, "cannot write the wheel cache", async () => {
      await mkdir(dir, { recursive: true });
      const partial = `${path}.part-${process.pid}`;
      await writeFile(partial, fetched.bytes);
      await rename(partial, path).catch(async (error: unknown) => {
        await rm(partial, { force: true });
        throw error;
      });
    });
    return path;
  }
}
