import { posix } from "node:path";
import type { InstallScheme } from "../../wheel/types.js";
import { ownedDataDirectories } from "../../targets/common/data-dirs.js";
import { siteLayout, type InstalledFile } from "../../targets/common/files.js";
import { spec, type SpecText } from "../../targets/text.js";
import { specExpandWord, specFilePath as q, specShellWord } from "./escape.js";
import { isSharedObject } from "./files.js";

/**
 * Each install scheme's directory as an openSUSE singlespec `%files` section names it: the
 * flavor-agnostic `%python_*` macros, which `%python_subpackages` turns into each flavor's.
 */
const schemeMacros: Readonly<Record<InstallScheme, SpecText>> = {
  purelib: spec`%{python_sitelib}`,
  platlib: spec`%{python_sitearch}`,
  scripts: spec`%{_bindir}`,
  data: spec`%{_prefix}`,
  headers: spec`%{_includedir}/python%{python_version}`,
};

/** The same directories inside `%python_expand`, which runs once per flavor as `$python`. */
const expandMacros: Readonly<Record<"purelib" | "platlib", SpecText>> = {
  purelib: spec`%{$python_sitelib}`,
  platlib: spec`%{$python_sitearch}`,
};

/** A license file copied out of the installed tree, to be marked `%license` in the build dir. */
export interface LicenseCopy {
  /** `%python_expand` command that copies it (the same file from every flavor's tree). */
  command: SpecText;
  /** The name it gets in the build directory, for `%license`. */
  name: SpecText;
}

/**
 * License files as openSUSE packagers handle a wheel source: copied from the installed tree into
 * the build directory and listed with `%license`, which installs them into each flavor's
 * license directory. Files that share a base name keep their path, `/` as `-`.
 */
export function licenseCopies(files: readonly InstalledFile[]): LicenseCopy[] {
  const licenses = files.filter(
    (file) => file.license && (file.scheme === "purelib" || file.scheme === "platlib"),
  );
  const counts = new Map<string, number>();
  for (const file of licenses) {
    const base = posix.basename(file.path);
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return licenses.map((file, index) => {
    const base = posix.basename(file.path);
    const wanted = (counts.get(base) ?? 0) > 1 ? file.path.replace(/\//g, "-") : base;
    // The copy's name is ours to choose: one of plain characters needs no escaping anywhere.
    const name = /^[\w.+,@:-]+$/.test(wanted) ? wanted : `license-file-${index + 1}`;
    const scheme = file.scheme === "platlib" ? "platlib" : "purelib";
    return {
      command: spec`%python_expand cp -p %{buildroot}${expandMacros[scheme]}/${specExpandWord(file.path)} ${specShellWord(name)}`,
      name: q(name),
    };
  });
}

/**
 * `%files %{python_files}` of a singlespec spec: the dist-info directory and regular packages
 * owned whole (their `__pycache__` with them), top-level modules with their byte-code under
 * `%pycache_only`, namespace directories and the files in them one by one, entry-point scripts
 * as `%python_alternative` (each flavor installs `<script>-3.XY` behind update-alternatives),
 * and data and header files. The dist-info directory is owned whole because pip, which
 * `%pyproject_install` runs, writes its own INSTALLER, RECORD and REQUESTED there.
 */
export function singlespecFileList(
  files: readonly InstalledFile[],
  scripts: readonly string[],
  distInfoDir: string,
  distributionName: string,
): SpecText[] {
  const lines: SpecText[] = [];
  for (const scheme of ["purelib", "platlib"] as const) {
    const base = schemeMacros[scheme];
    const inScheme = files.filter((file) => file.scheme === scheme);
    if (inScheme.some((file) => file.path.startsWith(`${distInfoDir}/`))) {
      lines.push(spec`${base}/${q(`${distInfoDir}/`)}`);
    }
    const layout = siteLayout(
      inScheme.filter((file) => !file.path.startsWith(`${distInfoDir}/`)).map((file) => file.path),
    );
    for (const dir of layout.namespaceDirs) lines.push(spec`%dir ${base}/${q(dir)}`);
    for (const dir of layout.packageDirs) lines.push(spec`${base}/${q(`${dir}/`)}`);
    const cacheDirs = new Set<string>();
    for (const module of layout.modules) {
      const dir = posix.dirname(module);
      const stem = posix.basename(module, ".py");
      const cache = dir === "." ? "__pycache__" : `${dir}/__pycache__`;
      // The top-level __pycache__ belongs to the interpreter; a namespace directory's is ours.
      if (dir !== "." && !cacheDirs.has(cache)) {
        cacheDirs.add(cache);
        lines.push(spec`%pycache_only %dir ${base}/${q(cache)}`);
      }
      lines.push(spec`${base}/${q(module)}`);
      lines.push(spec`%pycache_only ${base}/${q(cache)}/${q(stem)}.*.pyc`);
    }
    for (const file of layout.files) lines.push(spec`${base}/${q(file)}`);
  }
  for (const script of scripts)
    lines.push(spec`%python_alternative ${schemeMacros.scripts}/${q(script)}`);
  const data = files.filter((file) => file.scheme === "data").map((file) => file.path);
  for (const dir of ownedDataDirectories(data))
    lines.push(spec`%dir ${schemeMacros.data}/${q(dir)}`);
  for (const path of data) {
    const manPage = /^share\/man\/man[^/]+\/[^/]+$/.test(path);
    lines.push(
      manPage ? spec`${schemeMacros.data}/${q(path)}*` : spec`${schemeMacros.data}/${q(path)}`,
    );
  }
  if (files.some((file) => file.scheme === "headers")) {
    lines.push(spec`${schemeMacros.headers}/${q(distributionName)}/`);
  }
  return lines;
}

/**
 * Per-flavor fixes after the install, the singlespec form of Fedora's: `#!` lines dropped from
 * library modules that are not executable, and executable bits dropped from files that are no
 * scripts (rpmlint: script-without-shebang). Identical files are left to `%fdupes`, which
 * openSUSE's guidelines ask every package to run.
 */
export function singlespecInstallFixes(
  files: readonly InstalledFile[],
  distInfoDir: string,
  unrunnableScripts: readonly string[] = [],
): SpecText[] {
  const commands: SpecText[] = [];
  // Files of the wheel's scripts that cannot run here (no #!, not executables).
  for (const script of unrunnableScripts)
    commands.push(spec`rm %{buildroot}${schemeMacros.scripts}/${specShellWord(script)}`);
  for (const file of files) {
    if (file.scheme !== "purelib" && file.scheme !== "platlib") continue;
    if (file.path.startsWith(`${distInfoDir}/`)) continue;
    const where = spec`%{buildroot}${expandMacros[file.scheme]}/${specExpandWord(file.path)}`;
    if (file.shebang && !file.executable && file.path.endsWith(".py")) {
      commands.push(spec`%python_expand sed -i '1{/^#!/d}' ${where}`);
    }
    if (file.executable && !file.shebang && file.size > 0 && !isSharedObject(file.path)) {
      commands.push(spec`%python_expand chmod 0644 ${where}`);
    }
  }
  return commands;
}
