/**
 * The dynamic-linking facts of an ELF file, read while its bytes stream past for hashing: which
 * libraries it needs and where it tells the loader to look for them. Packaging needs them to keep
 * upstream binaries honest (a build machine's RUNPATH is removed) and to tell linters what an
 * upstream binary is (a module that links no libc is upstream's choice, not a packaging fault).
 */

/** What the dynamic section of an ELF file says. */
export interface ElfFacts {
  /** `ET_DYN` (shared objects, extension modules, PIE executables) or `ET_EXEC`. */
  type: "shared" | "executable" | "other";
  /** DT_NEEDED entries, in file order. */
  needed: string[];
  /** DT_RUNPATH entries, split on `:`; empty when there is none. */
  runpath: string[];
  /** DT_RPATH entries (the older tag), split on `:`. */
  rpath: string[];
}

/** Bytes kept from the start of a file: the headers and, in practice, the dynamic string table. */
const HEAD_LIMIT = 16 * 1024 * 1024;

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_RPATH = 15;
const DT_RUNPATH = 29;

/** True when a file's first bytes are the ELF magic. */
export function isElfHead(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46;
}

interface Header {
  wide: boolean;
  little: boolean;
  type: number;
  loads: { offset: number; vaddr: number; size: number }[];
  dynamic: { offset: number; size: number } | null;
}

/**
 * Collects an ELF file's chunks as they stream past (the start of the file, and later the
 * dynamic section once the program headers have said where it is), then reads the facts.
 * Memory stays bounded by HEAD_LIMIT plus the dynamic section, whatever the file's size.
 */
export class ElfCollector {
  private readonly chunks: { start: number; data: Buffer }[] = [];
  private header: Header | null | undefined;

  /** `chunk` holds the file's bytes from `offset` on. */
  add(chunk: Buffer, offset: number): void {
    const end = offset + chunk.length;
    if (offset < HEAD_LIMIT) {
      this.chunks.push({ start: offset, data: chunk });
      return;
    }
    this.header ??= this.parseHeader();
    const dynamic = this.header?.dynamic;
    if (dynamic && offset < dynamic.offset + dynamic.size && end > dynamic.offset)
      this.chunks.push({ start: offset, data: chunk });
  }

  /** The facts, or null when the file is not a well-formed ELF file with what we need. */
  finish(): ElfFacts | null {
    try {
      return this.read();
    } catch {
      // A truncated or malformed file: it is upstream's bytes, not ours to reject.
      return null;
    }
  }

  private read(): ElfFacts | null {
    const header = (this.header ??= this.parseHeader());
    if (header === null) return null;
    const type = header.type === 3 ? "shared" : header.type === 2 ? "executable" : "other";
    const facts: ElfFacts = { type, needed: [], runpath: [], rpath: [] };
    if (header.dynamic === null) return facts;
    const dynamic = this.bytes(header.dynamic.offset, header.dynamic.size);
    if (dynamic === null) return null;
    const entrySize = header.wide ? 16 : 8;
    const entries: [number, number][] = [];
    for (let at = 0; at + entrySize <= dynamic.length; at += entrySize) {
      const tag = this.word(dynamic, at, header);
      if (tag === 0) break;
      entries.push([tag, this.word(dynamic, at + entrySize / 2, header)]);
    }
    const strtab = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
    const strsz = entries.find(([tag]) => tag === DT_STRSZ)?.[1];
    if (strtab === undefined || strsz === undefined) return facts;
    const load = header.loads.find((l) => strtab >= l.vaddr && strtab < l.vaddr + l.size);
    if (load === undefined) return null;
    const strings = this.bytes(strtab - load.vaddr + load.offset, strsz);
    if (strings === null) return null;
    const text = (at: number) => {
      const end = strings.indexOf(0, at);
      return strings.toString("utf8", at, end === -1 ? strings.length : end);
    };
    for (const [tag, value] of entries) {
      if (tag === DT_NEEDED) facts.needed.push(text(value));
      else if (tag === DT_RUNPATH) facts.runpath.push(...text(value).split(":"));
      else if (tag === DT_RPATH) facts.rpath.push(...text(value).split(":"));
    }
    return facts;
  }

  private parseHeader(): Header | null {
    const ident = this.bytes(0, 64);
    if (ident === null || !isElfHead(ident)) return null;
    const wide = ident[4] === 2;
    const little = ident[5] === 1;
    if ((!wide && ident[4] !== 1) || (!little && ident[5] !== 2)) return null;
    const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const header: Header = {
      wide,
      little,
      type: u16(ident, 16),
      loads: [],
      dynamic: null,
    };
    const phoff = this.word(ident, wide ? 32 : 28, header, wide);
    const phentsize = u16(ident, wide ? 54 : 42);
    const phnum = u16(ident, wide ? 56 : 44);
    const table = this.bytes(phoff, phentsize * phnum);
    if (table === null || phentsize < (wide ? 56 : 32)) return null;
    for (let i = 0; i < phnum; i++) {
      const at = i * phentsize;
      const kind = little ? table.readUInt32LE(at) : table.readUInt32BE(at);
      const offset = this.word(table, at + (wide ? 8 : 4), header, wide);
      const vaddr = this.word(table, at + (wide ? 16 : 8), header, wide);
      const size = this.word(table, at + (wide ? 32 : 16), header, wide);
      if (kind === PT_LOAD) header.loads.push({ offset, vaddr, size });
      else if (kind === PT_DYNAMIC) header.dynamic = { offset, size };
    }
    return header;
  }

  /** An address-sized (or, with `wide` given, that-sized) unsigned word. */
  private word(buffer: Buffer, at: number, header: Header, wide = header.wide): number {
    if (!wide) return header.little ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
    const value = header.little ? buffer.readBigUInt64LE(at) : buffer.readBigUInt64BE(at);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  /** The file's bytes [offset, offset + length), or null when they were not kept. */
  private bytes(offset: number, length: number): Buffer | null {
    if (length > HEAD_LIMIT) return null;
    const out = Buffer.alloc(length);
    let filled = 0;
    for (const { start, data } of this.chunks) {
      const from = Math.max(offset, start);
      const to = Math.min(offset + length, start + data.length);
      if (from >= to) continue;
      data.copy(out, from - offset, from - start, to - start);
      filled += to - from;
    }
    return filled === length ? out : null;
  }
}
