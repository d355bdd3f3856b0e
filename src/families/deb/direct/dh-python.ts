/**
 * What dh_python3 contributes to a package built from a wheel, computed instead of run: which
 * installed files it removes, how it rewrites `#!` lines in /usr/bin, the `${python3:Depends}`
 * it substitutes and the maintainer scripts that byte-compile and clean the modules. The rules
 * are dh-python's (5.2023, Debian 12) for a package that installs into the public dist-packages
 * directory, as debian/rules calls it (`--no-guessing-deps`).
 */
import { compare } from "../../../targets/common/files.js";

/** The site directory of Debian's Python 3, inside a package. */
export const siteDir = "usr/lib/python3/dist-packages";

/**
 * Whether dh_python3 removes an installed file: byte-code and its caches anywhere in the site
 * directory, and test directories and hidden directories at its top.
 */
export function removedByDhPython(path: string): boolean {
  if (!path.startsWith(`${siteDir}/`)) return false;
  const inside = path.slice(siteDir.length + 1);
  const top = inside.split("/")[0] ?? "";
  if (inside.includes("/") && (top === "test" || top === "tests" || top.startsWith("."))) {
    return true;
  }
  return /(^|\/)__pycache__\//.test(inside) || /\.py[co]$/.test(inside);
}

/** A `#!` line's Python interpreter as dh-python reads it, or null when it names none. */
interface Shebang {
  path: string | null;
  name: "python" | "pypy";
  version: string;
  debug: boolean;
  options: string[];
}

const shebangPattern = /^(?:#!\s*)?(.*?\/bin\/.*?)?(python|pypy)(\d[.\d]*)?(-dbg)?(.*)$/;

/** Reads a file's first line (of its first 96 bytes) as dh-python does; null if no Python. */
function readShebang(head: Buffer): Shebang | null {
  const bytes = head.subarray(0, 96);
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const line = text.split("\n")[0] ?? "";
  if (!line.startsWith("#!")) return null;
  // dh-python searches the line: the first place a match starts.
  for (let start = 0; start < line.length; start++) {
    const match = shebangPattern.exec(line.slice(start));
    if (match === null) continue;
    const [, path, name, version, debug, options = ""] = match;
    return {
      path: path ?? null,
      name: name === "pypy" ? "pypy" : "python",
      // An unversioned `python` is Python 2 to dh-python.
      version: version ?? (name === "python" ? "2" : ""),
      debug: debug !== undefined,
      options: options.split(/\s+/).filter(Boolean),
    };
  }
  return null;
}

/** The interpreter's name as dh-python prints it (`python3`, `python3.11-dbg`). */
function interpreterName(shebang: Shebang): string {
  if (shebang.name === "pypy") return "pypy";
  return shebang.debug ? `python${shebang.version}-dbg` : `python${shebang.version}`;
}

/**
 * dh_python3 on a file in /usr/bin: its new content when the `#!` line is rewritten (an `env`
 * or foreign interpreter path becomes /usr/bin's, an unversioned `python` becomes `python2`),
 * and the interpreter it then depends on (`python3`), or null for no Python script.
 */
export function fixScriptShebang(content: Buffer): { content: Buffer; interpreter: string | null } {
  const shebang = readShebang(content);
  if (shebang === null) return { content, interpreter: null };
  let replacement: string | null = null;
  if (shebang.version === "2") {
    replacement = shebang.debug ? "/usr/bin/python2-dbg" : "/usr/bin/python2";
  } else if (shebang.path !== null && shebang.path !== "/usr/bin/") {
    replacement = [`/usr/bin/${interpreterName(shebang)}`, ...shebang.options].join(" ");
  }
  if (replacement === null) return { content, interpreter: interpreterName(shebang) };
  const newline = content.indexOf(0x0a);
  const rest = newline === -1 ? Buffer.alloc(0) : content.subarray(newline + 1);
  const fixed = Buffer.concat([Buffer.from(`#! ${replacement}\n`), rest]);
  const reread = readShebang(fixed);
  return { content: fixed, interpreter: reread === null ? null : interpreterName(reread) };
}

/** The Python version an extension module's file name is built for (`3.11`), if it says. */
export function extensionVersion(path: string): string | null {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const match = /\.(?:cpython|pypy)-(\d)(\d+)[a-z]*(?:-[^/]*?)?(?:_d)?\.so$/.exec(name);
  return match === null ? null : `${match[1] ?? ""}.${match[2] ?? ""}`;
}

/** `3.11` → `3.12`. */
function nextMinor(version: string): string {
  const [major = "3", minor = "0"] = version.split(".");
  return `${major}.${Number(minor) + 1}`;
}

function versionOrder(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** What dh_python3 found in a package's installed files. */
export interface DhPythonScan {
  /** Any `.py` file below the site directory: byte-compiled on install. */
  compile: boolean;
  /** Python versions of the extension modules' file names. */
  extensionVersions: string[];
  /** Interpreters of the Python scripts in /usr/bin. */
  interpreters: string[];
}

/**
 * `${python3:Depends}`: the interpreters the scripts run with, the Python versions the
 * extension modules were built for (a range around `defaultVersion`, the target's python3), and
 * `python3:any` for py3compile. Sorted, as dh_python3 writes it.
 */
export function python3Depends(scan: DhPythonScan, defaultVersion: string): string[] {
  const depends = new Set<string>();
  const versions = [...new Set(scan.extensionVersions)].sort(versionOrder);
  const low = versions[0];
  const high = versions.at(-1);
  if (low !== undefined && versionOrder(low, defaultVersion) <= 0) {
    depends.add(`python3 (>= ${low}~)`);
  }
  if (high !== undefined && versionOrder(high, defaultVersion) >= 0) {
    depends.add(`python3 (<< ${nextMinor(high)})`);
  }
  if (scan.compile) depends.add("python3:any");
  for (const interpreter of scan.interpreters) {
    depends.add(interpreter === "pypy" ? interpreter : `${interpreter}:any`);
  }
  return [...depends].sort(compare);
}

/**
 * The maintainer scripts dh_python3 and dh_installdeb write when modules are byte-compiled:
 * py3compile after install, py3clean before removal. `owner` is the package name, with
 * `:<arch>` for an architecture-dependent package. The text is dh-python's autoscripts as
 * dh_installdeb assembles them, byte for byte.
 */
export function maintainerScripts(owner: string): { postinst: string; prerm: string } {
  const section = (body: string) =>
    `#!/bin/sh\nset -e\n\n# Automatically added by dh_python3\n${body}\n# End automatically added section\n`;
  return {
    postinst: section(
      [
        "if command -v py3compile >/dev/null 2>&1; then",
        `\tpy3compile -p ${owner} `,
        "fi",
        "if command -v pypy3compile >/dev/null 2>&1; then",
        `\tpypy3compile -p ${owner}  || true`,
        "fi",
        "",
      ].join("\n"),
    ),
    prerm: section(
      [
        "if command -v py3clean >/dev/null 2>&1; then",
        `\tpy3clean -p ${owner} `,
        "else",
        `\tdpkg -L ${owner} | sed -En -e '/^(.*)\\/(.+)\\.py$/s,,rm "\\1/__pycache__/\\2".*,e'`,
        "\tfind /usr/lib/python3/dist-packages/ -type d -name __pycache__ -empty -print0 | xargs --null --no-run-if-empty rmdir",
        "fi",
        "",
      ].join("\n"),
    ),
  };
}
