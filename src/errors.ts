/**
 * The one error vocabulary of wheel2pkg. The CLI maps these to exit codes in one place
 * (`src/cli/exit.ts`): UserError → 2, ToolError → 3, anything else → 70 (a bug). A failure of
 * the file system that the user's environment causes (a read-only or full disk, a missing
 * permission) becomes a FileSystemError, a UserError, at {@link onFileSystem}.
 */
import { isAbsolute, relative } from "node:path";

// C0 and C1 controls, DEL, and the invisible marks that reorder or split text on a terminal
// (bidirectional overrides and isolates, line and paragraph separators).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unprintable = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a wheel, a config or a file name made safe for a terminal: every control character
 * (ESC, BEL, CR, a line break…) is shown as an escape, `\x1b`, `\x07`, `\u202e`, so that it
 * cannot move the cursor, recolour, retitle or forge lines of wheel2pkg's output.
 */
export function printable(text: string): string {
  return text.replace(unprintable, escapeCharacter);
}

/**
 * A name from a wheel (a member, a RECORD path) as messages quote it: as {@link printable}, and a
 * backslash doubled, so that every escape in the quoted name is one wheel2pkg wrote.
 */
export function printableName(text: string): string {
  return printable(text.replace(/\\/g, "\\\\"));
}

function escapeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Where a problem was found: a file (wheel, config, spec), and optionally a member and a field. */
export interface Location {
  file?: string;
  member?: string;
  field?: string;
}

/**
 * Bad input or usage: the user can fix it. Carries the file, member and field it concerns. A
 * message of several lines is given as an array: only those line breaks reach the terminal.
 */
export class UserError extends Error {
  override name = "UserError";
  readonly location: Location;
  /** The message's lines as wheel2pkg wrote them. */
  readonly lines: readonly string[];
  constructor(message: string | readonly string[], location: Location = {}) {
    const lines = typeof message === "string" ? [message] : [...message];
    super(lines.join("\n"));
    this.lines = lines;
    this.location = location;
  }

  /** The message prefixed by its location, as shown on stderr; control characters escaped. */
  describe(): string {
    const { file, member, field } = this.location;
    const where = [file, member, field].filter(
      (part): part is string => part !== undefined && part !== "",
    );
    const [first = "", ...rest] = this.lines.map(printable);
    const head = where.length > 0 ? `${where.map(printable).join(": ")}: ${first}` : first;
    return [head, ...rest].join("\n");
  }
}

/** A wheel that cannot be read or is refused (corrupt zip, bad RECORD, unsafe member…). */
export class WheelError extends UserError {
  override name = "WheelError";
}

/** METADATA, WHEEL or requirement text that does not follow its standard. */
export class MetadataError extends UserError {
  override name = "MetadataError";
  /** Every problem found, each with its field, so they can be reported together. */
  readonly problems: readonly { field: string; message: string }[];
  constructor(file: string, problems: readonly { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "), { file });
    this.problems = problems;
  }
}

/** A wheel that is valid but cannot become a package for the requested target. */
export class UnsupportedWheelError extends UserError {
  override name = "UnsupportedWheelError";
}

/**
 * The errno codes by which the file system reports a problem of the user's environment rather
 * than of wheel2pkg, each in words. Any other code (EBADF, EINVAL…) stays a bug.
 */
const environmentCauses: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  EEXIST: "already exists",
  ENOENT: "no such file or directory",
  ENOTEMPTY: "directory not empty",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EBUSY: "device or resource busy",
  ETXTBSY: "text file busy",
  EXDEV: "cannot move across file systems",
  EIO: "input/output error",
  ESTALE: "stale file handle",
};

/** What a failed system call was doing, for an error that no caller described. */
const syscallActions: Readonly<Record<string, string>> = {
  open: "cannot open",
  read: "cannot read",
  write: "cannot write",
  mkdir: "cannot create directory",
  mkdtemp: "cannot create a temporary directory",
  scandir: "cannot read directory",
  opendir: "cannot read directory",
  rename: "cannot rename",
  copyfile: "cannot copy",
  unlink: "cannot remove",
  rmdir: "cannot remove",
  rm: "cannot remove",
  stat: "cannot read",
  lstat: "cannot read",
  access: "cannot access",
  chmod: "cannot change the mode of",
};

/** A path as the user thinks of it: relative when under the working directory. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}

/**
 * The file system refused what wheel2pkg had to do with a user's path: a read-only or full
 * disk, a missing permission, a file where a directory should be. Carries the path and the
 * errno code; the message says both in words, e.g.
 * `out/debian-12: cannot create directory: permission denied (EACCES)`.
 */
export class FileSystemError extends UserError {
  override name = "FileSystemError";
  constructor(
    /** The path concerned, as wheel2pkg named it (absolute or as the user gave it). */
    readonly path: string | undefined,
    /** The errno code, e.g. `ENOSPC`. */
    readonly code: string,
    /** What could not be done, e.g. `cannot write the report`. */
    action: string,
  ) {
    super(
      `${action}: ${environmentCauses[code] ?? code} (${code})`,
      path === undefined ? {} : { file: shownPath(path) },
    );
  }
}

/** Whether an error is Node's report of a file-system failure of the user's environment. */
function isEnvironmentErrno(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as NodeJS.ErrnoException;
  return (
    typeof code === "string" &&
    typeof syscall === "string" &&
    Object.hasOwn(environmentCauses, code)
  );
}

/**
 * The FileSystemError that a failure of `action` on `path` means, when the error is the file
 * system's report of an environment problem; any other error (a bug, a UserError) as it is.
 * Without `action` and `path`, they are taken from the error itself.
 */
export function asFileSystemError(error: unknown, action?: string, path?: string): unknown {
  if (error instanceof UserError || !isEnvironmentErrno(error)) return error;
  const syscall = error.syscall ?? "";
  return new FileSystemError(
    path ?? error.path,
    error.code,
    action ?? syscallActions[syscall] ?? `cannot ${syscall}`,
  );
}

/**
 * Runs a file-system operation on a path the user gave or wheel2pkg writes for the user: the
 * one boundary where Node's errno errors (EACCES, EROFS, ENOSPC…) become a FileSystemError
 * naming the path and what could not be done.
 */
export async function onFileSystem<T>(
  path: string,
  action: string,
  operation: () => Promise<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw asFileSystemError(error, action, path);
  }
}

/** A native tool (rpmbuild, dpkg-buildpackage, …) failed. Carries the tail of its log. */
export class ToolError extends Error {
  override name = "ToolError";
  constructor(
    message: string,
    readonly tool: string,
    readonly logTail: string,
    readonly logFile?: string,
  ) {
    super(message);
  }
}

/** A bug in wheel2pkg: an invariant did not hold. */
export class InternalError extends Error {
  override name = "InternalError";
}
