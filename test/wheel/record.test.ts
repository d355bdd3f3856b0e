import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isUnhashedRecordPath, parseRecord } from "../../src/wheel/index.js";
import { thrownWheelError } from "./wheel-error.js";

const where = { file: "demo-1.0-py3-none-any.whl", member: "demo-1.0.dist-info/RECORD" };
const digest = (algorithm: string, text: string): string =>
  createHash(algorithm).update(text).digest("base64url");
const SHA256 = digest("sha256", "x");
const SHA384 = digest("sha384", "x");
const SHA512 = digest("sha512", "x");

describe("parseRecord", () => {
  it.each([
    {
      title: "plain rows, RECORD itself without hash",
      text: `demo/__init__.py,sha256=${SHA256},1\ndemo-1.0.dist-info/RECORD,,\n`,
      rows: [
        { path: "demo/__init__.py", hash: { algorithm: "sha256", digest: SHA256 }, size: 1 },
        { path: "demo-1.0.dist-info/RECORD", hash: null, size: null },
      ],
    },
    {
      title: "sha384 and sha512, CRLF, blank lines",
      text: `a.py,sha384=${SHA384},1\r\n\r\nb.py,sha512=${SHA512},1\r\n`,
      rows: [
        { path: "a.py", hash: { algorithm: "sha384", digest: SHA384 }, size: 1 },
        { path: "b.py", hash: { algorithm: "sha512", digest: SHA512 }, size: 1 },
      ],
    },
    {
      title: "quoted paths with commas and quotes (csv-parse)",
      text: `"data/a,b.txt",sha256=${SHA256},1\n"data/say ""hi"".txt",sha256=${SHA256},1\n`,
      rows: [
        { path: "data/a,b.txt", hash: { algorithm: "sha256", digest: SHA256 }, size: 1 },
        { path: 'data/say "hi".txt', hash: { algorithm: "sha256", digest: SHA256 }, size: 1 },
      ],
    },
    {
      title: "padded digest and upper-case algorithm",
      text: `a.py,SHA256=${SHA256}=,1\n`,
      rows: [{ path: "a.py", hash: { algorithm: "sha256", digest: SHA256 }, size: 1 }],
    },
    {
      title: "signature files without hash",
      text: "d-1.dist-info/RECORD.jws,,\nd-1.dist-info/RECORD.p7s,,\n",
      rows: [
        { path: "d-1.dist-info/RECORD.jws", hash: null, size: null },
        { path: "d-1.dist-info/RECORD.p7s", hash: null, size: null },
      ],
    },
  ])("$title", ({ text, rows }) => {
    expect(parseRecord(text, where)).toEqual(rows);
  });

  it("reads quoted and unquoted RECORDs the same way", () => {
    const plain = `a/b.py,sha256=${SHA256},12\nc d/e.txt,,\n`;
    const quoted = `"a/b.py","sha256=${SHA256}","12"\n"c d/e.txt","",""\n`;
    expect(parseRecord(quoted, where)).toEqual(parseRecord(plain, where));
  });

  it.each([
    ["md5", `a.py,md5=${digest("md5", "x")},1\n`, 1, /md5, which is too weak/],
    ["sha1", `a.py,sha1=${digest("sha1", "x")},1\n`, 1, /sha1, which is too weak/],
    ["an unknown algorithm", `a.py,blake2b=abc,1\n`, 1, /unsupported algorithm blake2b/],
    ["no algorithm", `a.py,${SHA256},1\n`, 1, /ALGORITHM=DIGEST/],
    [
      "a digest of the wrong length",
      `a.py,sha256=${SHA384},1\n`,
      1,
      /not an urlsafe-base64 sha256 digest/,
    ],
    ["a standard-base64 digest", `a.py,sha256=${SHA256.slice(0, -1)}+,1\n`, 1, /urlsafe-base64/],
    ["a bad size", `a.py,sha256=${SHA256},12kB\n`, 1, /not a byte count/],
    ["a negative size", `a.py,sha256=${SHA256},-1\n`, 1, /not a byte count/],
    ["two columns", `ok.py,,\na.py,sha256=${SHA256}\n`, 2, /expected 3 columns/],
    ["four columns", `a.py,,,\n`, 1, /expected 3 columns/],
    ["an empty path", `,sha256=${SHA256},1\n`, 1, /empty path/],
    ["a path listed twice", `a.py,,\nb.py,,\na.py,,\n`, 3, /listed twice/],
    ["an unclosed quote", `a.py,,\n"b.py,,\n`, 2, /not valid CSV/],
  ])("refuses %s, naming the line", (_title, text, line, message) => {
    const error = thrownWheelError(() => parseRecord(text, where));
    expect(error.location).toEqual(where);
    expect(error.message).toContain(`line ${line}:`);
    expect(error.message).toMatch(message);
  });
});

describe("isUnhashedRecordPath", () => {
  it.each([
    ["d-1.dist-info/RECORD", true],
    ["d-1.dist-info/RECORD.jws", true],
    ["d-1.dist-info/RECORD.p7s", true],
    ["d-1.dist-info/METADATA", false],
    ["d/RECORD", false],
    ["d-1.dist-info/sub/RECORD", false],
  ])("%s → %s", (path, expected) => {
    expect(isUnhashedRecordPath(path)).toBe(expected);
  });
});
