import { describe, expect, it } from "vitest";
import {
  decodeUtf8,
  metadataField,
  parseMetadataFile,
  parseMetadataText,
} from "../../src/wheel/index.js";
import { thrownWheelError } from "./wheel-error.js";

const where = { file: "demo-1.0-py3-none-any.whl", member: "demo-1.0.dist-info/METADATA" };

function fields(text: string): Record<string, readonly string[]> {
  return Object.fromEntries(parseMetadataText(text, where).fields);
}

describe("parseMetadataText", () => {
  it.each([
    {
      title: "simple fields, keys lower-cased",
      text: "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
      expected: { "metadata-version": ["2.1"], name: ["demo"], version: ["1.0"] },
    },
    {
      title: "multiple-use fields keep their order",
      text: "Name: d\nClassifier: B\nRequires-Dist: x>=1\nClassifier: A\nRequires-Dist: y; extra == 'z'\n",
      expected: {
        name: ["d"],
        classifier: ["B", "A"],
        "requires-dist": ["x>=1", "y; extra == 'z'"],
      },
    },
    {
      title: "field names are case-insensitive",
      text: "name: d\nNAME: e\n",
      expected: { name: ["d", "e"] },
    },
    {
      title: "a folded one-line field is unfolded with single spaces",
      text: "Summary: a summary that\n  goes on\n\tand on\n",
      expected: { summary: ["a summary that goes on and on"] },
    },
    {
      title: "empty values and surrounding spaces",
      text: "Keywords:\nSummary:   padded   \n",
      expected: { keywords: [""], summary: ["padded"] },
    },
    {
      title: "CRLF line endings",
      text: "Name: d\r\nVersion: 1\r\n",
      expected: { name: ["d"], version: ["1"] },
    },
    {
      title: "description folded with 8 spaces (distutils)",
      text: "Description: Title\n        =====\n        \n        text\n            indented\nName: d\n",
      expected: { description: ["Title\n=====\n\ntext\n    indented"], name: ["d"] },
    },
    {
      title: "description folded with 7 spaces and a pipe (core metadata spec)",
      text: "Description: Title\n       |\n       |  indented\n       || a table\n",
      expected: { description: ["Title\n\n  indented\n| a table"] },
    },
    {
      title: "description folded with 8 spaces and a pipe",
      text: "Description: Title\n        |line\n        |\n        |end\n",
      expected: { description: ["Title\nline\n\nend"] },
    },
    {
      title: "description starting on the next line, tab-folded",
      text: "Description:\n\tfirst\n\t  second\n",
      expected: { description: ["first\n  second"] },
    },
    {
      title: "multi-line License keeps its lines",
      text: "License: Copyright (c) 2020\n        \n        Permission is granted.\n",
      expected: { license: ["Copyright (c) 2020\n\nPermission is granted."] },
    },
  ])("$title", ({ text, expected }) => {
    expect(fields(text)).toEqual(expected);
  });

  it.each([
    ["no body", "Name: d\n", ""],
    ["no trailing newline", "Name: d", ""],
    [
      "body after the first empty line",
      "Name: d\n\n# Title\n\n    code\n100% sure\n",
      "# Title\n\n    code\n100% sure\n",
    ],
    ["body lines that look like headers", "Name: d\n\nVersion: 2\n", "Version: 2\n"],
    ["CRLF body", "Name: d\r\n\r\nline 1\r\nline 2\r\n", "line 1\nline 2\n"],
  ])("body: %s", (_title, text, body) => {
    expect(parseMetadataText(text, where).body).toBe(body);
  });

  it.each([
    ["a line without a colon", "Name: d\nthis is not a header\n", 2],
    ["a header name with a space", "Name: d\nVersion: 1\nHome page: x\n", 3],
    ["a line starting with a colon", ": value\n", 1],
    ["a continuation before any header", "  folded\nName: d\n", 1],
  ])("refuses %s, naming the line", (_title, text, line) => {
    const error = thrownWheelError(() => parseMetadataText(text, where));
    expect(error.location).toEqual(where);
    expect(error.message).toContain(`line ${line}`);
  });

  it("gives the first value of a field", () => {
    const metadata = parseMetadataText("Name: d\nClassifier: A\nClassifier: B\n");
    expect(metadataField(metadata, "Classifier")).toBe("A");
    expect(metadataField(metadata, "Summary")).toBeUndefined();
  });
});

describe("parseMetadataFile", () => {
  it("decodes UTF-8", () => {
    const metadata = parseMetadataFile(Buffer.from("Name: d\nAuthor: Zoë Ŝmith\n"), where);
    expect(metadata.fields.get("author")).toEqual(["Zoë Ŝmith"]);
  });

  it.each([
    ["a Latin-1 byte", Buffer.from("Name: d\nAuthor: Zo\xeb\n", "latin1"), 18],
    ["a truncated sequence", Buffer.concat([Buffer.from("Name: "), Buffer.from([0xe2, 0x82])]), 6],
    ["an overlong encoding", Buffer.concat([Buffer.from("N: "), Buffer.from([0xc0, 0xaf])]), 3],
    [
      "an encoded surrogate",
      Buffer.concat([Buffer.from("N: "), Buffer.from([0xed, 0xa0, 0x80])]),
      3,
    ],
  ])("refuses invalid UTF-8: %s, naming wheel, member and offset", (_title, bytes, offset) => {
    const error = thrownWheelError(() => parseMetadataFile(bytes, where));
    expect(error.location).toEqual(where);
    expect(error.message).toMatch(/UTF-8/);
    expect(error.message).toContain(`offset ${offset}`);
  });

  it("decodeUtf8 accepts valid multi-byte text", () => {
    expect(decodeUtf8(Buffer.from("π ≈ 3.14 🐍"), where)).toBe("π ≈ 3.14 🐍");
  });
});
