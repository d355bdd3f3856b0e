/**
 * What the rest of the dh sequence (debhelper 13, compat 13) does to a package's installed files,
 * as rules on paths: dh_fixperms' modes, dh_compress' choice of files, dh_strip's kinds of ELF
 * file, and the paths whose debhelper commands (maintainer scripts, triggers) the direct builder
 * does not reproduce.
 */

/** The last path component. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const executableDirs = ["usr/bin/", "bin/", "usr/sbin/", "sbin/", "usr/games/", "usr/libexec/"];
const mode0644Dirs = [
  "usr/share/man/",
  "usr/include/",
  "usr/share/applications/",
  "usr/share/lintian/overrides/",
];
const mode0644Names =
  /(\.so\.[^/]*|\.so|\.la|\.a|\.js|\.css|\.scss|\.sass|\.jpeg|\.jpg|\.png|\.gif|\.cmxs|\.node)$/;

/** A file's mode after dh_fixperms, from whether it was executable when installed. */
export function fixedMode(path: string, executable: boolean): number {
  let mode = executable ? 0o755 : 0o644;
  if (path.startsWith("usr/share/doc/") && !/^usr\/share\/doc\/[^/]*\/examples\//.test(path)) {
    mode = 0o644;
  }
  if (mode0644Dirs.some((dir) => path.startsWith(dir))) mode = 0o644;
  if (mode0644Names.test(baseName(path))) mode = 0o644;
  if (executableDirs.some((dir) => path.startsWith(dir))) mode = 0o755;
  return mode;
}

/** Whether dh_compress gzips an installed file of `size` bytes (the documentation it chooses). */
export function compressedByDh(path: string, size: number): boolean {
  const name = baseName(path).toLowerCase();
  if (path.startsWith("usr/share/man/") || path.startsWith("usr/share/info/")) {
    return !/\.(gz|gif|png|jpg|jpeg)$/.test(name);
  }
  if (!path.startsWith("usr/share/doc/")) return false;
  if (/^usr\/share\/doc\/[^/]*\/examples\//.test(path) || path.includes("/_sources/")) {
    return false;
  }
  const base = baseName(path);
  if (!(size > 4096 || base.startsWith("changelog") || base.startsWith("NEWS"))) return false;
  if (/\.htm/.test(name) && base !== "changelog.html") return false;
  if (base === "copyright" || base === "index.sgml" || base === "objects.inv") return false;
  if (base.endsWith(".map") || base.endsWith(".devhelp2") || base === "search_index.json") {
    return false;
  }
  return !/(\.xhtml|\.gif|\.png|\.jpg|\.jpeg|\.gz|\.taz|\.tgz|\.z|\.bz2|-gz|-z|_z|\.epub|\.jar|\.zip|\.odg|\.odp|\.odt|^\.htaccess|\.css|\.xz|\.lz|\.lzma|\.haddock|\.hs|\.woff|\.woff2|\.svg|\.svgz|\.js)$/.test(
    name,
  );
}

/**
 * How dh_strip (compat 11 and later) strips a file: an ELF shared object or executable by its
 * mode after dh_fixperms (executable, else as a shared library), a static library `lib*.a`
 * (but not a debug one, `*_g.a`) of its debugging sections; anything else not at all.
 */
export function stripKind(
  path: string,
  elf: { type: string } | null | undefined,
  mode: number,
): "shared" | "executable" | "static" | null {
  if (elf != null && elf.type !== "other") return (mode & 0o111) !== 0 ? "executable" : "shared";
  if (/(^|\/)lib[^/]*\.a$/.test(path) && !path.endsWith("_g.a")) return "static";
  return null;
}

/** The arguments dh_strip gives `strip` for each kind of file. */
export const stripArguments = {
  shared: ["--remove-section=.comment", "--remove-section=.note", "--strip-unneeded"],
  executable: ["--remove-section=.comment", "--remove-section=.note"],
  static: [
    "--strip-debug",
    "--remove-section=.comment",
    "--remove-section=.note",
    "--enable-deterministic-archives",
    "-R",
    ".gnu.lto_*",
    "-R",
    ".gnu.debuglto_*",
    "-N",
    "__gnu_lto_slim",
    "-N",
    "__gnu_lto_v1",
  ],
} as const;

/**
 * Installed paths that make debhelper commands write maintainer scripts, triggers or conffiles
 * (dh_installsystemd, dh_icons, dh_installmime, dh_usrlocal …): a package holding one is built
 * with dpkg-buildpackage, which runs them. Returns the reason, or null.
 */
export function needsDebhelper(path: string): string | null {
  const prefixes: [string, string][] = [
    ["etc/", "configuration files (conffiles)"],
    ["usr/local/", "files in /usr/local (dh_usrlocal)"],
    ["lib/systemd/", "systemd units"],
    ["usr/lib/systemd/", "systemd units"],
    ["usr/share/icons/", "icons (dh_icons)"],
    ["usr/share/mime/", "MIME types (dh_installmime)"],
    ["usr/share/glib-2.0/schemas/", "GSettings schemas"],
    ["usr/lib/udev/", "udev rules"],
    ["lib/udev/", "udev rules"],
    ["usr/share/fonts/", "fonts (dh_installxfonts)"],
    ["usr/lib/tmpfiles.d/", "tmpfiles.d files"],
    ["usr/lib/sysusers.d/", "sysusers.d files"],
    ["usr/share/doc-base/", "doc-base files"],
    ["usr/share/menu/", "menu files"],
    ["usr/share/bug/", "reportbug files"],
    ["usr/lib/debug/", "debugging symbols"],
  ];
  for (const [prefix, reason] of prefixes) if (path.startsWith(prefix)) return reason;
  return null;
}
