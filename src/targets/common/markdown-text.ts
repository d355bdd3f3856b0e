import { Lexer, type Token, type Tokens } from "marked";
import type { DescriptionBlock } from "./description-blocks.js";
import { decodeEntities } from "../../html-entities.js";
import { tidyText } from "./description-blocks.js";

/**
 * Markdown (CommonMark with GitHub's extensions, as PyPI renders it) read with marked's lexer and
 * turned into prose blocks: paragraphs and lists keep their text; headings, code, HTML, tables,
 * images (badges) and link definitions are markup and go.
 */

/** The prose blocks of a Markdown document. */
export function markdownBlocks(text: string): DescriptionBlock[] {
  const tokens = new Lexer({ gfm: true }).lex(text);
  return tokens.flatMap(blockOf);
}

function blockOf(token: Token): DescriptionBlock[] {
  switch (token.type) {
    case "paragraph":
    case "text": {
      const text = inlineText((token as Tokens.Paragraph).tokens);
      return text === "" ? [] : [{ kind: "paragraph", text }];
    }
    case "list": {
      // A list of nothing but links is a navigation bar (Website, Documentation, …).
      if ((token as Tokens.List).items.every(isOnlyLinks)) return [];
      const items = listItems(token as Tokens.List);
      return items.length === 0 ? [] : [{ kind: "list", items }];
    }
    case "blockquote":
      return (token as Tokens.Blockquote).tokens.flatMap(blockOf);
    default:
      // heading, code, html, table, hr, def, space: markup, not prose.
      return [];
  }
}

/** Whether a list item holds links and nothing else. */
function isOnlyLinks(item: Tokens.ListItem): boolean {
  const inline = item.tokens.flatMap((child) => (child as Tokens.Text).tokens ?? []);
  return (
    inline.some((token) => token.type === "link") &&
    inline.every((token) => token.type === "link" || token.raw.trim() === "")
  );
}

/** A list's items as one line of text each; a nested list's items follow their parent's. */
function listItems(list: Tokens.List): string[] {
  return list.items.flatMap((item) => {
    const own: string[] = [];
    const nested: string[] = [];
    for (const child of item.tokens) {
      if (child.type === "list") nested.push(...listItems(child as Tokens.List));
      else if (child.type === "text" || child.type === "paragraph") {
        const text = inlineText((child as Tokens.Text).tokens ?? []);
        if (text !== "") own.push(text);
      }
    }
    const text = tidyText(own.join(" "));
    return [...(text === "" ? [] : [text]), ...nested];
  });
}

/** The plain text of inline tokens: links keep their text, images and HTML tags go. */
function inlineText(tokens: readonly Token[] | undefined): string {
  return tidyText((tokens ?? []).map(inlineOf).join(""));
}

function inlineOf(token: Token): string {
  switch (token.type) {
    case "text":
    case "escape":
    case "codespan": {
      const nested = (token as Tokens.Text).tokens;
      return nested === undefined
        ? decodeEntities((token as Tokens.Text).text)
        : inlineText(nested);
    }
    case "strong":
    case "em":
    case "del":
    case "link":
      return inlineText((token as Tokens.Strong).tokens);
    case "br":
      return " ";
    default:
      // image, html: not text.
      return "";
  }
}
