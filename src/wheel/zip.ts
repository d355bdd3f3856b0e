/**
 * The zip layer of the wheel reader, and the only place wheel2pkg uses yauzl. It lists members
 * from the central directory, refuses archives that are unsafe to unpack (path traversal,
 * symlinks, duplicates, zip bombs), reads small members, and hashes members without buffering.
 */
import fs from "node:fs";
import yauzl from "yauzl";
import { InternalError, WheelError, type Location } from "../errors.js";
import { WindowedFileReader } from "./file-reader.js";
import type { WheelLimits } from "./types.js";
import { checkDeclaredSizes, toMember, zipError } from "./zip-checks.js";
import { limitError, resolveLimits } from "./zip-limits.js";
import { hashEntry, readEntry, type MemberDigest } from "./zip-streams.js";

/** One member of the archive, as the central directory describes it (names validated). */
export interface ZipMember {
  /** Path inside the zip: relative, `/`-separated, no `..`; directories end with `/`. */
  name: string;
  directory: boolean;
  /** Declared uncompressed size; reads fail when the data disagrees. */
  size: number;
  compressedSize: number;
  /** Any execute bit set in the unix mode of the external attributes. */
  executable: boolean;
  /** Offset of the member's local header: reading in this order reads the file front to back. */
  offset: number;
}

/** Options of {@link WheelZip.open}. */
export interface OpenZipOptions {
  /** Refuse the archive past these limits (each unset one takes its default). */
  limits?: Partial<WheelLimits>;
}

/** An open wheel archive. Close it with {@link WheelZip.close} (also after errors). */
export class WheelZip {
  private readonly closed: Promise<void>;
  private readonly byName: ReadonlyMap<string, ZipMember>;

  private constructor(
    /** Path of the archive on disk. */
    readonly path: string,
    /** Size of the archive file in bytes. */
    readonly size: number,
    /** Members in central-directory order. */
    readonly members: readonly ZipMember[],
    private readonly zipfile: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {
    this.closed = new Promise((resolve) =>
      zipfile.once("close", () => {
        resolve();
      }),
    );
    this.byName = new Map(members.map((member) => [member.name, member]));
  }

  /**
   * Opens a zip and reads its central directory. Throws WheelError for a file that is not a zip
   * (or is truncated), unsafe or duplicate member names, symlinks and other non-regular members,
   * encrypted or non-deflate members, and archives past the limits: too many members (refused
   * from the end record's count, before any is listed), too much declared data in all, or a
   * member declaring a ratio no real file reaches. Nothing is inflated before these checks.
   */
  static async open(path: string, options: OpenZipOptions = {}): Promise<WheelZip> {
    const where: Location = { file: path };
    const fd = await new Promise<number>((resolve, reject) => {
      fs.open(path, "r", (error, opened) => {
        if (error) reject(new WheelError(`cannot open the wheel: ${error.message}`, where));
        else resolve(opened);
      });
    });
    let zipfile: yauzl.ZipFile | undefined;
    try {
      const { size } = fs.fstatSync(fd);
      const reader = new WindowedFileReader(fd, size);
      zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
        yauzl.fromRandomAccessReader(
          reader,
          size,
          {
            autoClose: false,
            lazyEntries: true,
            decodeStrings: true,
            validateEntrySizes: true,
            strictFileNames: true,
          },
          (error, opened) => {
            if (error) reject(zipError(error, where));
            else resolve(opened);
          },
        );
      });
      const limits = resolveLimits(options.limits);
      // yauzl reads exactly as many records as the end record says: refuse before reading one.
      if (zipfile.entryCount > limits.members) {
        throw limitError(
          "members",
          `the wheel has ${zipfile.entryCount} members, more than the ${limits.members} allowed`,
          where,
        );
      }
      const entries = await listEntries(zipfile, limits, where);
      const members = entries.map((entry) => toMember(entry, where));
      return new WheelZip(
        path,
        size,
        members,
        zipfile,
        new Map(entries.map((entry) => [entry.fileName, entry])),
      );
    } catch (error) {
      // yauzl took the descriptor only once it opened; before that it is still ours to close.
      if (zipfile === undefined) fs.close(fd, () => undefined);
      else zipfile.close();
      throw error;
    }
  }

  /** The member with this exact name, if any. */
  member(name: string): ZipMember | undefined {
    return this.byName.get(name);
  }

  /** Reads a member into memory; refuses one that declares more than `maxSize` bytes. */
  async read(member: ZipMember, maxSize: number): Promise<Buffer> {
    const where = { file: this.path, member: member.name };
    if (member.size > maxSize) {
      throw new WheelError(
        `member is ${member.size} bytes, more than the ${maxSize} allowed for it`,
        where,
      );
    }
    return readEntry(this.zipfile, this.entryOf(member), where);
  }

  /**
   * Hashes a member's uncompressed bytes with memory bounded by 4 MiB: smaller members are
   * inflated in one call, larger ones stream through in 1 MiB chunks. Returns the urlsafe-base64
   * digest without padding, as RECORD writes it, and the real size; a size that differs from the
   * declared one is an error.
   */
  async digest(member: ZipMember, algorithm: string): Promise<MemberDigest> {
    return hashEntry(this.zipfile, this.entryOf(member), algorithm, {
      file: this.path,
      member: member.name,
    });
  }

  /**
   * Last-modified time of a member: its extended timestamp if present, else the DOS time read as
   * UTC (not local time: the same wheel must give the same date on every machine).
   */
  modified(member: ZipMember): Date {
    return this.entryOf(member).getLastModDate({ timezone: "UTC" });
  }

  /** Closes the archive and waits for its file descriptor to be released. */
  async close(): Promise<void> {
    if (this.zipfile.isOpen) this.zipfile.close();
    await this.closed;
  }

  private entryOf(member: ZipMember): yauzl.Entry {
    const entry = this.entries.get(member.name);
    if (entry === undefined)
      throw new InternalError(`${member.name} is not a member of ${this.path}`);
    return entry;
  }
}

/**
 * Every central-directory record, in order, each checked as it is read (yauzl has validated the
 * names); the first refusal stops the listing.
 */
function listEntries(
  zipfile: yauzl.ZipFile,
  limits: WheelLimits,
  where: Location,
): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    const names = new Set<string>();
    let unpacked = 0;
    zipfile.on("entry", (entry: yauzl.Entry) => {
      try {
        if (names.has(entry.fileName)) {
          throw new WheelError("member appears twice in the archive", {
            ...where,
            member: entry.fileName,
          });
        }
        names.add(entry.fileName);
        unpacked = checkDeclaredSizes(entry, unpacked, limits, where);
      } catch (error) {
        reject(zipError(error, where));
        return;
      }
      entries.push(entry);
      zipfile.readEntry();
    });
    zipfile.once("end", () => {
      resolve(entries);
    });
    zipfile.once("error", (error: Error) => {
      reject(zipError(error, where));
    });
    zipfile.readEntry();
  });
}
