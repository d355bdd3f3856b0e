/**
 * The zip layer of the wheel reader, and the only place wheel2pkg uses yauzl. It lists members
 * from the central directory, refuses archives that are unsafe to unpack (path traversal,
 * symlinks, duplicates, zip bombs), reads small members, and hashes members without buffering.
 */
import fs from "node:fs";
import yauzl from "yauzl";
import { asFileSystemError, UserError, WheelError, type Location } from "../errors.js";
import { WindowedFileReader } from "./file-reader.js";
import type { WheelLimits } from "./types.js";
import { checkDeclaredSizes, setEnds, toMember, zipError } from "./zip-checks.js";
import { limitError, resolveLimits } from "./zip-limits.js";
import type { ZipMember } from "./zip-member.js";
import {
  hashMember,
  inflateMember,
  readMember,
  type ContentWatch,
  type MemberDigest,
} from "./zip-streams.js";

/** Options of {@link WheelZip.open}. */
export interface OpenZipOptions {
  /** Refuse the archive past these limits (each unset one takes its default). */
  limits?: Partial<WheelLimits>;
}

/** An open wheel archive. Close it with {@link WheelZip.close} (also after errors). */
export class WheelZip {
  private readonly closed: Promise<void>;

  private constructor(
    /** Path of the archive on disk. */
    readonly path: string,
    /** Members in central-directory order. */
    readonly members: readonly ZipMember[],
    private readonly byName: ReadonlyMap<string, ZipMember>,
    private readonly zipfile: yauzl.ZipFile,
    private readonly reader: WindowedFileReader,
  ) {
    this.closed = new Promise((resolve) =>
      zipfile.once("close", () => {
        resolve();
      }),
    );
  }

  /** Size of the archive file in bytes. */
  get size(): number {
    return this.reader.size;
  }

  /**
   * Opens a zip and reads its central directory. Throws FileSystemError for a file that cannot
   * be opened (missing, no permission), WheelError for a file that is not a zip
   * (or is truncated), unsafe or duplicate member names, symlinks and other non-regular members,
   * encrypted or non-deflate members, and archives past the limits: too many members (refused
   * from the end record's count, before any is listed), too much declared data in all, or a
   * member declaring a ratio no real file reaches. Nothing is inflated before these checks.
   */
  static async open(path: string, options: OpenZipOptions = {}): Promise<WheelZip> {
    const where: Location = { file: path };
    const fd = await new Promise<number>((resolve, reject) => {
      fs.open(path, "r", (error, opened) => {
        if (error) {
          const described = asFileSystemError(error, "cannot open the wheel", path);
          reject(
            described instanceof UserError
              ? described
              : new WheelError(`cannot open the wheel: ${error.message}`, where),
          );
        } else resolve(opened);
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
      const { members, byName } = await listMembers(zipfile, size, limits, where);
      return new WheelZip(path, members, byName, zipfile, reader);
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
    return readMember(this.reader, member, where);
  }

  /**
   * Hashes a member's uncompressed bytes with memory bounded by 4 MiB: smaller members are
   * inflated in one call, larger ones stream through in 1 MiB chunks. Returns the urlsafe-base64
   * digest without padding, as RECORD writes it, and the real size; a size that differs from the
   * declared one is an error.
   */
  async digest(
    member: ZipMember,
    algorithm: string,
    watch: ContentWatch = {},
  ): Promise<MemberDigest> {
    const where = { file: this.path, member: member.name };
    return hashMember(this.reader, member, algorithm, where, watch);
  }

  /**
   * Feeds a member's uncompressed bytes to `use` chunk by chunk, awaiting what it returns, with
   * the size and CRC-32 checks of every read; returns the number of bytes.
   */
  inflate(member: ZipMember, use: (chunk: Buffer) => unknown): Promise<number> {
    return inflateMember(this.reader, member, { file: this.path, member: member.name }, use);
  }

  /** Last-modified time of a member (see {@link ZipMember.modified}). */
  modified(member: ZipMember): Date {
    return new Date(member.modified);
  }

  /** Closes the archive and waits for its file descriptor to be released. */
  async close(): Promise<void> {
    if (this.zipfile.isOpen) this.zipfile.close();
    await this.closed;
  }
}

/**
 * Every central-directory record, in order, each described and checked as it is read (yauzl
 * has validated the name): yauzl's entry is dropped at once. The first refusal stops the listing.
 */
function listMembers(
  zipfile: yauzl.ZipFile,
  wheelSize: number,
  limits: WheelLimits,
  where: Location,
): Promise<{ members: ZipMember[]; byName: Map<string, ZipMember> }> {
  return new Promise((resolve, reject) => {
    const members: ZipMember[] = [];
    const byName = new Map<string, ZipMember>();
    // (Declared a boolean by @types/yauzl; before the first record it is the directory's offset.)
    const directoryStart = zipfile.readEntryCursor as unknown as number;
    let unpacked = 0;
    zipfile.on("entry", (entry: yauzl.Entry) => {
      try {
        const member = toMember(entry, where);
        if (byName.has(member.name)) {
          throw new WheelError("member appears twice in the archive", {
            ...where,
            member: member.name,
          });
        }
        unpacked = checkDeclaredSizes(member, unpacked, wheelSize, limits, where);
        byName.set(member.name, member);
        members.push(member);
      } catch (error) {
        reject(zipError(error, where));
        return;
      }
      zipfile.readEntry();
    });
    zipfile.once("end", () => {
      try {
        setEnds(members, directoryStart, where);
      } catch (error) {
        reject(zipError(error, where));
        return;
      }
      resolve({ members, byName });
    });
    zipfile.once("error", (error: Error) => {
      reject(zipError(error, where));
    });
    zipfile.readEntry();
  });
}

export type { ZipMember } from "./zip-member.js";
