/**
 * Compares two .deb files as dpkg sees them: the member list with modes, owners and sizes, every
 * file's bytes, the control fields one by one and the maintainer scripts. The allowed
 * differences are README's ("Builders"): gzip-compressed documentation is compared by its
 * decompressed bytes (zlib and GNU gzip write different streams), so its size, md5sums line and
 * Installed-Size (at most one KiB per such file) may differ; the archives' compressors may too.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { run } from "./install.js";
import { systemPath } from "./tools.js";

/** A tool's standard output; large packages list many megabytes. */
function capture(tool: string, args: readonly string[]): string {
  return execFileSync(tool, args, {
    encoding: "utf8",
    env: { PATH: systemPath, LC_ALL: "C.UTF-8" },
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** The paths of a .deb's files below the site directory, relative to it. */
export function sitePaths(deb: string): string[] {
  const site = "./usr/lib/python3/dist-packages/";
  return listing(deb)
    .filter((line) => line.path.startsWith(site) && !line.path.endsWith("/"))
    .map((line) => line.path.slice(site.length));
}

/** One line of `dpkg-deb -c`: mode, owner, size, path. */
interface Listed {
  mode: string;
  owner: string;
  size: number;
  path: string;
}

function listing(deb: string): Listed[] {
  return capture("dpkg-deb", ["-c", deb])
    .trim()
    .split("\n")
    .map((line) => {
      // The path is the rest of the line: it may hold spaces.
      const [, mode = "", owner = "", size = "0", path = ""] =
        /^(\S+)\s+(\S+)\s+(\d+)\s+\S+\s+\S+\s(.*)$/.exec(line) ?? [];
      return { mode, owner, size: Number(size), path };
    });
}

function fields(deb: string): Map<string, string> {
  const text = capture("dpkg-deb", ["-f", deb]);
  const map = new Map<string, string>();
  let last = "";
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (/^\s/.test(line)) map.set(last, `${map.get(last) ?? ""}\n${line}`);
    else {
      const colon = line.indexOf(":");
      last = line.slice(0, colon);
      map.set(last, line.slice(colon + 1).trim());
    }
  }
  return map;
}

function controlFiles(deb: string): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-debctl-"));
  run("dpkg-deb", ["-e", deb, dir]);
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** The differences between two .debs beyond the allowed ones; empty when they are equivalent. */
export function debDifferences(expected: string, actual: string): string[] {
  const problems: string[] = [];
  const a = listing(expected);
  const b = listing(actual);
  const gz = (path: string) => path.endsWith(".gz");
  const pathsA = a.map((l) => l.path);
  const pathsB = b.map((l) => l.path);
  if (JSON.stringify([...pathsA].sort()) !== JSON.stringify([...pathsB].sort())) {
    problems.push(`file lists differ:\n- ${pathsA.join("\n- ")}\n+ ${pathsB.join("\n+ ")}`);
    return problems;
  }
  const byPath = new Map(b.map((l) => [l.path, l]));
  for (const line of a) {
    const other = byPath.get(line.path);
    if (other === undefined) continue;
    if (other.mode !== line.mode) problems.push(`${line.path}: mode ${line.mode} ≠ ${other.mode}`);
    if (other.owner !== line.owner)
      problems.push(`${line.path}: owner ${line.owner} ≠ ${other.owner}`);
    if (other.size !== line.size && !gz(line.path)) {
      problems.push(`${line.path}: size ${line.size} ≠ ${other.size}`);
    }
  }
  const rootA = mkdtempSync(join(tmpdir(), "wheel2pkg-deba-"));
  const rootB = mkdtempSync(join(tmpdir(), "wheel2pkg-debb-"));
  run("dpkg-deb", ["-x", expected, rootA]);
  run("dpkg-deb", ["-x", actual, rootB]);
  for (const line of a) {
    if (line.mode.startsWith("d")) continue;
    let bytesA = readFileSync(join(rootA, line.path));
    let bytesB = readFileSync(join(rootB, line.path));
    if (gz(line.path)) {
      bytesA = gunzipSync(bytesA);
      bytesB = gunzipSync(bytesB);
    }
    if (!bytesA.equals(bytesB)) problems.push(`${line.path}: contents differ`);
  }
  const fa = fields(expected);
  const fb = fields(actual);
  const compressed = a.filter((l) => gz(l.path)).length;
  for (const name of new Set([...fa.keys(), ...fb.keys()])) {
    const va = fa.get(name);
    const vb = fb.get(name);
    if (name === "Installed-Size" && Math.abs(Number(va) - Number(vb)) <= compressed) continue;
    if (va !== vb) problems.push(`control field ${name}: ${va ?? "(none)"} ≠ ${vb ?? "(none)"}`);
  }
  const ca = controlFiles(expected);
  const cb = controlFiles(actual);
  for (const name of new Set([...ca.keys(), ...cb.keys()])) {
    if (name === "control") continue;
    let va = ca.get(name)?.toString("utf8");
    let vb = cb.get(name)?.toString("utf8");
    if (name === "md5sums") {
      const keep = (text: string | undefined) =>
        text
          ?.split("\n")
          .filter((line) => !line.endsWith(".gz"))
          .join("\n");
      va = keep(va);
      vb = keep(vb);
    }
    if (va !== vb) problems.push(`control member ${name} differs:\n${va ?? ""}\n---\n${vb ?? ""}`);
  }
  return problems;
}
