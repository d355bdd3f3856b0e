/**
 * Turns a project's long description (usually its README, in Markdown or reStructuredText) into
 * the few plain paragraphs a distro package description wants: prose only, no badges, headings,
 * HTML, tables or code. Both families render these paragraphs with their own escaping.
 */

/** Most characters of description text kept; packages describe, READMEs document. */
const maxLength = 1200;

/** Lines that are markup, not prose. */
const markupLine: readonly RegExp[] = [
  /^\s*[[!]?!\[/, // Markdown images and badge links
  /^\s*\[!\[/,
  /^\s*<\/?[a-zA-Z!]/, // HTML
  /^\s*#{1,6}(\s|$)/, // Markdown headings
  /^\s*([=\-~^"'`#*+.:_])\1{2,}\s*$/, // rST section underlines, rules
  /^\s*\.\. /, // rST directives and comments
  /^\s*:[\w-]+:/, // rST field lists
  /^\s*\|/, // tables, rST substitutions
  /^\s*(```|~~~)/,
  /^\s*[-*+]\s+\[[ xX]\]/,
  /^\s*\+[-=+]+\+\s*$/,
];

function isMarkup(line: string): boolean {
  return markupLine.some((pattern) => pattern.test(line));
}

/** Splits text into paragraphs of prose, dropping markup and code blocks. */
function proseParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.replace(/\t/g, " ").trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) continue;
    if (line.trim() === "") {
      flush();
      continue;
    }
    // Indented blocks are code (Markdown) or literal blocks (rST).
    if (/^( {4}|\t)/.test(rawLine) && current.length === 0) continue;
    if (isMarkup(line)) {
      flush();
      continue;
    }
    current.push(stripInlineMarkup(line.trim()));
  }
  flush();
  return paragraphs.filter((paragraph) => /[a-zA-Z]{2}/.test(paragraph));
}

/** Removes inline Markdown/rST markup: links keep their text, emphasis and roles their content. */
function stripInlineMarkup(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`<]+?)\s*<[^>]+>`_{1,2}/g, "$1")
    .replace(/:[\w-]+:`([^`]+)`/g, "$1")
    .replace(/`{1,2}([^`]+)`{1,2}_{0,2}/g, "$1")
    .replace(/\*{1,2}([^*]+)\*{1,2}/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/**
 * The description paragraphs for a package: the first prose paragraphs of the long description
 * up to a size limit, or the summary when the description has no prose.
 */
export function descriptionParagraphs(longDescription: string, summary: string): string[] {
  const chosen: string[] = [];
  let length = 0;
  for (const paragraph of proseParagraphs(longDescription)) {
    if (length > 0 && length + paragraph.length > maxLength) break;
    chosen.push(paragraph.length > maxLength ? truncate(paragraph) : paragraph);
    length += paragraph.length;
  }
  if (chosen.length === 0) {
    const fallback = summary.trim() || "No description given.";
    return [/[.!?]$/.test(fallback) ? fallback : `${fallback}.`];
  }
  return chosen;
}

function truncate(paragraph: string): string {
  const cut = paragraph.slice(0, maxLength);
  const sentenceEnd = cut.lastIndexOf(". ");
  return sentenceEnd > maxLength / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.trimEnd()}…`;
}

/**
 * Wraps a paragraph to lines of at most `width` characters. A word longer than a line (a long
 * URL or code) is cut into pieces, since packaging linters refuse longer lines.
 */
export function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = paragraph
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, "g")) ?? []),
    );
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A one-line summary: whitespace folded, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= max ? folded : `${folded.slice(0, max - 1).trimEnd()}…`;
}
