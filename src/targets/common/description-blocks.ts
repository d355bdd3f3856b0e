/**
 * The plain-text shape of a package description, as both families render it: paragraphs of
 * prose and bulleted lists, each item one line of text. The Markdown and reStructuredText
 * readers produce it; the families wrap and mark it up in their own formats.
 */
export type DescriptionBlock =
  { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const entities: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** Decodes the HTML character references Markdown text may carry (`&amp;`, `&#39;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 31 && code < 0x110000 && (code < 127 || code > 159)
        ? String.fromCodePoint(code)
        : " ";
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Whitespace folded to single spaces, no space before closing punctuation left by removals. */
export function tidyText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?)])(?=\s|$)/g, "$1")
    .replace(/\(\s*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a paragraph is prose: two letters in a row, and not only a URL or a path. */
export function isProse(text: string): boolean {
  if (!/\p{L}{2}/u.test(text)) return false;
  return !/^\S*(?:https?:\/\/|www\.)\S*$/.test(text);
}
