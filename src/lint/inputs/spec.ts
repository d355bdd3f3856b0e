/**
 * A small, tolerant reader of RPM spec files for linting: the preamble's tags, `%package`
 * sections, `%files` lists and inline lint overrides. It expands only simple macros (`%{name}`,
 * `%{version}`, `%global`/`%define` with plain values); every other macro stays as written.
 */
import type { TargetProfile } from "../../profiles/types.js";
import { inlineDisables } from "./overrides.js";

/** One `Tag: value` line of a preamble. */
export interface SpecTag {
  /** The tag, lower-cased (`requires`, `buildarch`, `source0`). */
  tag: string;
  value: string;
  line: number;
}

/** The main package or a `%package` subpackage, with its preamble tags. */
export interface SpecPackage {
  /** Full binary package name. */
  name: string;
  line: number;
  tags: SpecTag[];
}

/** One entry of a `%files` list. */
export interface SpecFileEntry {
  /** The path as written, simple macros expanded. */
  path: string;
  /** `%dir`: the directory itself, not its contents. */
  dir: boolean;
  /** `%ghost`: owned but not shipped. */
  ghost: boolean;
  /** `%license`: a license text, installed where the distro keeps them. */
  license: boolean;
  /** `%doc`: documentation; may name several files. */
  doc: boolean;
  /** `%pycached`: a `.py` file together with its `__pycache__` byte-code. */
  pycached: boolean;
  line: number;
}

/** One `%files` section. */
export interface SpecFilesSection {
  /** The package it belongs to. */
  name: string;
  line: number;
  entries: SpecFileEntry[];
}

/** A parsed spec file. */
export interface SpecFile {
  /** The source package (the main package's `Name:`). */
  name: string;
  /** Main package first, then the subpackages in order. */
  packages: SpecPackage[];
  files: SpecFilesSection[];
  /** Rule ids disabled by `# wheel2pkg-lint: disable=…` comments. */
  disabled: ReadonlySet<string>;
  /** The spec's lines as written (index 0 is line 1), for rules that read macros in use. */
  lines: readonly string[];
}

/** The value of the first tag of a package, or undefined. */
export function specTag(pkg: SpecPackage, tag: string): SpecTag | undefined {
  return pkg.tags.find((t) => t.tag === tag);
}

const sectionRe =
  /^%(package|description|files|prep|build|install|check|clean|changelog|pre|post|preun|postun|pretrans|posttrans|triggerin|triggerun|filetriggerin|generate_buildrequires|conf)\b(.*)$/;

/** The package a `%package`/`%description`/`%files` header names (`-n full` or a suffix). */
function sectionPackage(args: string, main: string): string {
  const words = args
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  const named = words.indexOf("-n");
  if (named >= 0 && words[named + 1] !== undefined) return words[named + 1] ?? main;
  const suffix = words.find((w, i) => !w.startsWith("-") && words[i - 1] !== "-f");
  return suffix === undefined ? main : `${main}-${suffix}`;
}

/** Expands `%{name}`-style macros whose values are known; leaves the others as written. */
function expand(text: string, macros: ReadonlyMap<string, string>): string {
  let result = text;
  // Repeat so that a macro defined in terms of another expands too, up to a small depth.
  for (let depth = 0; depth < 5; depth++) {
    const next = result.replace(
      /%\{(\?)?([A-Za-z_][A-Za-z0-9_]*)\}|%([A-Za-z_][A-Za-z0-9_]*)/g,
      (
        whole,
        optional: string | undefined,
        braced: string | undefined,
        bare: string | undefined,
      ) => {
        const name = braced ?? bare ?? "";
        const value = macros.get(name);
        if (value !== undefined) return value;
        return optional === "?" && name === "dist" ? "" : whole;
      },
    );
    if (next === result) break;
    result = next;
  }
  return result;
}

/** Removes `%dir`, `%license`, `%attr(...)` and the like from a `%files` line. */
function filesEntry(raw: string, line: number): SpecFileEntry | null {
  let text = raw.trim();
  if (text === "" || text.startsWith("#") || text.startsWith("%defattr")) return null;
  if (text.startsWith("%exclude")) return null;
  const seen = new Set<string>();
  for (;;) {
    // openSUSE's %pycache_only and %python_alternative take the path as their argument.
    const m =
      /^%(dir|ghost|license|doc|pycached|pycache_only|python_alternative|config|attr|verify|lang|caps|artifact|readme)(\([^)]*\))?\s+/.exec(
        text,
      );
    if (m === null) break;
    seen.add(m[1] ?? "");
    text = text.slice(m[0].length);
  }
  return {
    path: text.trim(),
    dir: seen.has("dir"),
    ghost: seen.has("ghost"),
    license: seen.has("license"),
    doc: seen.has("doc"),
    pycached: seen.has("pycached"),
    line,
  };
}

/** Parses a spec file's text. */
export function parseSpec(text: string): SpecFile {
  const lines = text.split("\n");
  const macros = new Map<string, string>();
  const packages: SpecPackage[] = [];
  const files: SpecFilesSection[] = [];
  const main: SpecPackage = { name: "", line: 1, tags: [] };
  packages.push(main);
  let current: SpecPackage | null = main;
  let filesSection: SpecFilesSection | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const define = /^%(?:global|define)\s+(\w+)\s+(.*)$/.exec(raw.trim());
    if (define !== null) {
      const name = define[1] ?? "";
      // A definition that names itself (`%global x %{?x:%{x}|}…`, how Fedora's guidelines add
      // to __requires_exclude) keeps that reference as written: expanded, it would grow with
      // every definition.
      const others = new Map([...macros].filter(([other]) => other !== name));
      macros.set(name, expand((define[2] ?? "").trim(), others));
      return;
    }
    const section = sectionRe.exec(raw.trim());
    if (section !== null) {
      const kind = section[1] ?? "";
      const args = section[2] ?? "";
      current = null;
      filesSection = null;
      if (kind === "package") {
        current = { name: expand(sectionPackage(args, main.name), macros), line, tags: [] };
        packages.push(current);
      } else if (kind === "files") {
        filesSection = { name: expand(sectionPackage(args, main.name), macros), line, entries: [] };
        files.push(filesSection);
      }
      return;
    }
    if (current !== null) {
      const tag = /^([A-Za-z][A-Za-z0-9()]*)\s*:\s*(.*)$/.exec(raw);
      if (tag === null) return;
      const name = (tag[1] ?? "").toLowerCase();
      const value = expand((tag[2] ?? "").trim(), macros);
      current.tags.push({ tag: name, value, line });
      if (current === main && ["name", "version", "release", "summary"].includes(name)) {
        macros.set(name, value);
        if (name === "name") main.name = value;
      }
      return;
    }
    if (filesSection !== null) {
      const entry = filesEntry(expand(raw, macros), line);
      if (entry !== null) filesSection.entries.push(entry);
    }
  });
  return { name: main.name, packages, files, disabled: inlineDisables(text), lines };
}

/** Standard RPM path macros, as on the target (Fedora's `_libdir` on 64-bit machines). */
const pathMacros: Readonly<Record<string, string>> = {
  _prefix: "/usr",
  _bindir: "/usr/bin",
  _sbindir: "/usr/sbin",
  _datadir: "/usr/share",
  _mandir: "/usr/share/man",
  _docdir: "/usr/share/doc",
  _sysconfdir: "/etc",
  _libdir: "/usr/lib64",
  _libexecdir: "/usr/libexec",
  _includedir: "/usr/include",
};

/** A `%files` path with the target's directory macros (`%{python3_sitelib}`) expanded. */
export function targetPath(path: string, profile: TargetProfile): string {
  const macros = new Map<string, string>(Object.entries(pathMacros));
  for (const [name, value] of Object.entries(profile.rpm?.hostMacros ?? {})) {
    if (/^\w+$/.test(name)) macros.set(name, value);
  }
  macros.set("python3_sitelib", profile.paths.purelib);
  macros.set("python3_sitearch", profile.paths.platlib);
  macros.set("py3_incdir", profile.paths.headers);
  return expand(path, macros);
}
