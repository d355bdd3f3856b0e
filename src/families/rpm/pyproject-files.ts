import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { ownedDataDirectories } from "../../targets/common/data-dirs.js";
import { compare, siteLayout, type InstalledFile } from "../../targets/common/files.js";
import { spec, token, type SpecText } from "../../targets/text.js";
import { specFilePath as q, specShellWord } from "./escape.js";
import { schemeMacros } from "./files.js";

/** What `%pyproject_save_files` is given and what `%files` lists beside `%{pyproject_files}`. */
export interface PyprojectFiles {
  /**
   * Top-level module names for `%pyproject_save_files` (and so for `%pyproject_check_import`):
   * packages, namespace packages, modules, extension modules and stubs named as Python
   * identifiers. Empty when the wheel has none (`-M`).
   */
  modules: SpecText[];
  /**
   * `%files` lines for what `%pyproject_save_files` leaves out: site-packages entries that are
   * no importable module (`.pth` files, `foo.libs/`), scripts, data files, headers.
   */
  listed: SpecText[];
  /** Commands that rename or remove scripts named for another Python than the target's. */
  commands: SpecText[];
  /**
   * A site-packages path that `%pyproject_save_files` cannot list for rpm older than 4.19, or
   * null: `listed` then lists site-packages itself (see {@link unlistablePath}).
   */
  unlistable: string | null;
  diagnostics: Diagnostic[];
}

/**
 * The first site-packages path (dist-info included) that `%pyproject_save_files` cannot write
 * into a file list that rpm older than 4.19 reads as that one file (RHEL 9's rpm 4.16, rpm 4.18
 * on a foreign build host): it quotes a name with whitespace, fails on one with `"`, `[` or `]`
 * beside whitespace, and leaves glob characters as globs. Such a wheel gets an explicit
 * `%files` list, written with wheel2pkg's own escaper, which every rpm from 4.14 on reads alike.
 */
export function unlistablePath(files: readonly InstalledFile[]): string | null {
  const site = files.filter((file) => file.scheme === "purelib" || file.scheme === "platlib");
  return site.find((file) => /[\s"[\]{}*?\\]/.test(file.path))?.path ?? null;
}

/**
 * The explicit `%files` lines of site-packages, for a wheel `%pyproject_save_files` cannot
 * list: dist-info files one by one (licenses as `%license`), regular packages as owned
 * directories, namespace directories with their contents, top-level modules with `%pycached`.
 */
function explicitSiteFiles(files: readonly InstalledFile[], distInfoDir: string): SpecText[] {
  const lines: SpecText[] = [];
  for (const scheme of ["purelib", "platlib"] as const) {
    const base = schemeMacros[scheme];
    const inScheme = files.filter((file) => file.scheme === scheme);
    const distInfo = inScheme.filter((file) => file.path.startsWith(`${distInfoDir}/`));
    if (distInfo.length > 0) {
      lines.push(spec`%dir ${base}/${q(distInfoDir)}`);
      const subdirs = new Set(
        distInfo
          .map((file) => file.path.split("/").slice(1, -1))
          .filter((parts) => parts.length > 0)
          .flatMap((parts) => parts.map((_, i) => parts.slice(0, i + 1).join("/"))),
      );
      for (const subdir of [...subdirs].sort())
        lines.push(spec`%dir ${base}/${q(`${distInfoDir}/${subdir}`)}`);
      for (const file of distInfo) {
        lines.push(
          file.license ? spec`%license ${base}/${q(file.path)}` : spec`${base}/${q(file.path)}`,
        );
      }
    }
    const layout = siteLayout(
      inScheme.filter((file) => !file.path.startsWith(`${distInfoDir}/`)).map((file) => file.path),
    );
    for (const dir of layout.namespaceDirs) lines.push(spec`%dir ${base}/${q(dir)}`);
    for (const dir of layout.packageDirs) lines.push(spec`${base}/${q(`${dir}/`)}`);
    for (const module of layout.modules) lines.push(spec`%pycached ${base}/${q(module)}`);
    for (const file of layout.files) lines.push(spec`${base}/${q(file)}`);
  }
  return lines;
}

const identifier = /^[A-Za-z_]\w*$/;

/** The module name an entry at the top of site-packages gives `%pyproject_save_files`, if any. */
function moduleName(entry: string, isDirectory: boolean): string | null {
  if (isDirectory) return identifier.test(entry) && !entry.endsWith(".dist-info") ? entry : null;
  const match = /^([^.]+)(\.[^.]+)?\.(py|pyi|so)$/.exec(entry);
  const name = match?.[1] ?? "";
  if (match === null || !identifier.test(name)) return null;
  // `foo.py` and `foo.pyi` only as such; an extension module may carry an ABI tag.
  return match[2] === undefined || match[3] === "so" ? name : null;
}

/** Man pages are compressed by rpm's brp-compress: their names get a suffix. */
function isManPage(path: string): boolean {
  return /^share\/man\/man[^/]+\/[^/]+$/.test(path);
}

/**
 * A script named for one Python version (`pip3.11`, `easy_install-3.9`): the version and the
 * name without it. Null for any other name.
 */
function pythonSuffix(script: string): { base: string; version: string } | null {
  const match = /^(.*?[A-Za-z_]-?)(2\.7|3\.\d{1,2})$/.exec(script);
  return match === null ? null : { base: match[1] ?? "", version: match[2] ?? "" };
}

/**
 * Splits a wheel's installed files between `%pyproject_save_files` (importable modules and the
 * dist-info) and explicit `%files` lines, and renames scripts named for a Python version that is
 * not the target's (`/usr/bin/pip3.11` from a wheel built on 3.11) to the target's suffix,
 * `%{python3_version}`, or removes them where the target's name is already a script of the wheel.
 */
export function pyprojectFiles(
  files: readonly InstalledFile[],
  scripts: readonly string[],
  distInfoDir: string,
  headersDir: SpecText,
  targetPython: string,
): PyprojectFiles {
  const modules = new Set<string>();
  const unlistable = unlistablePath(files);
  const listed: SpecText[] = unlistable === null ? [] : explicitSiteFiles(files, distInfoDir);
  for (const scheme of ["purelib", "platlib"] as const) {
    const base = schemeMacros[scheme];
    const top = new Map<string, boolean>();
    for (const file of files.filter((f) => f.scheme === scheme)) {
      if (file.path.startsWith(`${distInfoDir}/`)) continue;
      const slash = file.path.indexOf("/");
      const name = slash === -1 ? file.path : file.path.slice(0, slash);
      top.set(name, (top.get(name) ?? false) || slash !== -1);
    }
    for (const [name, isDirectory] of [...top].sort(([a], [b]) => compare(a, b))) {
      // Byte-code a wheel ships: %pyproject_save_files lists the target's own, not these.
      if (name === "__pycache__") continue;
      const module = moduleName(name, isDirectory);
      if (module !== null) modules.add(module);
      else if (unlistable === null)
        listed.push(isDirectory ? spec`${base}/${q(`${name}/`)}` : spec`${base}/${q(name)}`);
    }
  }
  const commands: SpecText[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = new Set(scripts);
  for (const script of scripts) {
    const suffix = pythonSuffix(script);
    if (suffix === null || suffix.version === targetPython) {
      listed.push(spec`${schemeMacros.scripts}/${q(script)}`);
      continue;
    }
    const from = spec`%{buildroot}${schemeMacros.scripts}/${specShellWord(script)}`;
    const targetName = `${suffix.base}${targetPython}`;
    if (names.has(targetName)) {
      commands.push(spec`rm ${from}`);
      diagnostics.push(
        diagnostic(
          "script-python-version",
          "warning",
          `${script} is named for Python ${suffix.version}, not the target's ${targetPython}, and ${targetName} is also a script of the wheel: ${script} is not packaged`,
          "entry_points.txt",
        ),
      );
      continue;
    }
    commands.push(
      spec`mv ${from} %{buildroot}${schemeMacros.scripts}/${specShellWord(suffix.base)}%{python3_version}`,
    );
    listed.push(spec`${schemeMacros.scripts}/${q(suffix.base)}%{python3_version}`);
    diagnostics.push(
      diagnostic(
        "script-python-version",
        "warning",
        `${script} is named for Python ${suffix.version}, not the target's ${targetPython}: installed as ${targetName}`,
        "entry_points.txt",
      ),
    );
  }
  const data = files.filter((file) => file.scheme === "data").map((file) => file.path);
  for (const dir of ownedDataDirectories(data))
    listed.push(spec`%dir ${schemeMacros.data}/${q(dir)}`);
  for (const path of data) {
    listed.push(
      isManPage(path)
        ? spec`${schemeMacros.data}/${q(path)}*`
        : spec`${schemeMacros.data}/${q(path)}`,
    );
  }
  if (files.some((file) => file.scheme === "headers")) listed.push(spec`${headersDir}/`);
  return {
    modules: [...modules].sort(compare).map((name) => token("spec", name)),
    listed,
    commands:
      commands.length > 0
        ? [spec`# Scripts named for another Python version than the target's.`, ...commands]
        : [],
    unlistable,
    diagnostics,
  };
}
