/**
 * Real platform wheels repacked from Debian's own binary packages (scripts/debian-wheels.mjs),
 * and what the tests check them against without asking wheel2pkg: the sonames their ELF files
 * need (readelf), the packages of the archive's Contents that ship each, and whether this host's
 * dynamic loader already finds it (ldconfig).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./install.js";
import { systemPath } from "./tools.js";

/** One wheel of the sample, as the script's manifest describes it. */
export interface DebianWheel {
  debs: { package: string; version: string }[];
  project: string;
  version: string;
  /** The wheel file. */
  wheel: string;
  /** Its extension modules (member paths). */
  modules: string[];
  /**
   * Modules that import only when the compiled code and the libraries it links load; a path
   * names an extension module loaded on its own (see importModules).
   */
  imports: string[];
  /** Sample entries (by first package) whose packages the imports need. */
  needs: string[];
  /** Symlinks to other packages' files that the wheel leaves out. */
  skipped: string[];
}

/** Where the sample is cached: the .debs and wheels, named by package and version. */
export const debianWheelCache = path.join(tmpdir(), "wheel2pkg-debian-wheels");

/**
 * Downloads (once) and repacks the sample; the script's error text when the archive cannot be
 * reached or apt knows none of it.
 */
export function debianWheels(cache = debianWheelCache): DebianWheel[] | string {
  try {
    execFileSync(process.execPath, ["scripts/debian-wheels.mjs", "--cache", cache], {
      encoding: "utf8",
      env: { PATH: systemPath, LC_ALL: "C.UTF-8", HOME: process.env.HOME ?? "/root" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
  return JSON.parse(fs.readFileSync(path.join(cache, "manifest.json"), "utf8")) as DebianWheel[];
}

/** The sonames the wheel's ELF files need that the wheel does not ship, by readelf. */
export function neededSonames(wheel: string): string[] {
  const dir = fs.mkdtempSync(path.join(tmpdir(), "wheel2pkg-needed-"));
  try {
    run("/usr/bin/python3", ["-m", "zipfile", "-e", wheel, dir]);
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
    const shipped = new Set(files.map((f) => path.basename(f)));
    const needed = new Set<string>();
    for (const file of files.filter((f) => /\.so(\.|$)/.test(f))) {
      const dynamic = run("readelf", ["-d", "-W", path.join(dir, file)]);
      for (const match of dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)) {
        const soname = match[1] ?? "";
        if (!shipped.has(soname)) needed.add(soname);
      }
    }
    return [...needed].sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Imports each module from an installed root's site directory with the system python3, as
 * importFrom does; a module named by path (`matplotlib/ft2font`) is that extension module loaded
 * on its own, without running its package's __init__. Prints `<module> <file>` a line.
 */
export function importModules(sitePackages: string, modules: readonly string[]): string {
  const code = [
    "import importlib, importlib.machinery, importlib.util, pathlib, sys",
    `site = pathlib.Path(${JSON.stringify(sitePackages)})`,
    "sys.path.insert(0, str(site))",
    `for m in ${JSON.stringify(modules)}:`,
    "    if '/' in m:",
    "        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]",
    "        spec = importlib.util.spec_from_file_location(m.replace('/', '.'), site / (m + suffix))",
    "        mod = importlib.util.module_from_spec(spec)",
    "        spec.loader.exec_module(mod)",
    "    else:",
    "        mod = importlib.import_module(m)",
    "    print(m, mod.__file__)",
  ].join("\n");
  return run("/usr/bin/python3", ["-I", "-c", code], {}, tmpdir());
}

/** apt's Contents lists for this host's architecture. */
function contentsLists(): string[] {
  const lists = "/var/lib/apt/lists";
  if (!fs.existsSync(lists)) return [];
  return fs
    .readdirSync(lists)
    .filter((n) => /_Contents-amd64(\.\w+)?$/.test(n))
    .map((n) => path.join(lists, n));
}

/**
 * The packages of apt's Contents lists that ship each soname in a library directory (as
 * `apt-file search` would find them); a soname no list has maps to an empty list.
 */
export function archiveShippers(sonames: readonly string[]): Map<string, string[]> {
  const found = new Map<string, Set<string>>(sonames.map((s) => [s, new Set()]));
  const wanted = new Set(sonames);
  const patterns = fs.mkdtempSync(path.join(tmpdir(), "wheel2pkg-sonames-"));
  const patternFile = path.join(patterns, "sonames");
  fs.writeFileSync(patternFile, sonames.map((s) => `/${s} `).join("\n"));
  for (const list of contentsLists()) {
    // Contents is ~150 MB unpacked: grep keeps the lines that name the sonames.
    const text = execFileSync(
      "sh",
      [
        "-c",
        '/usr/lib/apt/apt-helper cat-file "$1" | grep -F -f "$2" || true',
        "sh",
        list,
        patternFile,
      ],
      { encoding: "utf8", env: { PATH: systemPath }, maxBuffer: 64 * 1024 * 1024 },
    );
    for (const line of text.split("\n")) {
      const match = /^((?:usr\/)?lib\S*\/(lib[^/\s]+\.so[^/\s]*))\s+(\S+)$/.exec(line);
      if (match === null || !wanted.has(match[2] ?? "")) continue;
      for (const qualified of (match[3] ?? "").split(",")) {
        found.get(match[2] ?? "")?.add(qualified.slice(qualified.lastIndexOf("/") + 1));
      }
    }
  }
  fs.rmSync(patterns, { recursive: true, force: true });
  return new Map([...found].map(([soname, set]) => [soname, [...set].sort()]));
}

/** Whether the host's dynamic loader finds a library by this soname (`ldconfig -p`). */
export function hostFinds(soname: string): boolean {
  const cache = run("/sbin/ldconfig", ["-p"]);
  return cache.split("\n").some((line) => line.trim().startsWith(`${soname} `));
}
