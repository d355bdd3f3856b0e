/**
 * The random-access reader yauzl reads a wheel through. yauzl's own file reader issues two small
 * `fs.read` calls per central-directory record and per local header (about 3000 thread-pool round
 * trips for scipy, ~170 ms before a single byte is inflated); this one keeps a window of the file
 * in memory so those small reads, and most small members' data, are served by one large read.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import yauzl from "yauzl";

// 1 MiB covers the central directory of nearly every wheel and dozens of typical small members;
// larger windows measured no faster and cost memory.
const WINDOW_SIZE = 1024 * 1024;
// Read size for member data outside the window (big members): few round trips, bounded memory.
const CHUNK_SIZE = 1024 * 1024;

/** A yauzl RandomAccessReader over an open file descriptor, with a read-ahead window. */
export class WindowedFileReader extends yauzl.RandomAccessReader {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fd: number,
    private readonly fileSize: number,
  ) {
    super();
  }

  // yauzl's reference count on the descriptor (not in its type declarations): the zip holds one
  // while open, and each read of ours holds one so a close cannot pull the file from under it.
  declare ref: () => void;
  declare unref: () => void;

  /** Size of the file in bytes. */
  get size(): number {
    return this.fileSize;
  }

  /**
   * The bytes in [position, position + length), as a view of the window (loaded first if they
   * are not in it): no copy. The view stays valid; a later window is a new buffer.
   */
  async bytes(position: number, length: number): Promise<Buffer> {
    if (!this.inWindow(position, length)) await this.load(position, length);
    const start = position - this.windowStart;
    return this.window.subarray(start, start + length);
  }

  /** Fills `buffer` from `position`; a request past the end of the file is an error (truncated). */
  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ): void {
    const copyFrom = (window: Buffer, windowStart: number): void => {
      const start = position - windowStart;
      window.copy(buffer, offset, start, start + length);
      callback(null);
    };
    if (this.inWindow(position, length)) {
      // Asynchronous like a real read: yauzl emits the next entry from this callback, and a
      // synchronous call would recurse once per member. A promise job is the cheapest deferral
      // (queueMicrotask wraps each callback in an async resource: ~10% of listing time).
      const { window, windowStart } = this;
      void Promise.resolve().then(() => {
        copyFrom(window, windowStart);
      });
      return;
    }
    this.load(position, length).then(
      () => {
        copyFrom(this.window, this.windowStart);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** A stream of the bytes in [start, end): from the window where it overlaps, else from disk. */
  override _readStreamForRange(start: number, end: number): Readable {
    let position = start;
    const stream: Readable = new Readable({
      highWaterMark: CHUNK_SIZE,
      read: () => {
        if (position >= end) {
          stream.push(null);
          return;
        }
        if (this.inWindow(position, 1)) {
          const from = position - this.windowStart;
          const chunk = this.window.subarray(
            from,
            Math.min(this.window.length, from + end - position),
          );
          position += chunk.length;
          stream.push(chunk);
          return;
        }
        const size = Math.min(end - position, CHUNK_SIZE);
        const chunk = Buffer.allocUnsafe(size);
        fs.read(this.fd, chunk, 0, size, position, (error, bytesRead) => {
          if (error) {
            stream.destroy(error);
          } else if (bytesRead === 0) {
            // yauzl counts the bytes and reports a short member itself.
            stream.push(null);
          } else {
            position += bytesRead;
            stream.push(chunk.subarray(0, bytesRead));
          }
        });
      },
    });
    return stream;
  }

  /** Closes the descriptor; yauzl calls this once the zip and all its streams are done. */
  override close(callback: (err: Error | null) => void): void {
    fs.close(this.fd, callback);
  }

  /** Makes the window the file from `position` on, at least `length` bytes of it. */
  private load(position: number, length: number): Promise<void> {
    const size = Math.min(Math.max(length, WINDOW_SIZE), this.fileSize - position);
    if (position < 0 || length < 0 || size < length) {
      return Promise.reject(new Error("unexpected EOF"));
    }
    const window = Buffer.allocUnsafe(size);
    return new Promise((resolve, reject) => {
      fs.read(this.fd, window, 0, size, position, (error, bytesRead) => {
        if (error !== null || bytesRead < length) {
          reject(error ?? new Error("unexpected EOF"));
          return;
        }
        this.window = window.subarray(0, bytesRead);
        this.windowStart = position;
        resolve();
      });
    });
  }

  private inWindow(position: number, length: number): boolean {
    return (
      position >= this.windowStart && position + length <= this.windowStart + this.window.length
    );
  }
}
