/**
 * HTML character references, decoded once for every reader of HTML-ish text (Markdown
 * descriptions, PEP 503 index pages): the five named ones and `&nbsp;`, and numeric ones. A
 * numeric reference to a control character or to no character at all (`&#99999999;`) becomes a
 * space: the text comes from wheels and indexes, and neither may put a control character into a
 * package or throw.
 */
const named: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** `text` with its character references decoded (`&amp;`, `&#39;`, `&#x27;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 31 && code < 0x110000 && (code < 127 || code > 159)
        ? String.fromCodePoint(code)
        : " ";
    }
    return named[name.toLowerCase()] ?? whole;
  });
}
