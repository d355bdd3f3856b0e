import { describe, expect, it } from "vitest";
import {
  asFileSystemError,
  FileSystemError,
  InternalError,
  onFileSystem,
  printable,
  UserError,
  WheelError,
} from "../src/errors.js";
import { printDiagnostics } from "../src/cli/output.js";
import { diagnostic } from "../src/diagnostics.js";

/** Any character a terminal acts on instead of showing. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe("printable", () => {
  it.each([
    ["plain text", "requests>=2.0", "requests>=2.0"],
    ["ESC of a colour sequence", "\x1b[31mred", "\\x1b[31mred"],
    ["BEL ending a title sequence", "\x1b]0;owned\x07", "\\x1b]0;owned\\x07"],
    ["a line break", "a\nwheel2pkg: error: forged", "a\\x0awheel2pkg: error: forged"],
    ["a carriage return", "ok\rbad", "ok\\x0dbad"],
    ["a tab", "a\tb", "a\\x09b"],
    ["DEL and a C1 CSI", "\x7f\x9b2J", "\\x7f\\x9b2J"],
    ["a right-to-left override", "abc\u202edef", "abc\\u202edef"],
    ["non-ASCII letters", "Jösé → π", "Jösé → π"],
    ["a backslash", "C:\\wheels", "C:\\wheels"],
  ])("%s", (_title, text, shown) => {
    expect(printable(text)).toBe(shown);
    expect(printable(text)).not.toMatch(CONTROL);
  });
});

describe("UserError.describe", () => {
  it("escapes control characters in the location and the message", () => {
    const error = new WheelError("bad \x1b[2J name", { file: "w\x07.whl", member: "a\nb" });
    expect(error.describe()).toBe("w\\x07.whl: a\\x0ab: bad \\x1b[2J name");
  });

  it("keeps the line breaks of a message given as lines, and only those", () => {
    const error = new UserError(["invalid manifest:", "  line \x1b[1m", "  other\nforged"], {
      file: "m.toml",
    });
    expect(error.describe()).toBe("m.toml: invalid manifest:\n  line \\x1b[1m\n  other\\x0aforged");
    expect(error.message).toBe("invalid manifest:\n  line \x1b[1m\n  other\nforged");
  });
});

describe("printDiagnostics", () => {
  it("escapes the wheel's text in each message", () => {
    let stderr = "";
    printDiagnostics(
      { out: () => undefined, err: (text) => (stderr += text) },
      [diagnostic("marker-undecidable", "warning", "marker \x1b]8;;http://x\x07 is odd")],
      false,
    );
    expect(stderr).toBe("warning: marker-undecidable: marker \\x1b]8;;http://x\\x07 is odd\n");
  });
});

/** An errno error as Node's fs makes it. */
function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failure, ${syscall}`), {
    code,
    syscall,
    ...(path === undefined ? {} : { path }),
  });
}

describe("FileSystemError", () => {
  it("names the path, what could not be done and the cause in words", () => {
    const error = new FileSystemError("/srv/out/debian-12", "EACCES", "cannot create directory");
    expect(error).toBeInstanceOf(UserError);
    expect(error.describe()).toBe(
      "/srv/out/debian-12: cannot create directory: permission denied (EACCES)",
    );
    expect(error.code).toBe("EACCES");
  });

  it("shows a path under the working directory relative to it", () => {
    const error = new FileSystemError(`${process.cwd()}/out/fedora`, "EROFS", "cannot write");
    expect(error.describe()).toBe("out/fedora: cannot write: read-only file system (EROFS)");
  });

  it.each([
    ["EACCES", "permission denied"],
    ["EPERM", "operation not permitted"],
    ["EROFS", "read-only file system"],
    ["ENOSPC", "no space left on device"],
    ["EDQUOT", "disk quota exceeded"],
    ["ENOTDIR", "a part of the path is not a directory"],
    ["EEXIST", "already exists"],
    ["EISDIR", "is a directory"],
    ["ENOENT", "no such file or directory"],
    ["EMFILE", "too many open files"],
  ])("describes %s", (code, words) => {
    const error = asFileSystemError(errno(code, "open", "/x"), "cannot write the report", "/r");
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).describe()).toBe(
      `/r: cannot write the report: ${words} (${code})`,
    );
  });

  it("takes the path and the action from the error when no boundary gave them", () => {
    const error = asFileSystemError(errno("ENOSPC", "mkdir", "/data/x"));
    expect((error as FileSystemError).describe()).toBe(
      "/data/x: cannot create directory: no space left on device (ENOSPC)",
    );
  });

  it("leaves bugs and user errors as they are", () => {
    const bug = errno("EBADF", "read");
    expect(asFileSystemError(bug)).toBe(bug);
    const internal = new InternalError("invariant");
    expect(asFileSystemError(internal)).toBe(internal);
    const user = new UserError("bad");
    expect(asFileSystemError(user, "cannot write", "/x")).toBe(user);
    expect(asFileSystemError("a string")).toBe("a string");
  });

  it("onFileSystem converts at the boundary and passes results through", async () => {
    await expect(onFileSystem("/p", "cannot write", () => Promise.resolve(3))).resolves.toBe(3);
    await expect(
      onFileSystem("/p", "cannot write", () => Promise.reject(errno("EDQUOT", "write"))),
    ).rejects.toThrow("cannot write: disk quota exceeded (EDQUOT)");
    const bug = new TypeError("x is undefined");
    await expect(onFileSystem("/p", "cannot write", () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
