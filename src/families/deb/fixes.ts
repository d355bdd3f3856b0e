import { isSharedObject } from "../rpm/files.js";
import { compare, type InstalledFile } from "../../targets/common/files.js";
import {
  deb822,
  joinText,
  rules,
  token,
  type Deb822Text,
  type RulesText,
} from "../../targets/text.js";
import { embeddedLibraries } from "./embedded-libraries.js";
import { overrideContext } from "./control-text.js";
import { rulesQuoted as word } from "./rules-text.js";

/**
 * What debian/rules does to the installed wheel beyond installing it, and the lintian overrides
 * that say why some upstream bytes are shipped as they are. Everything is computed from what the
 * wheel's verified read saw; nothing is guessed at build time.
 */

const site = "/usr/lib/python3/dist-packages";

/** One lintian override line, with the reason written above it. */
// A type, not an interface: a template context takes only types with known keys.
export type LintianOverride = {
  comment: Deb822Text;
  /** `tag [context]`, as in lintian's override syntax. */
  line: Deb822Text;
};

export interface DebianFixes {
  /** Run after the installer: remove, rewrite or relink what the wheel gets wrong. */
  afterInstall: RulesText[];
  /** Run after dh_fixperms: executable bits off files that are no scripts. */
  afterFixperms: RulesText[];
  /** Build-Depends the commands need. */
  buildDepends: string[];
  overrides: LintianOverride[];
}

/** Paths in chunks, so no command line grows without bound. */
function chunked(command: RulesText, words: readonly RulesText[], size = 8): RulesText[] {
  const lines: RulesText[] = [];
  for (let i = 0; i < words.length; i += size)
    lines.push(rules`${command} ${joinText(words.slice(i, i + size), " ")}`);
  return lines;
}

/** Where the installer puts a file (Debian's layout), as lintian names it; null for headers. */
function installedPath(file: InstalledFile): string | null {
  switch (file.scheme) {
    case "purelib":
    case "platlib":
      return `${site.slice(1)}/${file.path}`;
    case "scripts":
      return `usr/bin/${file.path}`;
    case "data":
      return `usr/${file.path}`;
    case "headers":
      return null;
  }
}

function inSite(file: InstalledFile): boolean {
  return file.scheme === "purelib" || file.scheme === "platlib";
}

/**
 * What debian/rules changes in the installed files, as data: the direct builder applies it to the
 * files it writes, and {@link debianFixes} writes it as commands for dpkg-buildpackage.
 */
export interface FileFixes {
  /** `.data/scripts` files that cannot run, removed from /usr/bin. */
  removedScripts: readonly string[];
  /** Library modules whose `#!` line is deleted (paths below the site directory). */
  shebangsDropped: InstalledFile[];
  /** ELF files whose search path is cut to its `$ORIGIN` entries (none left: deleted). */
  runpaths: { file: InstalledFile; kept: string[] }[];
  /** Files below the site directory whose executable bits go after dh_fixperms. */
  notExecutable: InstalledFile[];
}

/** The changes debian/rules makes to a package's installed files. */
export function fileFixes(
  files: readonly InstalledFile[],
  unrunnableScripts: readonly string[],
): FileFixes {
  // Library modules are imported, not run: their #! lines only mislead (and name `python`).
  const shebangsDropped = files.filter(
    (file) => inSite(file) && file.shebang && !file.executable && file.path.endsWith(".py"),
  );
  // A search path into the machine that built the wheel (/opt/_internal/… under manylinux) is
  // meaningless here and lintian's custom-library-search-path; $ORIGIN-relative ones stay.
  const runpaths: FileFixes["runpaths"] = [];
  for (const file of files) {
    if (!inSite(file) || !file.elf) continue;
    const paths = file.elf.runpath.length > 0 ? file.elf.runpath : file.elf.rpath;
    const kept = paths.filter((path) => path.startsWith("$ORIGIN"));
    if (kept.length !== paths.length) runpaths.push({ file, kept });
  }
  const notExecutable = files.filter(
    (file) =>
      inSite(file) &&
      file.executable &&
      !file.shebang &&
      file.size > 0 &&
      !isSharedObject(file.path),
  );
  return { removedScripts: unrunnableScripts, shebangsDropped, runpaths, notExecutable };
}

/**
 * The fixes for one package. `root` is where the package's files are staged
 * (`debian/python3-foo`) of source package `sourceName`; `libraryDirs` are auditwheel's `.libs`
 * directories.
 */
export function debianFixes(
  files: readonly InstalledFile[],
  unrunnableScripts: readonly string[],
  binaryName: string,
  sourceName: string,
  libraryDirs: readonly string[],
): DebianFixes {
  const root = `debian/${binaryName}`;
  const at = (file: InstalledFile) => word(`${root}${site}/${file.path}`);
  const fixes = fileFixes(files, unrunnableScripts);
  const afterInstall: RulesText[] = [];
  const buildDepends: string[] = [];
  const overrides: LintianOverride[] = [];

  // .data/scripts files that cannot run: a Windows .cmd, a shell snippet to be sourced.
  afterInstall.push(
    ...chunked(
      rules`rm`,
      fixes.removedScripts.map((script) => word(`${root}/usr/bin/${script}`)),
    ),
  );
  afterInstall.push(...chunked(rules`sed -i '1{/^#!/d}'`, fixes.shebangsDropped.map(at)));
  for (const { file, kept } of fixes.runpaths) {
    afterInstall.push(
      kept.length === 0
        ? rules`chrpath -d ${at(file)}`
        : rules`chrpath -r ${word(kept.join(":"))} ${at(file)}`,
    );
    if (!buildDepends.includes("chrpath")) buildDepends.push("chrpath");
  }

  const afterFixperms = chunked(rules`chmod a-x`, fixes.notExecutable.map(at));

  // Each override names a tag lintian raises on that file (the conditions of its checks, as
  // lintian 2.116 writes them), so none goes unused.
  const libraryDir = (file: InstalledFile) =>
    inSite(file) && libraryDirs.some((dir) => file.path.startsWith(`${dir}/`));
  for (const file of files) {
    const elf = file.elf;
    const path = installedPath(file);
    if (elf == null || path === null) continue;
    const context = overrideContext(path);
    // Binaries/Prerequisites: an ELF shared object (or PIE) that needs no library at all, or
    // needs some but not libc.
    if (elf.type === "shared" && elf.needed.length === 0 && !/\.(?:[ce]32|e64)$/.test(path)) {
      overrides.push({
        comment: deb822`Upstream built this module without any library dependency; it needs none.`,
        line: deb822`shared-library-lacks-prerequisites ${context}`,
      });
    }
    if (
      elf.type === "shared" &&
      elf.needed.length > 0 &&
      !elf.needed.some((name) => /^libc\.so\./.test(name)) &&
      !/\/libc\b/.test(path)
    ) {
      overrides.push({
        comment: deb822`Upstream linked this module without libc: the Python interpreter that loads it provides libc.`,
        line: deb822`library-not-linked-against-libc ${context}`,
      });
    }
    // dh_strip strips every ELF shared object and executable except the vendored libraries it is
    // told to leave alone; lintian searches what ships.
    const stripped = elf.type !== "other" && !libraryDir(file);
    for (const library of embeddedLibraries(elf, sourceName, stripped) ?? []) {
      overrides.push({
        comment: deb822`The wheel's compiled modules are upstream's builds: a library they link statically is upstream's choice, shipped as built.`,
        line: deb822`embedded-library ${token("deb822", library)} ${context}`,
      });
    }
    // Binaries/DebugSymbols: a symbol table left in what ships (file(1): "not stripped").
    if (elf.symbols && !stripped && !/\.k?o$/.test(path)) {
      overrides.push({
        comment: libraryDir(file)
          ? deb822`The libraries the wheel vendors (auditwheel's .libs) are shipped as upstream built them: stripping them again breaks the layout auditwheel gave them.`
          : deb822`An upstream object file, which dh_strip leaves as it is.`,
        line: deb822`unstripped-binary-or-object ${context}`,
      });
    }
  }
  // Files/PrivacyBreach: web files that load resources from other hosts, each tag it raises.
  for (const file of files) {
    const path = installedPath(file);
    if (path === null) continue;
    for (const finding of file.findings ?? []) {
      const tag = /^lintian:(privacy-breach-[a-z0-9-]+)$/.exec(finding)?.[1];
      if (tag === undefined) continue;
      overrides.push({
        comment: deb822`An upstream web file that loads resources from the network when served; shipped unchanged.`,
        line: deb822`${token("deb822", tag)} * ${overrideContext(path)}`,
      });
    }
  }
  overrides.sort((a, b) => compare(a.line, b.line));
  return { afterInstall, afterFixperms, buildDepends, overrides };
}
