/**
 * The one error vocabulary of wheel2pkg. The CLI maps these to exit codes in one place
 * (`src/cli/main.ts`): UserError → 2, ToolError → 3, anything else → 70 (a bug).
 */

/** Where a problem was found: a file (wheel, config, spec), and optionally a member and a field. */
export interface Location {
  file?: string;
  member?: string;
  field?: string;
}

/** Bad input or usage: the user can fix it. Carries the file, member and field it concerns. */
export class UserError extends Error {
  override name = "UserError";
  readonly location: Location;
  constructor(message: string, location: Location = {}) {
    super(message);
    this.location = location;
  }

  /** The message prefixed by its location, as shown on stderr. */
  describe(): string {
    const { file, member, field } = this.location;
    const where = [file, member, field].filter((part) => part !== undefined && part !== "");
    return where.length > 0 ? `${where.join(": ")}: ${this.message}` : this.message;
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
