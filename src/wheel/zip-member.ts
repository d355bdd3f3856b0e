/**
 * One member of the archive, as the central directory describes it (names validated). Only
 * these few fields are kept of each record, so memory grows slowly with the member count.
 */
export interface ZipMember {
  /** Path inside the zip: relative, `/`-separated, no `..`; directories end with `/`. */
  name: string;
  directory: boolean;
  /** Declared uncompressed size; reads fail when the data disagrees. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate (no other method is admitted). */
  method: number;
  /** CRC-32 of the uncompressed data, as the central directory declares it. */
  crc32: number;
  /** The central directory record's general-purpose bit flags. */
  flags: number;
  /**
   * The name's bytes as the central directory holds them, when they are not simply the name's
   * (printable ASCII) characters; null for nearly every member.
   */
  rawName: Buffer | null;
  /** Any execute bit set in the unix mode of the external attributes. */
  executable: boolean;
  /** Offset of the member's local header: reading in this order reads the file front to back. */
  offset: number;
  /**
   * Where the next member's local header (or the central directory) starts: the member's header
   * and data must end before it. Members that overlap are how some zip bombs reuse one block.
   */
  end: number;
  /**
   * Last-modified time in ms since the epoch: the extended timestamp if present, else the DOS
   * time read as UTC (not local time: the same wheel must give the same date on every machine).
   */
  modified: number;
}
