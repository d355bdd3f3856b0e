/**
 * A debian/ directory as lint reads it: control and copyright as deb822 paragraphs, changelog
 * text, and whether debian/rules is present and executable. Read from disk or from planned files.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseDeb822, type Deb822Paragraph } from "./deb822.js";
import { inlineDisables } from "./overrides.js";

/** A file of a debian/ directory: path relative to the directory (`control`), text and mode. */
export interface DebianDirFile {
  path: string;
  content: string;
  mode: number;
}

/** A parsed debian/ directory; null members are files that are absent. */
export interface DebianDir {
  /** debian/control: the source paragraph first, then one per binary package. */
  control: Deb822Paragraph[] | null;
  copyright: { text: string; paragraphs: Deb822Paragraph[] } | null;
  changelog: string | null;
  rules: { executable: boolean } | null;
  /** Rule ids disabled by `# wheel2pkg-lint: disable=…` comments in debian/control. */
  disabled: ReadonlySet<string>;
}

/** Parses the files of a debian/ directory (paths relative to it). */
export function parseDebianDir(files: readonly DebianDirFile[]): DebianDir {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const control = byPath.get("control");
  const copyright = byPath.get("copyright");
  const rules = byPath.get("rules");
  return {
    control: control === undefined ? null : parseDeb822(control.content, "debian/control"),
    copyright:
      copyright === undefined
        ? null
        : {
            text: copyright.content,
            paragraphs: parseDeb822(copyright.content, "debian/copyright"),
          },
    changelog: byPath.get("changelog")?.content ?? null,
    rules: rules === undefined ? null : { executable: (rules.mode & 0o111) !== 0 },
    disabled: control === undefined ? new Set() : inlineDisables(control.content),
  };
}

/** The lint-relevant files of a debian/ directory on disk. */
export async function readDebianDir(directory: string): Promise<DebianDirFile[]> {
  const names = new Set(await readdir(directory));
  const files: DebianDirFile[] = [];
  for (const name of ["control", "copyright", "changelog", "rules"]) {
    if (!names.has(name)) continue;
    const path = join(directory, name);
    const [content, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    files.push({ path: name, content, mode: info.mode & 0o7777 });
  }
  return files;
}
