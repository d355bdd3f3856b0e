/**
 * A PEP 503 simple index of test wheels, served over loopback by Python's `http.server`: the
 * real HTTP stack the closure meets with a static mirror.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { systemPath } from "../helpers/tools.js";
import { writeWheel, type HouseWheel } from "../batch/wheelhouse.js";

/** A file of the index: a wheel, and what its anchor says besides the hash. */
export interface IndexWheel extends HouseWheel {
  /** PEP 592 `data-yanked` (its reason). */
  yanked?: string;
  /** The anchor gives this hash instead of the file's own. */
  wrongHash?: boolean;
}

/** Writes `<root>/simple/<project>/index.html` and `<root>/files/*.whl` for the wheels. */
export function writeIndex(root: string, wheels: readonly IndexWheel[]): void {
  const files = path.join(root, "files");
  fs.mkdirSync(files, { recursive: true });
  const byProject = new Map<string, string[]>();
  for (const wheel of wheels) {
    const file = writeWheel(files, wheel);
    const digest = wheel.wrongHash
      ? "0".repeat(64)
      : createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    const project = wheel.name.toLowerCase().replace(/[-_.]+/g, "-");
    const yanked = wheel.yanked === undefined ? "" : ` data-yanked="${wheel.yanked}"`;
    const name = path.basename(file);
    const anchor = `<a href="../../files/${name}#sha256=${digest}"${yanked}>${name}</a><br/>`;
    byProject.set(project, [...(byProject.get(project) ?? []), anchor]);
  }
  for (const [project, anchors] of byProject) {
    const dir = path.join(root, "simple", project);
    fs.mkdirSync(dir, { recursive: true });
    const page = `<!DOCTYPE html>\n<html><body>\n${anchors.join("\n")}\n</body></html>\n`;
    fs.writeFileSync(path.join(dir, "index.html"), page);
  }
}

/** A running server: the index URL, and `stop`. */
export interface IndexServer {
  url: string;
  stop: () => Promise<void>;
}

/** Serves `root` with `python3 -m http.server` on a free loopback port. */
export async function serveDirectory(root: string): Promise<IndexServer> {
  const child: ChildProcess = spawn(
    "python3",
    ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root],
    { env: { PATH: systemPath }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /port (\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.stderr?.resume();
    child.on("exit", (code) => {
      reject(new Error(`http.server exited (${String(code)}): ${seen}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/simple/`,
    stop: () =>
      new Promise((resolve) => {
        child.on("exit", () => {
          resolve();
        });
        child.kill();
      }),
  };
}
