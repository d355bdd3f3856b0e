/**
 * Streaming a wheel's files to a consumer that writes them on (a package archive), each checked
 * against RECORD as its bytes pass: what a builder ships is what the wheel's RECORD vouches for,
 * even when the file changed on disk since it was planned.
 */
import { createHash } from "node:crypto";
import { WheelError, type Location } from "../errors.js";
import { parseWheelFilename } from "./filename.js";
import { findDirectories } from "./layout.js";
import { decodeUtf8 } from "./metadata-file.js";
import { parseRecord } from "./record.js";
import type { RecordEntry, WheelLimits } from "./types.js";
import { WheelZip } from "./zip.js";

const MiB = 1024 * 1024;

/** A wheel opened to stream its files. Close it with {@link WheelFiles.close}, also after errors. */
export class WheelFiles {
  private constructor(
    private readonly zip: WheelZip,
    private readonly record: ReadonlyMap<string, RecordEntry>,
  ) {}

  /** Opens a wheel and reads its RECORD; the archive is checked as {@link readWheel} checks it. */
  static async open(path: string, limits: Partial<WheelLimits> = {}): Promise<WheelFiles> {
    const zip = await WheelZip.open(path, { limits });
    try {
      const { distInfoDir } = findDirectories(zip.members, parseWheelFilename(path), {
        file: path,
      });
      const where = { file: path, member: `${distInfoDir}/RECORD` };
      const member = zip.member(`${distInfoDir}/RECORD`);
      if (member === undefined) throw new WheelError("the wheel has no RECORD file", where);
      const rows = parseRecord(decodeUtf8(await zip.read(member, 64 * MiB), where), where);
      return new WheelFiles(zip, new Map(rows.map((row) => [row.path, row])));
    } catch (error) {
      await zip.close();
      throw error;
    }
  }

  /**
   * Whether RECORD lists exactly `rows` (paths, hashes, sizes): then a member streamed from here
   * is the member a verified read of a wheel with those rows looked at.
   */
  hasRecord(rows: readonly RecordEntry[]): boolean {
    if (rows.length !== this.record.size) return false;
    return rows.every((row) => {
      const own = this.record.get(row.path);
      return (
        own !== undefined &&
        own.size === row.size &&
        own.hash?.algorithm === row.hash?.algorithm &&
        own.hash?.digest === row.hash?.digest
      );
    });
  }

  /** The files' names in central-directory order (directories left out). */
  get names(): string[] {
    return this.zip.members.filter((m) => !m.directory).map((m) => m.name);
  }

  /** A file's size as the central directory declares it (the bytes streamed always match it). */
  size(name: string): number {
    return this.file(name).size;
  }

  /**
   * Feeds a file's bytes to `use` chunk by chunk, awaiting what it returns, and checks them
   * against RECORD's hash once they are all through. A mismatch (or a corrupt member) throws
   * WheelError after `use` has seen the bytes: the consumer must discard what it wrote.
   */
  async pipe(name: string, use: (chunk: Buffer) => unknown): Promise<void> {
    const member = this.file(name);
    const where: Location = { file: this.zip.path, member: name };
    const expected = this.record.get(name)?.hash ?? null;
    if (expected === null) throw new WheelError("has no hash in RECORD", where);
    const hash = createHash(expected.algorithm);
    await this.zip.inflate(member, (chunk) => {
      hash.update(chunk);
      return use(chunk);
    });
    const digest = hash.digest("base64url");
    if (digest !== expected.digest) {
      throw new WheelError(
        `${expected.algorithm} mismatch: RECORD says ${expected.digest}, the file has ${digest}`,
        where,
      );
    }
  }

  /** A whole file in memory (checked against RECORD); refuses one larger than `maxSize`. */
  async read(name: string, maxSize = 64 * MiB): Promise<Buffer> {
    const size = this.size(name);
    if (size > maxSize) {
      throw new WheelError(`member is ${size} bytes, more than the ${maxSize} allowed for it`, {
        file: this.zip.path,
        member: name,
      });
    }
    const chunks: Buffer[] = [];
    await this.pipe(name, (chunk) => chunks.push(Buffer.from(chunk)));
    return Buffer.concat(chunks);
  }

  /** Closes the archive. */
  close(): Promise<void> {
    return this.zip.close();
  }

  private file(name: string) {
    const member = this.zip.member(name);
    if (member === undefined || member.directory) {
      throw new WheelError("no such file in the wheel", { file: this.zip.path, member: name });
    }
    return member;
  }
}
