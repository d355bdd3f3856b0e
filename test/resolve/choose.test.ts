import { describe, expect, it } from "vitest";
import { parseSpecifiers } from "../../src/model/specifier.js";
import { getProfile } from "../../src/profiles/index.js";
import { chooseWheel, parseProjectPage, type WheelCandidate } from "../../src/resolve/index.js";

const debian = getProfile("debian-12");

function candidate(filename: string, extra: Partial<WheelCandidate> = {}): WheelCandidate {
  const [, version = ""] = filename.split("-");
  return {
    filename,
    project: "lib",
    version,
    location: { kind: "url", url: `http://i/${filename}` },
    sha256: null,
    requiresPython: null,
    yanked: null,
    source: "http://i/",
    ...extra,
  };
}

const pick = (files: WheelCandidate[], spec = "") =>
  chooseWheel(
    files,
    [{ by: "app", specifiers: spec === "" ? [] : parseSpecifiers(spec) }],
    debian,
    {
      prereleases: false,
      machine: "x86_64",
    },
  );

describe("chooseWheel for debian-12 (CPython 3.11, glibc 2.36, x86_64)", () => {
  it.each([
    [
      ["lib-2.0-cp311-cp311-manylinux_2_17_x86_64.whl", "lib-2.0-py3-none-any.whl"],
      "",
      "lib-2.0-cp311-cp311-manylinux_2_17_x86_64.whl",
    ],
    [
      ["lib-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "lib-1.0-py3-none-any.whl"],
      "",
      "lib-1.0-py3-none-any.whl",
    ],
    [
      [
        "lib-2.0-cp311-cp311-manylinux_2_39_x86_64.whl",
        "lib-1.5-cp38-abi3-manylinux_2_28_x86_64.whl",
      ],
      "",
      "lib-1.5-cp38-abi3-manylinux_2_28_x86_64.whl",
    ],
    [
      ["lib-2.0-cp311-cp311-manylinux_2_17_aarch64.whl", "lib-1.0-py3-none-any.whl"],
      "",
      "lib-1.0-py3-none-any.whl",
    ],
    [["lib-2.0b1-py3-none-any.whl", "lib-1.0-py3-none-any.whl"], "", "lib-1.0-py3-none-any.whl"],
    [
      ["lib-2.0b1-py3-none-any.whl", "lib-1.0-py3-none-any.whl"],
      ">=2.0b1",
      "lib-2.0b1-py3-none-any.whl",
    ],
  ])("%j with %j takes %s", (files, spec, expected) => {
    const choice = pick(
      files.map((f) => candidate(f)),
      spec,
    );
    expect("chosen" in choice ? choice.chosen.filename : choice).toBe(expected);
  });

  it.each([
    [[], "", "no-wheel"],
    [
      [
        "lib-2.0-cp312-cp312-manylinux_2_17_x86_64.whl",
        "lib-2.0-py3-none-musllinux_1_2_x86_64.whl",
      ],
      "",
      "no-compatible-tag",
    ],
    [["lib-1.0-py3-none-any.whl"], ">=2", "no-wheel"],
  ])("%j with %j: %s", (files, spec, reason) => {
    const choice = pick(
      files.map((f) => candidate(f)),
      spec,
    );
    expect("reason" in choice ? choice.reason : choice.chosen.filename).toBe(reason);
  });

  it("skips a file whose Requires-Python excludes the target, and a yanked one", () => {
    const choice = pick([
      candidate("lib-3.0-py3-none-any.whl", { requiresPython: ">=3.12" }),
      candidate("lib-2.0-py3-none-any.whl", { yanked: "" }),
      candidate("lib-1.0-py3-none-any.whl"),
    ]);
    expect("chosen" in choice && choice.chosen.version).toBe("1.0");
  });
});

describe("parseProjectPage", () => {
  it("reads PEP 503 anchors with hashes, Requires-Python and yanked marks", () => {
    const html = `<html><body><a href="../../f/lib-1.0-py3-none-any.whl#sha256=${"ab".repeat(32)}" data-requires-python="&gt;=3.8" data-yanked="">lib-1.0-py3-none-any.whl</a>
      <a href="lib-1.0.tar.gz">lib-1.0.tar.gz</a><a href="x/other-1.0-py3-none-any.whl">other-1.0-py3-none-any.whl</a></body></html>`;
    const [only, ...rest] = parseProjectPage(html, "text/html", "http://i/simple/lib/", "lib");
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      filename: "lib-1.0-py3-none-any.whl",
      location: { kind: "url", url: "http://i/f/lib-1.0-py3-none-any.whl" },
      sha256: "ab".repeat(32),
      requiresPython: ">=3.8",
      yanked: "",
    });
  });

  it("decodes character references an index page spells, and survives ones that name no character", () => {
    const html = `<a href="lib-1.0-py3-none-any.whl" data-requires-python="&#62;=3.8">lib-1.0-py3-none-any.whl</a>
      <a href="bad&#99999999;-1.0-py3-none-any.whl">bad&#99999999;&#x1b;-1.0-py3-none-any.whl</a>`;
    const files = parseProjectPage(html, "text/html", "http://i/simple/lib/", "lib");
    expect(files.map((f) => [f.filename, f.requiresPython])).toEqual([
      ["lib-1.0-py3-none-any.whl", ">=3.8"],
    ]);
  });

  it("reads PEP 691 JSON and refuses a page that is neither", () => {
    const json = JSON.stringify({
      meta: { "api-version": "1.0" },
      files: [
        {
          filename: "lib-2.0-py3-none-any.whl",
          url: "/files/lib-2.0-py3-none-any.whl",
          hashes: { sha256: "CD".repeat(32) },
          yanked: "bad",
        },
      ],
    });
    const [file] = parseProjectPage(
      json,
      "application/vnd.pypi.simple.v1+json",
      "http://i/simple/lib/",
      "lib",
    );
    expect(file).toMatchObject({
      sha256: "cd".repeat(32),
      yanked: "bad",
      location: { url: "http://i/files/lib-2.0-py3-none-any.whl" },
    });
    expect(() => parseProjectPage("{", "application/json", "http://i/simple/lib/", "lib")).toThrow(
      /not a PEP 691 project page/,
    );
    expect(() =>
      parseProjectPage("\x00\x01", "application/octet-stream", "http://i/simple/lib/", "lib"),
    ).toThrow(/not a simple page/);
  });
});
