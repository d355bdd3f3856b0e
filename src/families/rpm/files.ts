import type { InstalledFile } from "../../targets/common/files.js";
import type { InstallScheme } from "../../wheel/types.js";
import { spec, type SpecText } from "../../targets/text.js";
import { specShellWord } from "./escape.js";

/** The spec macro for each install scheme's directory. */
export const schemeMacros: Readonly<Record<InstallScheme, SpecText>> = {
  purelib: spec`%{python3_sitelib}`,
  platlib: spec`%{python3_sitearch}`,
  scripts: spec`%{_bindir}`,
  data: spec`%{_prefix}`,
  headers: spec`%{_includedir}/python%{python3_version}`,
};

/** Identical files smaller than this are left alone: linking them saves next to nothing. */
const hardlinkMinSize = 1024;

/**
 * Commands run after the install, each fixing what Fedora's policy and rpmlint require of a
 * wheel's files: a `#!` line is removed from library modules that are not executable (they are
 * imported, never run), and identical files are hard-linked (rpmlint: files-duplicated-waste).
 * Paths are quoted for the shell; everything is computed here, nothing is guessed at build time.
 */
export function specInstallFixes(
  files: readonly InstalledFile[],
  distInfoDir: string,
  unrunnableScripts: readonly string[] = [],
): SpecText[] {
  const commands: SpecText[] = [];
  if (unrunnableScripts.length > 0) {
    commands.push(
      spec`# Files of the wheel's scripts that cannot run here (no #!, not executables).`,
    );
    for (const script of unrunnableScripts)
      commands.push(spec`rm %{buildroot}${schemeMacros.scripts}/${specShellWord(script)}`);
  }
  const site = files.filter(
    (file) =>
      (file.scheme === "purelib" || file.scheme === "platlib") &&
      !file.path.startsWith(`${distInfoDir}/`),
  );
  const where = (file: InstalledFile) =>
    spec`%{buildroot}${schemeMacros[file.scheme]}/${specShellWord(file.path)}`;
  const shebangs = site.filter(
    (file) => file.shebang && !file.executable && file.path.endsWith(".py"),
  );
  if (shebangs.length > 0) {
    commands.push(spec`# Library modules are imported, not run: drop their #! lines.`);
    for (const file of shebangs) commands.push(spec`sed -i '1{/^#!/d}' ${where(file)}`);
  }
  // Executable bits on files that are no scripts (data, modules without #!) are mistakes of the
  // wheel's builder: rpm would ship them as scripts without an interpreter.
  const executables = site.filter(
    (file) => file.executable && !file.shebang && file.size > 0 && !isSharedObject(file.path),
  );
  if (executables.length > 0) {
    commands.push(spec`# Files the wheel marks executable but that are no scripts.`);
    for (const file of executables) commands.push(spec`chmod 0644 ${where(file)}`);
  }
  const groups = new Map<string, InstalledFile[]>();
  for (const file of site) {
    if (file.digest === null || file.size < hardlinkMinSize) continue;
    const key = `${file.scheme}\0${file.digest}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const duplicates = [...groups.values()].filter((group) => group.length > 1);
  if (duplicates.length > 0) {
    commands.push(spec`# Identical files (vendored copies) share one inode.`);
    for (const [first, ...rest] of duplicates) {
      if (first === undefined) continue;
      for (const file of rest) commands.push(spec`ln -f ${where(first)} ${where(file)}`);
    }
  }
  return commands;
}

/** Shared objects keep their mode: rpm's brp-elfperms and dh_fixperms set it. */
export function isSharedObject(path: string): boolean {
  return /\.so(\.[\d.]+)?$/.test(path);
}
