/**
 * Reading a wheel: the entry point of the pipeline. Everything later stages know about a wheel
 * comes from {@link readWheel}.
 */
import { WheelError, type Location } from "../errors.js";
import { parseEntryPoints } from "./entry-points.js";
import { parseWheelFilename } from "./filename.js";
import { findDirectories, findLicenseFiles, mapMembers } from "./layout.js";
import { decodeUtf8, parseMetadataFile } from "./metadata-file.js";
import { moduleImportCheck } from "./module-imports.js";
import { parseRecord } from "./record.js";
import type { ContentFacts, ReadMemberOptions, ReadWheelOptions, WheelContents } from "./types.js";
import { parseWheelInfo } from "./wheel-info.js";
import { sha256File, verifyRecord } from "./verify.js";
import { WheelZip } from "./zip.js";

const MiB = 1024 * 1024;

// Caps on the dist-info members read into memory. Generous for real wheels (botocore's RECORD is
// under 1 MiB; long descriptions stay well under 1 MiB), small enough that a hostile wheel cannot
// make us allocate gigabytes.
const MAX_SIZE = {
  WHEEL: MiB,
  METADATA: 16 * MiB,
  RECORD: 64 * MiB,
  "entry_points.txt": 4 * MiB,
} as const;

type DistInfoFile = keyof typeof MAX_SIZE;

/** Default cap of {@link readWheelMember}. */
const DEFAULT_MEMBER_MAX_SIZE = 64 * MiB;

/**
 * Reads a wheel: file name, WHEEL, METADATA, RECORD, entry points, the members with their install
 * schemes, and the license files. With `verify` (the default) every member is also checked
 * against RECORD and the wheel's own sha256 is computed; without it only the central directory
 * and those dist-info members are read (what `inspect` needs, fast on large wheels).
 * Throws WheelError (file, member and field in its location) for anything wrong.
 */
export async function readWheel(
  path: string,
  options: ReadWheelOptions = {},
): Promise<WheelContents> {
  const filename = parseWheelFilename(path);
  const where: Location = { file: path };
  const verify = options.verify ?? true;
  const zip = await WheelZip.open(path, { limits: options.limits });
  try {
    const directories = findDirectories(zip.members, filename, where);
    const { distInfoDir } = directories;
    const at = (name: string): Location => ({ ...where, member: `${distInfoDir}/${name}` });
    const files = await readDistInfoFiles(zip, distInfoDir);
    const required = (name: DistInfoFile): Buffer => {
      const bytes = files.get(name);
      if (bytes === undefined) throw new WheelError(`the wheel has no ${name} file`, at(name));
      return bytes;
    };
    const wheelText = decodeUtf8(required("WHEEL"), at("WHEEL"));
    const { info: wheel, diagnostics } = parseWheelInfo(wheelText, at("WHEEL"));
    const metadata = parseMetadataFile(required("METADATA"), at("METADATA"));
    const record = parseRecord(decodeUtf8(required("RECORD"), at("RECORD")), at("RECORD"));
    const entryPointBytes = files.get("entry_points.txt");
    const entryPoints =
      entryPointBytes === undefined
        ? []
        : parseEntryPoints(
            decodeUtf8(entryPointBytes, at("entry_points.txt")),
            at("entry_points.txt"),
          );

    const members = mapMembers(zip.members, directories, wheel.rootIsPurelib, where, verify);
    const licenseFiles = findLicenseFiles(members, metadata, distInfoDir, diagnostics);

    let sha256: string | null = null;
    if (verify) {
      // Hash the whole file while the members are checked; abort that read if a check fails.
      const abort = new AbortController();
      const wheelHash = sha256File(path, abort.signal);
      const imports = moduleImportCheck(members, entryPoints, metadata);
      let noted: Map<string, ContentFacts>;
      try {
        noted = await verifyRecord(zip, record, where, {
          signatures: options.elfSignatures ?? [],
          checks: [...(options.contentChecks ?? []), ...(imports === null ? [] : [imports.check])],
        });
      } catch (error) {
        abort.abort();
        await wheelHash.catch(() => undefined);
        throw error;
      }
      sha256 = await wheelHash;
      for (const member of members) {
        const content = noted.get(member.path);
        if (content !== undefined) Object.assign(member, content);
        const stated = imports?.found.get(member.path);
        if (stated !== undefined) member.imports = stated;
      }
    }

    const licenseBodies = new Map<string, Buffer>();
    if (options.licenseBodies === true) {
      for (const name of licenseFiles) {
        const member = zip.member(name);
        if (member === undefined || member.directory) {
          throw new WheelError("no such file in the wheel", { ...where, member: name });
        }
        licenseBodies.set(name, await zip.read(member, DEFAULT_MEMBER_MAX_SIZE));
      }
    }

    return {
      path,
      filename,
      distInfoDir,
      dataDir: directories.dataDir,
      wheel,
      metadata,
      record,
      entryPoints,
      members,
      licenseFiles,
      licenseBodies,
      verified: verify,
      size: zip.size,
      sha256,
      metadataTime: metadataTime(zip, distInfoDir),
      diagnostics,
    };
  } finally {
    await zip.close();
  }
}

/**
 * Reads one member of a wheel into memory (the archive is validated as for readWheel, but nothing
 * is verified against RECORD). Refuses a member larger than `maxSize` (default 64 MiB).
 */
export async function readWheelMember(
  path: string,
  member: string,
  options: ReadMemberOptions = {},
): Promise<Buffer> {
  const bodies = await readWheelMembers(path, [member], options);
  return bodies.get(member) ?? Buffer.alloc(0);
}

/**
 * Reads several members of a wheel in one pass (archive order), e.g. the license texts a package
 * ships. Every name must be a file of the wheel. Each is capped at `maxSize` (default 64 MiB).
 */
export async function readWheelMembers(
  path: string,
  members: Iterable<string>,
  options: ReadMemberOptions = {},
): Promise<Map<string, Buffer>> {
  const zip = await WheelZip.open(path, { limits: options.limits });
  try {
    const found = [...new Set(members)].map((name) => {
      const member = zip.member(name);
      if (member === undefined || member.directory) {
        throw new WheelError("no such file in the wheel", { file: path, member: name });
      }
      return member;
    });
    found.sort((a, b) => a.offset - b.offset);
    const bodies = new Map<string, Buffer>();
    for (const member of found)
      bodies.set(member.name, await zip.read(member, options.maxSize ?? DEFAULT_MEMBER_MAX_SIZE));
    return bodies;
  } finally {
    await zip.close();
  }
}

/** When METADATA was written, per the zip; the epoch if it cannot be known. */
function metadataTime(zip: WheelZip, distInfoDir: string): Date {
  const member = zip.member(`${distInfoDir}/METADATA`);
  return member === undefined ? new Date(0) : zip.modified(member);
}

/** The dist-info files readWheel needs, read in archive order so the reader's window is reused. */
async function readDistInfoFiles(
  zip: WheelZip,
  distInfoDir: string,
): Promise<Map<DistInfoFile, Buffer>> {
  const wanted = (Object.keys(MAX_SIZE) as DistInfoFile[]).flatMap((name) => {
    const member = zip.member(`${distInfoDir}/${name}`);
    return member === undefined || member.directory ? [] : [{ name, member }];
  });
  wanted.sort((a, b) => a.member.offset - b.member.offset);
  const files = new Map<DistInfoFile, Buffer>();
  for (const { name, member } of wanted) files.set(name, await zip.read(member, MAX_SIZE[name]));
  return files;
}
