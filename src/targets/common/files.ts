import type { ElfFacts, InstallScheme } from "../../wheel/index.js";

/** A file as the package installs it, relative to its scheme's directory. */
export interface InstalledFile {
  scheme: InstallScheme;
  /** Path below the scheme directory, `/`-separated. */
  path: string;
  executable: boolean;
  /** A license file (marked `%license` in a spec). */
  license: boolean;
  /** Starts with `#!` (known for verified reads). */
  shebang: boolean;
  /** Dynamic-linking facts of an ELF file, null for others (known for verified reads). */
  elf?: ElfFacts | null;
  /** What the wheel read's content checks found in the file (known for verified reads). */
  findings?: string[];
  /** RECORD digest (`algorithm=digest`), to find identical files; null for generated files. */
  digest: string | null;
  size: number;
}

/** The root of the site directory split into what a package owns there. */
export interface SiteLayout {
  /** Directories to own whole (regular packages: they hold an `__init__.py`), sorted. */
  packageDirs: string[];
  /** Namespace directories (no `__init__.py`): shared with other packages, own only the dir. */
  namespaceDirs: string[];
  /** Top-level pure modules (`six.py`), whose byte-code lives in the shared `__pycache__`. */
  modules: string[];
  /** Other files to own one by one (extension modules, `.pth`, `.pyi`, files in namespace dirs). */
  files: string[];
}

/**
 * Splits the files installed into one site directory into the entries a file list owns: a
 * regular package is owned as a directory (its `__pycache__` comes with it), a namespace package
 * only as a directory entry with its contents listed below it.
 */
export function siteLayout(paths: readonly string[]): SiteLayout {
  const layout: SiteLayout = { packageDirs: [], namespaceDirs: [], modules: [], files: [] };
  const children = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf("/");
    if (slash === -1) {
      if (path.endsWith(".py")) layout.modules.push(path);
      else layout.files.push(path);
      continue;
    }
    const top = path.slice(0, slash);
    const rest = children.get(top) ?? [];
    rest.push(path.slice(slash + 1));
    children.set(top, rest);
  }
  for (const [dir, inside] of [...children.entries()].sort(([a], [b]) => compare(a, b))) {
    if (inside.includes("__init__.py") || dir.endsWith(".dist-info") || dir.endsWith(".libs")) {
      layout.packageDirs.push(dir);
      continue;
    }
    layout.namespaceDirs.push(dir);
    const nested = siteLayout(inside);
    layout.packageDirs.push(...nested.packageDirs.map((p) => `${dir}/${p}`));
    layout.namespaceDirs.push(...nested.namespaceDirs.map((p) => `${dir}/${p}`));
    // Modules inside a namespace directory are compiled into that directory's __pycache__.
    layout.modules.push(...nested.modules.map((p) => `${dir}/${p}`));
    layout.files.push(...nested.files.map((p) => `${dir}/${p}`));
  }
  layout.modules.sort(compare);
  layout.files.sort(compare);
  layout.namespaceDirs.sort(compare);
  layout.packageDirs.sort(compare);
  return layout;
}

/** Byte-wise string order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names that can be imported from a site directory's top level (for import checks). */
export function importNames(layout: SiteLayout): string[] {
  const names = new Set<string>();
  for (const dir of layout.packageDirs) {
    if (!dir.includes("/") && !dir.endsWith(".dist-info") && !dir.endsWith(".libs")) names.add(dir);
  }
  for (const module of layout.modules) {
    if (!module.includes("/")) names.add(module.replace(/\.py$/, ""));
  }
  for (const file of layout.files) {
    const match = /^([A-Za-z_]\w*)\.[^/]*\.so$|^([A-Za-z_]\w*)\.so$/.exec(file);
    const name = match?.[1] ?? match?.[2];
    if (name !== undefined) names.add(name);
  }
  return [...names].filter((name) => /^[A-Za-z_]\w*$/.test(name)).sort(compare);
}
