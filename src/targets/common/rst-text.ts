import { isProse, tidyText, type DescriptionBlock } from "./description-blocks.js";

/**
 * reStructuredText read by hand into prose blocks, since no maintained JavaScript library
 * parses it. It knows the constructs READMEs use: section titles, explicit markup (directives,
 * comments, link targets, footnotes, substitution definitions) with their indented bodies,
 * literal blocks after `::`, doctest blocks, tables, field lists, bullet and enumerated lists,
 * and the inline markup of roles, references, footnote references and substitutions.
 */

/** Punctuation that can underline a title or make a transition. */
const adornment = /^([!-/:-@[-`{-~])\1{2,}\s*$/;
const explicitMarkup = /^\s*\.\.(?:\s|$)/;
const listItem = /^(\s*)(?:[-*+\u2022\u2023\u2043]|\d{1,3}[.)]|#\.|\(\d{1,3}\))\s+(?=\S)/;
const tableBorder = /^\s*(?:\+[-=+]+\+|=+(?: +=+)+)\s*$/;
const fieldListLine = /^\s*:[^:\s`][^:`]*:(?:\s|$)/;

/** Whether to read inline markup: plain text (`text/plain`) keeps its characters. */
export interface RstOptions {
  markup: boolean;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const blank = (line: string | undefined) => line === undefined || line.trim() === "";

/** The prose blocks of a reStructuredText (or, without markup, plain-text) document. */
export function rstBlocks(
  text: string,
  options: RstOptions = { markup: true },
): DescriptionBlock[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "        ")
    .split("\n")
    .map((line) => line.trimEnd());
  const substitutions = substitutionTexts(lines);
  const inline = (raw: string) => (options.markup ? rstInline(raw, substitutions) : tidyText(raw));
  const blocks: DescriptionBlock[] = [];
  let i = 0;
  /** Skips the lines indented deeper than `base`, and blank lines among them. */
  const skipBody = (base: number) => {
    while (i < lines.length && (blank(lines[i]) || indentOf(lines[i] ?? "") > base)) i++;
  };
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const next = lines[i + 1];
    if (blank(line)) {
      i++;
    } else if (options.markup && explicitMarkup.test(line)) {
      i++;
      skipBody(indentOf(line));
    } else if (
      options.markup &&
      adornment.test(line) &&
      next !== undefined &&
      adornment.test(lines[i + 2] ?? "")
    ) {
      i += 3; // title with an overline
    } else if (
      options.markup &&
      next !== undefined &&
      !blank(line) &&
      adornment.test(next) &&
      !adornment.test(line)
    ) {
      i += 2; // title with an underline
    } else if (
      options.markup &&
      (adornment.test(line) || tableBorder.test(line) || /^\s*>>>/.test(line))
    ) {
      while (i < lines.length && !blank(lines[i])) i++; // transition, table, doctest
    } else if (options.markup && fieldListLine.test(line)) {
      i++;
      skipBody(indentOf(line));
    } else if (listItem.test(line)) {
      const items: string[] = [];
      i = readList(lines, i, items);
      const texts = items.map(inline).filter(isProse);
      if (texts.length > 0) blocks.push({ kind: "list", items: texts });
    } else {
      const start = i;
      while (i < lines.length && !blank(lines[i])) i++;
      let raw = lines
        .slice(start, i)
        .map((l) => (options.markup ? l.replace(/^\s*\|(?:\s|$)/, "") : l))
        .join(" ");
      if (options.markup && /::$/.test(raw)) {
        // A literal block follows: drop it, and the `::` (or make it `:` after a word).
        skipBody(indentOf(line));
        raw = /(?:^|\s)::$/.test(raw) ? raw.replace(/\s*::$/, "") : raw.replace(/::$/, ":");
      }
      const paragraph = inline(raw);
      if (isProse(paragraph)) blocks.push({ kind: "paragraph", text: paragraph });
    }
  }
  return blocks;
}

/** Reads a list from line `start` into `items`; returns the index of the first line after it. */
function readList(lines: readonly string[], start: number, items: string[]): number {
  const base = indentOf(lines[start] ?? "");
  let i = start;
  let current: string[] | null = null;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (blank(line)) {
      // A list goes on past a blank line with another item or an item's indented text.
      let j = i;
      while (j < lines.length && blank(lines[j])) j++;
      const after = lines[j];
      if (after === undefined || indentOf(after) < base) break;
      if (indentOf(after) === base && !listItem.test(after)) break;
      i = j;
      continue;
    }
    const item = listItem.exec(line);
    if (item !== null && indentOf(line) >= base) {
      if (current !== null) items.push(current.join(" "));
      current = [line.slice(item[0].length)];
    } else if (current !== null && indentOf(line) > base && !explicitMarkup.test(line)) {
      current.push(line.trim());
    } else if (indentOf(line) <= base) {
      break;
    }
    i++;
  }
  if (current !== null) items.push(current.join(" "));
  return i;
}

/** The text of `.. |name| replace:: text` definitions, by name. */
function substitutionTexts(lines: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of lines) {
    const match = /^\s*\.\.\s+\|([^|]+)\|\s+replace::\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) texts.set(match[1], match[2] ?? "");
  }
  return texts;
}

/** The text of a reference or role body: `text <target>` is text, `~a.b.c` is `c`. */
function referenceText(body: string): string {
  const target = /^([\s\S]*?)\s*<([^<>]*)>$/.exec(body.trim());
  const text = target === null ? body.trim() : (target[1] ?? "") || (target[2] ?? "");
  return text.startsWith("~") ? (text.split(".").pop() ?? text) : text.replace(/^!/, "");
}

/** Plain text of a paragraph's inline markup. */
export function rstInline(
  text: string,
  substitutions: ReadonlyMap<string, string> = new Map(),
): string {
  const plain = text
    // Footnote and citation references: [#]_, [1]_, [#note]_, [*]_, [CIT2002]_.
    .replace(/\s*\[(?:#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\]_/g, "")
    .replace(/``([^`]+?)``/g, "$1")
    .replace(/:[\w.+-]+(?::[\w.+-]+)*:`([^`]*)`/g, (_, body: string) => referenceText(body))
    .replace(/`([^`]*)`:[\w.+-]+:/g, (_, body: string) => referenceText(body))
    .replace(/`([^`]+)`__?/g, (_, body: string) => referenceText(body))
    .replace(/`([^`]+)`/g, "$1")
    .replace(
      /\|([^|\s](?:[^|]*[^|\s])?)\|(?:__?)?/g,
      (_, name: string) => substitutions.get(name) ?? "",
    )
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, "$1")
    .replace(/(^|[\s(["'])\*(\S(?:.*?\S)?)\*(?=$|[\s).,;:!?'"\]])/g, "$1$2")
    // Simple reference names: word_ and word__ (but not __dunder__ names).
    .replace(/(?<![\w])([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?)__?(?![\w])/g, "$1")
    .replace(/\\ /g, "")
    .replace(/\\(.)/g, "$1");
  return tidyText(plain);
}
