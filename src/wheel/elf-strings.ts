/**
 * The printable strings of an ELF file, as `strings --all` lists them, gathered while the file's
 * bytes stream past for hashing, and searched for signatures: patterns that a linter looks for in
 * that list (lintian's `embedded-library` searches it for texts of well-known libraries).
 */

/** A named pattern searched for in a file's strings, one string a line as strings(1) prints them. */
export interface StringSignature {
  name: string;
  pattern: RegExp;
}

/** The signatures found in a file, in what it holds now and in what `strip` would keep of it. */
export interface SignatureMatches {
  /** Found in the file as it is. */
  whole: string[];
  /** Found in the sections `strip --strip-unneeded` keeps (the same as `whole` for a stripped file). */
  stripped: string[];
}

/** strings(1)'s shortest run. */
const MIN_LENGTH = 4;
/** Most characters of strings kept for one file; past it, the file is not searched. */
const TEXT_LIMIT = 64 * 1024 * 1024;
/** A run of strings(1)'s printable characters (default encoding: ASCII graphic, space, tab). */
const RUN = /[\t\x20-\x7e]{4,}/g;

function printable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || code === 0x09;
}

/** Collects a file's strings chunk by chunk; memory is bounded by {@link TEXT_LIMIT}. */
export class StringsCollector {
  /** The runs, and where each starts in the file. */
  private readonly texts: string[] = [];
  private readonly offsets: number[] = [];
  private size = 0;
  private overflow = false;
  /** The run still open at the end of the last chunk. */
  private open: { offset: number; parts: string[] } | null = null;

  /** `chunk` holds the file's bytes from `offset` on. */
  add(chunk: Buffer, offset: number): void {
    if (this.overflow) return;
    // One byte is one character in latin1, and the regular expression engine finds the runs far
    // faster than a loop over the bytes.
    const text = chunk.toString("latin1");
    let start = 0;
    if (this.open !== null) {
      while (start < text.length && printable(text.charCodeAt(start))) start++;
      this.open.parts.push(text.slice(0, start));
      if (start === text.length) return;
      this.flush();
    }
    // A run that reaches the end of the chunk may go on in the next one.
    let end = text.length;
    while (end > start && printable(text.charCodeAt(end - 1))) end--;
    RUN.lastIndex = start;
    for (let match = RUN.exec(text); match !== null && match.index < end; match = RUN.exec(text))
      this.keep(offset + match.index, match[0]);
    if (end < text.length) this.open = { offset: offset + end, parts: [text.slice(end)] };
  }

  private keep(offset: number, text: string): void {
    if (text.length < MIN_LENGTH) return;
    this.size += text.length + 1;
    if (this.size > TEXT_LIMIT) {
      this.overflow = true;
      this.texts.length = 0;
      this.offsets.length = 0;
      return;
    }
    this.texts.push(text);
    this.offsets.push(offset);
  }

  /** Ends the run left open at the end of the last chunk. */
  private flush(): void {
    if (this.open === null) return;
    const { offset, parts } = this.open;
    this.open = null;
    this.keep(offset, parts.join(""));
  }

  /** What strings(1) prints for the bytes added so far (null past the size limit). */
  output(): string | null {
    this.flush();
    return this.overflow ? null : lines(this.texts);
  }

  /**
   * The signatures found, or null when the file's strings were too many to keep. `removed` are
   * the byte ranges `strip` takes out of the file; a run is kept when it starts outside them.
   */
  finish(
    signatures: readonly StringSignature[],
    removed: readonly { offset: number; size: number }[],
  ): SignatureMatches | null {
    this.flush();
    if (this.overflow) return null;
    // lintian matches its patterns against the whole of strings(1)'s output.
    const search = (output: string) =>
      signatures.filter((s) => s.pattern.test(output)).map((s) => s.name);
    const whole = search(lines(this.texts));
    // What strip keeps holds no signature the whole file lacks.
    if (whole.length === 0 || removed.length === 0) return { whole, stripped: whole };
    const kept = this.texts.filter((_, i) => {
      const at = this.offsets[i] ?? 0;
      return !removed.some((range) => at >= range.offset && at < range.offset + range.size);
    });
    return { whole, stripped: search(lines(kept)) };
  }
}

/** strings(1)'s output: every string on a line of its own. */
function lines(texts: readonly string[]): string {
  return texts.length === 0 ? "" : `${texts.join("\n")}\n`;
}
