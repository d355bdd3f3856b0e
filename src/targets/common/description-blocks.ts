/**
 * The plain-text shape of a package description, as both families render it: paragraphs of
 * prose and bulleted lists, each item one line of text. The Markdown and reStructuredText
 * readers produce it; the families wrap and mark it up in their own formats.
 */
export type DescriptionBlock =
  { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

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
