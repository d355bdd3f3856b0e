/**
 * Shared pieces of the hand-written PEP 440 / PEP 508 parsers: a position-aware error and a
 * small character scanner. Positions are offsets into the whole text the user gave (a full
 * requirement, not just its marker), so an error can point at the exact column.
 */
import { UserError } from "../errors.js";

/** Text that does not follow its grammar (a requirement, marker, specifier or version). */
export class ParseError extends UserError {
  override name = "ParseError";
  /** What was being parsed, e.g. `requirement`, `marker`, `version specifier`. */
  readonly what: string;
  /** The whole text that was being parsed. */
  readonly text: string;
  /** 0-based offset into `text` where the problem was found. */
  readonly position: number;
  /** The problem alone, without the text and position. */
  readonly reason: string;

  constructor(what: string, text: string, position: number, reason: string) {
    super(`invalid ${what} ${JSON.stringify(text)}: ${reason} (at column ${position + 1})`);
    this.what = what;
    this.text = text;
    this.position = position;
    this.reason = reason;
  }
}

/** PEP 508 `wsp`: only spaces and tabs separate tokens. */
const WHITESPACE = /[ \t]/;

/** A cursor over a text, with the helpers the recursive-descent parsers need. */
export class Scanner {
  position: number;

  constructor(
    readonly text: string,
    readonly what: string,
    start = 0,
    /** Offset one past the last character this scanner may read. */
    readonly end = text.length,
  ) {
    this.position = start;
  }

  /** True when every character up to `end` has been consumed. */
  atEnd(): boolean {
    return this.position >= this.end;
  }

  /** The next character, or "" at the end. */
  peek(offset = 0): string {
    const at = this.position + offset;
    return at < this.end ? (this.text[at] ?? "") : "";
  }

  /** True when the text at the cursor starts with `literal` (within `end`). */
  startsWith(literal: string): boolean {
    return (
      this.position + literal.length <= this.end && this.text.startsWith(literal, this.position)
    );
  }

  /** Consumes `literal` if it is next; returns whether it did. */
  accept(literal: string): boolean {
    if (!this.startsWith(literal)) return false;
    this.position += literal.length;
    return true;
  }

  /** Skips spaces and tabs; returns whether any were skipped. */
  skipSpace(): boolean {
    const start = this.position;
    while (!this.atEnd() && WHITESPACE.test(this.peek())) this.position++;
    return this.position > start;
  }

  /** Consumes the longest run of characters matching `pattern` (one character each). */
  takeWhile(pattern: RegExp): string {
    const start = this.position;
    while (!this.atEnd() && pattern.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  /** A ParseError at `position` (default: the cursor), to be thrown by the caller. */
  error(reason: string, position = this.position): ParseError {
    return new ParseError(this.what, this.text, position, reason);
  }

  /** Describes the next character for error messages: `"x"` or `end of text`. */
  describeNext(): string {
    return this.atEnd() ? "end of text" : JSON.stringify(this.peek());
  }
}
