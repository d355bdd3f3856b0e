/**
 * Where each key of a TOML document is written. smol-toml reports positions only for syntax
 * errors, so a schema error ("mapping.extras: expected one of …") finds its line and column here:
 * one pass over text that smol-toml has already accepted, recording the first place each key path
 * appears (table headers, dotted keys, inline tables and array elements alike).
 */

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A path into the document: table keys and array indices. */
export type KeyPath = readonly (string | number)[];

/** `mapping.targets.debian-12.rename[0].pattern`; keys that are not bare TOML keys are quoted. */
export function formatKeyPath(path: KeyPath): string {
  return path
    .map((part) =>
      typeof part === "number"
        ? `[${part}]`
        : `.${/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)}`,
    )
    .join("")
    .replace(/^\./, "");
}

/** The position of every key path (formatted with {@link formatKeyPath}) in valid TOML text. */
export function keyPositions(text: string): ReadonlyMap<string, Position> {
  const scanner = new KeyScanner(text);
  scanner.document();
  return scanner.positions;
}

/** The position of `path`, or of its closest recorded ancestor (line 1 for the root). */
export function positionOf(positions: ReadonlyMap<string, Position>, path: KeyPath): Position {
  for (let length = path.length; length > 0; length--) {
    const found = positions.get(formatKeyPath(path.slice(0, length)));
    if (found !== undefined) return found;
  }
  return { line: 1, column: 1 };
}

const ESCAPES: Readonly<Record<string, string>> = {
  b: "\b",
  t: "\t",
  n: "\n",
  f: "\f",
  r: "\r",
  e: "\x1b",
  '"': '"',
  "\\": "\\",
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

class KeyScanner {
  readonly positions = new Map<string, Position>();
  /** Array-of-tables path → how many `[[…]]` headers it has had so far. */
  private readonly arrayTables = new Map<string, number>();
  private index = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly text: string) {
    if (text.startsWith("\uFEFF")) this.index = 1;
  }

  document(): void {
    let table: KeyPath = [];
    for (;;) {
      this.skipBlank();
      if (this.atEnd()) return;
      if (this.text.startsWith("[[", this.index)) {
        const at = this.here();
        this.advance(2);
        table = this.tablePath(this.keyParts(), at);
        this.skipSpace();
        this.advance(2);
      } else if (this.peek() === "[") {
        this.advance();
        table = this.tablePath(this.keyParts(), null);
        this.skipSpace();
        this.advance();
      } else {
        this.keyValue(table);
      }
    }
  }

  /**
   * The path a header opens. A key that names an array of tables means its latest element; the
   * last key of a `[[…]]` header (`arrayAt` set) starts a new element.
   */
  private tablePath(parts: { name: string; at: Position }[], arrayAt: Position | null): KeyPath {
    const path: (string | number)[] = [];
    parts.forEach(({ name, at }, i) => {
      path.push(name);
      this.record(path, at);
      const key = formatKeyPath(path);
      const count = this.arrayTables.get(key);
      if (arrayAt !== null && i === parts.length - 1) {
        this.arrayTables.set(key, (count ?? 0) + 1);
        path.push(count ?? 0);
        this.record(path, arrayAt);
      } else if (count !== undefined) {
        path.push(count - 1);
      }
    });
    return path;
  }

  private keyValue(table: KeyPath): void {
    const path = [...table];
    for (const { name, at } of this.keyParts()) {
      path.push(name);
      this.record(path, at);
    }
    this.skipSpace();
    this.advance(); // "="
    this.skipSpace();
    this.value(path);
  }

  private value(path: KeyPath): void {
    const quote = this.peek();
    if (this.text.startsWith('"""', this.index) || this.text.startsWith("'''", this.index)) {
      const delimiter = quote.repeat(3);
      this.advance(3);
      while (!this.atEnd() && !this.text.startsWith(delimiter, this.index)) {
        this.advance(this.peek() === "\\" && quote === '"' ? 2 : 1);
      }
      // Up to two quotes may end the content right before the closing delimiter.
      while (this.text.startsWith(quote + delimiter, this.index)) this.advance();
      this.advance(3);
    } else if (quote === '"' || quote === "'") {
      this.quoted();
    } else if (quote === "[") {
      this.advance();
      for (let i = 0; ; i++) {
        this.skipBlank();
        if (this.peek() === "]" || this.atEnd()) break;
        this.record([...path, i], this.here());
        this.value([...path, i]);
        this.skipBlank();
        if (this.peek() === ",") this.advance();
      }
      this.advance();
    } else if (quote === "{") {
      this.advance();
      for (;;) {
        this.skipBlank();
        if (this.peek() === "}" || this.atEnd()) break;
        this.keyValue(path);
        this.skipBlank();
        if (this.peek() === ",") this.advance();
      }
      this.advance();
    } else {
      while (!this.atEnd() && !",]}\r\n#".includes(this.peek())) this.advance();
    }
  }

  private keyParts(): { name: string; at: Position }[] {
    const parts: { name: string; at: Position }[] = [];
    for (;;) {
      this.skipSpace();
      const at = this.here();
      let name = "";
      if (this.peek() === '"' || this.peek() === "'") {
        name = this.quoted();
      } else {
        while (/[A-Za-z0-9_-]/.test(this.peek())) {
          name += this.peek();
          this.advance();
        }
      }
      parts.push({ name, at });
      this.skipSpace();
      if (this.peek() !== ".") return parts;
      this.advance();
    }
  }

  /** A one-line basic or literal string; returns its value (escapes decoded in basic ones). */
  private quoted(): string {
    const quote = this.peek();
    this.advance();
    let value = "";
    while (this.peek() !== quote && !this.atEnd()) {
      const char = this.peek();
      this.advance();
      if (char !== "\\" || quote === "'") {
        value += char;
        continue;
      }
      const escape = this.peek();
      this.advance();
      const digits = HEX_DIGITS[escape];
      if (digits === undefined) {
        value += ESCAPES[escape] ?? escape;
        continue;
      }
      value += String.fromCodePoint(parseInt(this.text.slice(this.index, this.index + digits), 16));
      this.advance(digits);
    }
    this.advance();
    return value;
  }

  private record(path: KeyPath, at: Position): void {
    const key = formatKeyPath(path);
    if (!this.positions.has(key)) this.positions.set(key, at);
  }

  private skipSpace(): void {
    while (this.peek() === " " || this.peek() === "\t") this.advance();
  }

  /** Spaces, comments and line breaks. */
  private skipBlank(): void {
    for (;;) {
      this.skipSpace();
      if (this.peek() === "#") {
        while (!this.atEnd() && this.peek() !== "\n") this.advance();
      }
      if (this.peek() !== "\n" && this.peek() !== "\r") return;
      this.advance();
    }
  }

  private atEnd(): boolean {
    return this.index >= this.text.length;
  }

  private peek(): string {
    return this.text[this.index] ?? "";
  }

  private here(): Position {
    return { line: this.line, column: this.column };
  }

  private advance(count = 1): void {
    for (let i = 0; i < count && this.index < this.text.length; i++) {
      if (this.text[this.index] === "\n") {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
      this.index++;
    }
  }
}
