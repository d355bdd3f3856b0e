/** deb822 paragraphs (debian/control, DEP-5 debian/copyright, `dpkg-deb -f` output). */
import { UserError } from "../../errors.js";

/** One field of a paragraph: its value with continuation lines joined by newlines. */
export interface Deb822Field {
  /** The field name as written. */
  name: string;
  value: string;
  line: number;
}

/** A paragraph: fields by lower-cased name. */
export interface Deb822Paragraph {
  line: number;
  fields: ReadonlyMap<string, Deb822Field>;
}

/** The value of a field (case-insensitive name), trimmed, or undefined. */
export function field(paragraph: Deb822Paragraph, name: string): string | undefined {
  return paragraph.fields.get(name.toLowerCase())?.value.trim();
}

/** The 1-based line of a field, or the paragraph's first line. */
export function fieldLine(paragraph: Deb822Paragraph, name: string): number {
  return paragraph.fields.get(name.toLowerCase())?.line ?? paragraph.line;
}

/** Package names in a source paragraph's build dependencies (every alternative, `:any` removed). */
export function buildDependencyNames(source: Deb822Paragraph): Set<string> {
  const names = new Set<string>();
  for (const name of ["Build-Depends", "Build-Depends-Indep", "Build-Depends-Arch"]) {
    for (const relation of (field(source, name) ?? "").split(/[,|]/)) {
      const pkg = /^\s*([a-z0-9][a-z0-9+.-]*)/.exec(relation)?.[1];
      if (pkg !== undefined) names.add(pkg);
    }
  }
  return names;
}

/**
 * Splits deb822 text into paragraphs; comment lines are skipped. As dpkg does, refuses with the
 * file and line a continuation line outside a field (after a blank line that ended the
 * paragraph, say) and a line that is neither a field nor a continuation: read leniently, either
 * would make phantom fields or relations.
 */
export function parseDeb822(text: string, file = "deb822 text"): Deb822Paragraph[] {
  const paragraphs: Deb822Paragraph[] = [];
  let fields: Map<string, Deb822Field> | null = null;
  let last: Deb822Field | null = null;
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.startsWith("#")) return;
    if (raw.trim() === "") {
      fields = null;
      last = null;
      return;
    }
    const refuse = (message: string): never => {
      throw new UserError(message, { file, field: `line ${line}` });
    };
    if (/^[ \t]/.test(raw)) {
      if (last === null)
        refuse(
          "a continuation line outside any field (a blank line ended the paragraph before it)",
        );
      else last.value += `\n${raw.trim()}`;
      return;
    }
    const m = /^([^\s:][^:]*):(.*)$/.exec(raw);
    if (m === null)
      return refuse(`neither a field nor a continuation line: ${JSON.stringify(raw)}`);
    if (fields === null) {
      fields = new Map();
      paragraphs.push({ line, fields });
    }
    last = { name: m[1] ?? "", value: (m[2] ?? "").trim(), line };
    fields.set(last.name.toLowerCase(), last);
  });
  return paragraphs;
}
