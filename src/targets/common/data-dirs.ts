import { compare } from "./files.js";

/**
 * Directories under the `data` prefix (`/usr`) that belong to the system or are shared between
 * packages: a package installs into them but must not own them. A `*` matches one path segment.
 */
const sharedDirectories: readonly string[] = [
  "bin",
  "etc",
  "include",
  "lib",
  "lib64",
  "libexec",
  "sbin",
  "share",
  "share/*",
  "share/man/*",
  "share/locale/*",
  "share/locale/*/*",
  "share/icons/*",
  "share/icons/*/*",
  "share/icons/*/*/*",
  "share/jupyter/*",
  "share/jupyter/*/*",
  "share/doc/*",
  "share/licenses/*",
  "share/bash-completion/*",
  "share/zsh/*",
  "share/fish/*",
  "share/dbus-1/*",
  "share/mime/*",
];

function matches(pattern: string, dir: string): boolean {
  const p = pattern.split("/");
  const d = dir.split("/");
  return p.length === d.length && p.every((segment, i) => segment === "*" || segment === d[i]);
}

/** Whether a directory (relative to the data prefix) is a system or shared one. */
export function isSharedDirectory(dir: string): boolean {
  return sharedDirectories.some((pattern) => matches(pattern, dir));
}

/**
 * The directories a package owns for its data files: every ancestor of a file that is not a
 * shared directory (`share/datapkg`, but not `share` or `share/man/man1`). Sorted.
 */
export function ownedDataDirectories(paths: readonly string[]): string[] {
  const owned = new Set<string>();
  for (const path of paths) {
    const parts = path.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/");
      if (!isSharedDirectory(dir)) owned.add(dir);
    }
  }
  return [...owned].sort(compare);
}
