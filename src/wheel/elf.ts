/**
 * The dynamic-linking facts of an ELF file, read while its bytes stream past for hashing: which
 * libraries it needs and where it tells the loader to look for them. Packaging needs them to keep
 * upstream binaries honest (a build machine's RUNPATH is removed) and to tell linters what an
 * upstream binary is (a module that links no libc is upstream's choice, not a packaging fault).
 */

import { StringsCollector, type SignatureMatches, type StringSignature } from "./elf-strings.js";

/** What the dynamic section of an ELF file says, and what its strings and sections show. */
export interface ElfFacts {
  /** `ET_DYN` (shared objects, extension modules, PIE executables) or `ET_EXEC`. */
  type: "shared" | "executable" | "other";
  /** DT_NEEDED entries, in file order. */
  needed: string[];
  /** DT_RUNPATH entries, split on `:`; empty when there is none. */
  runpath: string[];
  /** DT_RPATH entries (the older tag), split on `:`. */
  rpath: string[];
  /** Whether the file has a symbol table (SHT_SYMTAB): file(1) calls it "not stripped". */
  symbols: boolean;
  /**
   * The string signatures the read was asked to look for that the file's strings hold; null when
   * the file is too large to search or its section headers could not be read.
   */
  signatures: SignatureMatches | null;
}

/** Bytes kept from the start of a file: the headers and, in practice, the dynamic string table. */
const HEAD_LIMIT = 16 * 1024 * 1024;

const PT_LOAD = 1;
const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const SHF_ALLOC = 2;
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
  /** The section header table, and the index of the section that names the sections. */
  sections: { offset: number; size: number; entrySize: number; names: number } | null;
}

/** One section header: what strip needs to know of it. */
interface Section {
  type: number;
  flags: number;
  offset: number;
  size: number;
}

/**
 * Collects an ELF file's chunks as they stream past (the start of the file, and later the
 * dynamic section once the program headers have said where it is), then reads the facts.
 * Memory stays bounded by HEAD_LIMIT plus the dynamic section, whatever the file's size.
 */
export class ElfCollector {
  private readonly chunks: { start: number; data: Buffer }[] = [];
  private header: Header | null | undefined;
  private readonly strings = new StringsCollector();
  /** Where the dynamic string table is in the file, once the dynamic section has been read. */
  private stringTable: { offset: number; size: number } | null | undefined;

  /** `signatures` are searched for in the file's strings. */
  constructor(private readonly signatures: readonly StringSignature[] = []) {}

  /** `chunk` holds the file's bytes from `offset` on. */
  add(chunk: Buffer, offset: number): void {
    if (this.signatures.length > 0) this.strings.add(chunk, offset);
    const end = offset + chunk.length;
    if (offset < HEAD_LIMIT) {
      this.chunks.push({ start: offset, data: chunk });
      return;
    }
    const header = (this.header ??= this.parseHeader());
    if (header === null) return;
    // patchelf (auditwheel) may move the dynamic string table behind the dynamic section, to
    // the end of a large file: once the dynamic section is in, where it is is known.
    if (this.stringTable === undefined && header.dynamic !== null) {
      const dynamic = this.entries(header);
      if (dynamic !== null) this.stringTable = this.stringTableRange(header, dynamic) ?? null;
    }
    const wanted = [header.dynamic, header.sections, this.stringTable];
    if (wanted.some((part) => part && offset < part.offset + part.size && end > part.offset))
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
    const sections = this.sections(header);
    // strip --strip-unneeded takes out what the loader never maps (symbols, debugging
    // information, comments) but keeps the section names.
    const removed = (sections ?? []).filter(
      (section, index) =>
        (section.flags & SHF_ALLOC) === 0 &&
        section.type !== SHT_NOBITS &&
        index !== header.sections?.names,
    );
    const facts: ElfFacts = {
      type,
      needed: [],
      runpath: [],
      rpath: [],
      symbols: (sections ?? []).some((section) => section.type === SHT_SYMTAB),
      signatures:
        sections === null || this.signatures.length === 0
          ? null
          : this.strings.finish(this.signatures, removed),
    };
    if (header.dynamic === null) return facts;
    const entries = this.entries(header);
    if (entries === null) return null;
    const table = this.stringTableRange(header, entries);
    if (table === undefined) return facts;
    if (table === null) return null;
    const strings = this.bytes(table.offset, table.size);
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

  /** The dynamic section's entries (tag, value), or null when its bytes were not kept. */
  private entries(header: Header): [number, number][] | null {
    if (header.dynamic === null) return [];
    const dynamic = this.bytes(header.dynamic.offset, header.dynamic.size);
    if (dynamic === null) return null;
    const entrySize = header.wide ? 16 : 8;
    const entries: [number, number][] = [];
    for (let at = 0; at + entrySize <= dynamic.length; at += entrySize) {
      const tag = this.word(dynamic, at, header);
      if (tag === 0) break;
      entries.push([tag, this.word(dynamic, at + entrySize / 2, header)]);
    }
    return entries;
  }

  /**
   * Where in the file the dynamic string table is: undefined when the dynamic section names
   * none, null when no loaded segment holds the address it gives.
   */
  private stringTableRange(
    header: Header,
    entries: readonly [number, number][],
  ): { offset: number; size: number } | null | undefined {
    const strtab = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
    const strsz = entries.find(([tag]) => tag === DT_STRSZ)?.[1];
    if (strtab === undefined || strsz === undefined) return undefined;
    const load = header.loads.find((l) => strtab >= l.vaddr && strtab < l.vaddr + l.size);
    if (load === undefined) return null;
    return { offset: strtab - load.vaddr + load.offset, size: strsz };
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
      sections: null,
    };
    const shoff = this.word(ident, wide ? 40 : 32, header, wide);
    const shentsize = u16(ident, wide ? 58 : 46);
    const shnum = u16(ident, wide ? 60 : 48);
    if (shoff > 0 && shnum > 0 && shentsize >= (wide ? 64 : 40)) {
      header.sections = {
        offset: shoff,
        size: shentsize * shnum,
        entrySize: shentsize,
        names: u16(ident, wide ? 62 : 50),
      };
    }
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

  /** The section headers (none for a file without them), or null when they were not kept. */
  private sections(header: Header): Section[] | null {
    if (header.sections === null) return [];
    const { offset, size, entrySize } = header.sections;
    const table = this.bytes(offset, size);
    if (table === null) return null;
    const u32 = (at: number) => (header.little ? table.readUInt32LE(at) : table.readUInt32BE(at));
    const sections: Section[] = [];
    for (let at = 0; at + entrySize <= table.length; at += entrySize) {
      const wide = header.wide;
      sections.push({
        type: u32(at + 4),
        flags: wide ? this.word(table, at + 8, header) : u32(at + 8),
        offset: this.word(table, at + (wide ? 24 : 16), header),
        size: this.word(table, at + (wide ? 32 : 20), header),
      });
    }
    return sections;
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
