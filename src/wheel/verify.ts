/**
 * Checking a wheel against its RECORD: every file listed, every listed file present, every size
 * and hash right. This is what makes the wheel inside a source package trustworthy.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { onFileSystem, WheelError, type Location } from "../errors.js";
import { printableName } from "./printable-name.js";
import { isUnhashedRecordPath } from "./record.js";
import type { ContentFacts, RecordEntry } from "./types.js";
import type { WheelZip } from "./zip.js";
import type { ContentWatch } from "./zip-streams.js";
import type { ZipMember } from "./zip-member.js";

/**
 * Compares the archive's files with RECORD, then streams every hashed file through its RECORD
 * algorithm (and reads every other member, checking its headers, size and CRC-32), in the order
 * they sit in the file so reads go front to back. Throws WheelError
 * naming the member for the first problem. Cheap structural checks all run before any hashing.
 * Returns what was seen of the content of each hashed member that has something to note (`#!`,
 * ELF facts with the signatures its strings hold, what the watch's checks found): most members have none, and a wheel may have 100,000.
 */
export async function verifyRecord(
  zip: WheelZip,
  record: readonly RecordEntry[],
  where: Location,
  watch: ContentWatch = {},
): Promise<Map<string, ContentFacts>> {
  const rows = new Map(record.map((row) => [row.path, row]));
  // RECORD's paths may hold anything: a missing one is shown with control characters escaped.
  const fail = (member: string, message: string): never => {
    throw new WheelError(message, { ...where, member: printableName(member) });
  };

  for (const row of record) {
    // Some writers list directories; they carry no content to check.
    if (!row.path.endsWith("/") && zip.member(row.path)?.directory !== false)
      fail(row.path, "listed in RECORD but missing from the wheel");
  }

  // Every member is read, the ones RECORD cannot hash (directories, RECORD, its signatures)
  // too: reading checks the local header, the size and the CRC-32 that Python's zipfile checks
  // when it installs the wheel.
  const toRead: [ZipMember, { algorithm: string; digest: string } | null][] = [];
  for (const member of zip.members) {
    if (member.directory) {
      toRead.push([member, null]);
      continue;
    }
    const row = rows.get(member.name);
    const unhashed = isUnhashedRecordPath(member.name);
    if (row === undefined && !unhashed) {
      // RECORD's signatures are written after RECORD and cannot list themselves.
      return fail(member.name, "in the wheel but not listed in RECORD");
    }
    if (row !== undefined && row.size !== null && row.size !== member.size) {
      fail(member.name, `size mismatch: RECORD says ${row.size} bytes, the archive ${member.size}`);
    }
    const hash = row?.hash ?? null;
    if (hash === null && !unhashed) fail(member.name, "has no hash in RECORD");
    toRead.push([member, hash]);
  }

  // One member at a time, in file order: the reader's window then serves most reads. Hashing
  // large members (thread-pool inflate) alongside small ones measured slower on 2 CPUs.
  toRead.sort(([a], [b]) => a.offset - b.offset);
  const noted = new Map<string, ContentFacts>();
  for (const [member, expected] of toRead) {
    const actual = await zip.digest(member, expected?.algorithm ?? "sha256", watch);
    if (actual.shebang || actual.elf !== null || actual.findings.length > 0) {
      const { shebang, elf, findings } = actual;
      noted.set(member.name, { shebang, elf, findings });
    }
    if (expected !== null && actual.digest !== expected.digest) {
      fail(
        member.name,
        `${expected.algorithm} mismatch: RECORD says ${expected.digest}, the file has ${actual.digest}`,
      );
    }
  }
  return noted;
}

/** sha256 (hex) of a whole file, streamed; `signal` stops the read early. */
export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  return onFileSystem(path, "cannot read the wheel", async () => {
    const hash = createHash("sha256");
    const stream = fs.createReadStream(path, { highWaterMark: 1024 * 1024, signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
    return hash.digest("hex");
  });
}
