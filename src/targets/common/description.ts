import { isProse, tidyText, type DescriptionBlock } from "./description-blocks.js";
import { markdownBlocks } from "./markdown-text.js";
import { rstBlocks } from "./rst-text.js";

/**
 * Turns a project's long description (usually its README, in Markdown or reStructuredText) into
 * the few blocks of plain text a distro package description wants: paragraphs and lists of
 * prose, no badges, headings, HTML, tables, code or link targets. Both families render these
 * blocks with their own escaping; the summary line is shortened here for both.
 */

export type { DescriptionBlock } from "./description-blocks.js";

/**
 * The longest Summary (RPM) or synopsis (Debian) line: rpmlint's summary-too-long fires past
 * its MaxLineLength of 79, and Debian Policy 3.4.1 wants a synopsis "certainly under 80
 * characters" (lintian's synopsis-too-long fires past 80, counting the synopsis alone). The
 * generator and both lint rules read this one number.
 */
export const maxSummaryLength = 79;

/** About how many characters of description text are kept; packages describe, READMEs document. */
const maxLength = 1000;

/** The prose blocks of a long description, read as its Description-Content-Type says. */
function blocksOf(text: string, contentType: string | null): DescriptionBlock[] {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/markdown") return markdownBlocks(text);
  // Without a type, PyPI reads a description as reStructuredText, as it does here.
  if (type === "text/plain") return rstBlocks(text, { markup: false });
  return rstBlocks(text);
}

/** Text compared by its words alone: `Pure-Python` repeats `Pure Python`. */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const textOf = (block: DescriptionBlock) =>
  block.kind === "paragraph" ? block.text : block.items.join(" ");

/**
 * The description of a package: the first blocks of the long description up to about
 * `maxLength` characters, cut between blocks. Paragraphs that only name the project or repeat
 * the summary, and a paragraph ending in `:` whose list or code is not kept, are left out. When
 * nothing is left, the summary as a sentence.
 */
export function descriptionBlocks(
  longDescription: string,
  contentType: string | null,
  summary: string,
  project: string,
): DescriptionBlock[] {
  const said = new Set([words(summary), words(project)]);
  const candidates = blocksOf(longDescription, contentType).filter(
    (block) => block.kind === "list" || (isProse(block.text) && !said.has(words(block.text))),
  );
  const chosen: DescriptionBlock[] = [];
  let length = 0;
  for (const block of candidates) {
    const size = textOf(block).length;
    if (length > 0 && length + size > maxLength) {
      // A list may be cut between items, if a few of them fit.
      if (block.kind === "list") {
        const items = itemsWithin(block.items, maxLength - length);
        if (items.length >= 2) chosen.push({ kind: "list", items });
      }
      break;
    }
    chosen.push(
      block.kind === "paragraph"
        ? { kind: "paragraph", text: shorten(block.text, maxLength) }
        : { kind: "list", items: itemsWithin(block.items, maxLength) },
    );
    length += size;
  }
  // A paragraph ending in `:` introduced what follows; when that is not kept, its last
  // sentence goes.
  const kept = chosen.flatMap((block, i): DescriptionBlock[] => {
    if (block.kind === "list" || !block.text.endsWith(":") || chosen[i + 1]?.kind === "list") {
      return [block];
    }
    const before = /^.*[.!?](?=\s)/.exec(block.text)?.[0];
    return before === undefined ? [] : [{ kind: "paragraph", text: before }];
  });
  if (kept.length === 0) {
    const fallback = tidyText(summary) || "No description given.";
    return [{ kind: "paragraph", text: /[.!?]$/.test(fallback) ? fallback : `${fallback}.` }];
  }
  return kept;
}

/** The first items whose text fits in `room` characters (at least one). */
function itemsWithin(items: readonly string[], room: number): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    if (kept.length > 0 && length + item.length > room) break;
    kept.push(shorten(item, room));
    length += item.length;
  }
  return kept;
}

/** Function words a shortened line should not end on. */
const danglingWord =
  /\s+(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|which|that|with|without)$/i;

/**
 * Text shortened to at most `max` characters without cutting a word: at the end of the last
 * sentence that fits if there is one, otherwise at the last word that fits, without a dangling
 * function word, open parenthesis or trailing punctuation. Text that fits is returned folded.
 */
export function shorten(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max + 1);
  const sentence = /^.*[.!?](?=\s)/.exec(cut.slice(0, max + 1))?.[0] ?? "";
  if (sentence.length > max / 2 && sentence.length <= max) return sentence;
  const space = cut.lastIndexOf(" ");
  // One word longer than the line: cut it, since nothing else fits.
  let line = space > 0 ? cut.slice(0, space) : folded.slice(0, max);
  const open = line.lastIndexOf("(");
  if (open > max / 2 && !line.slice(open).includes(")")) line = line.slice(0, open);
  for (let previous = ""; previous !== line;) {
    previous = line;
    line = line.replace(/[\s,;:(\u2013\u2014-]+$/, "").replace(danglingWord, "");
  }
  return line;
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
