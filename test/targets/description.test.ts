import { describe, expect, it } from "vitest";
import {
  descriptionBlocks,
  maxSummaryLength,
  shorten,
  type DescriptionBlock,
} from "../../src/targets/common/description.js";
import { markdownBlocks } from "../../src/targets/common/markdown-text.js";
import { rstBlocks, rstInline } from "../../src/targets/common/rst-text.js";
import { controlDescription } from "../../src/families/deb/control-text.js";
import { specParagraphs } from "../../src/families/rpm/spec-common.js";

const paragraph = (text: string): DescriptionBlock => ({ kind: "paragraph", text });
const list = (...items: string[]): DescriptionBlock => ({ kind: "list", items });

describe("Markdown descriptions", () => {
  it.each<[string, string, DescriptionBlock[]]>([
    [
      "numpy's badges, whose link targets are on the next line",
      "[![Powered by NumFOCUS](https://img.shields.io/badge.svg)](\nhttps://numfocus.org)\n[![PyPI](https://img.shields.io/pypi.svg)](\nhttps://pypi.org/project/numpy/)\n\nNumPy is the fundamental package.",
      [paragraph("NumPy is the fundamental package.")],
    ],
    [
      "a bullet list",
      "It provides:\n\n- a powerful N-dimensional array object\n- tools for integrating *C/C++*\n  and Fortran code\n",
      [
        paragraph("It provides:"),
        list(
          "a powerful N-dimensional array object",
          "tools for integrating C/C++ and Fortran code",
        ),
      ],
    ],
    [
      "headings, code, HTML and tables",
      '# Title\n\n<p align="center"><img src="x.png"></p>\n\nText with `code` and [a link](https://x.org) &amp; more.\n\n```python\nimport x\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      [paragraph("Text with code and a link & more.")],
    ],
    [
      "a list of links only, as a navigation bar",
      "- [Website](https://x.org)\n- [Documentation](https://x.org/doc)\n\nProse.\n",
      [paragraph("Prose.")],
    ],
    ["a nested list, flattened", "- one\n  - one.a\n- two\n", [list("one", "one.a", "two")]],
    [
      "a reference-style badge and link definitions",
      "[![ci][ci-badge]][ci]\n\nSee [the docs][docs].\n\n[ci-badge]: https://x/badge.svg\n[ci]: https://x\n[docs]: https://docs.x\n",
      [paragraph("See the docs.")],
    ],
  ])("%s", (_, text, blocks) => {
    expect(markdownBlocks(text)).toEqual(blocks);
  });
});

describe("reStructuredText descriptions", () => {
  it.each<[string, string, DescriptionBlock[]]>([
    [
      "Pygments: a title underlined with ~, then prose",
      "Pygments\n~~~~~~~~\n\nPygments is a syntax highlighting package written in Python.\n\nHighlights are:\n\n* a wide range of over 500 languages\n* special attention is paid to details,\n  increasing quality\n",
      [
        paragraph("Pygments is a syntax highlighting package written in Python."),
        paragraph("Highlights are:"),
        list(
          "a wide range of over 500 languages",
          "special attention is paid to details, increasing quality",
        ),
      ],
    ],
    [
      "image directives with options, and a code-block",
      ".. image:: https://img.shields.io/pypi/v/x.svg\n    :target: https://pypi.org/project/x/\n    :alt: Latest Version\n\n``x`` is a package.\n\n.. code-block:: pycon\n\n    >>> import x\n\nMore text.\n",
      [paragraph("x is a package."), paragraph("More text.")],
    ],
    [
      "paramiko: footnote references, links and footnotes",
      "|version| |python|\n\nParamiko is a pure-Python [1]_ implementation of the SSHv2 protocol [#]_, see `the site <https://www.paramiko.org>`_.\n\n.. [1] Python only.\n.. [#] The SSH protocol.\n.. |version| image:: https://img.shields.io/pypi/v/paramiko\n    :target: https://pypi.org/project/paramiko/\n.. _site: https://www.paramiko.org\n",
      [paragraph("Paramiko is a pure-Python implementation of the SSHv2 protocol, see the site.")],
    ],
    [
      "a literal block after ::, and the :: made a colon",
      "Install it with pip::\n\n    pip install x\n\nThen::\n\n    import x\n\nDone.\n",
      [paragraph("Install it with pip:"), paragraph("Then:"), paragraph("Done.")],
    ],
    [
      "field lists, comments, tables and transitions",
      ":Author: Someone\n:Version: 1.0\n\n.. a comment\n   over two lines\n\n+---+---+\n| a | b |\n+---+---+\n\n----\n\nProse at last.\n",
      [paragraph("Prose at last.")],
    ],
    [
      "an enumerated list",
      "Steps:\n\n1. first step\n2. second step\n",
      [paragraph("Steps:"), list("first step", "second step")],
    ],
  ])("%s", (_, text, blocks) => {
    expect(rstBlocks(text)).toEqual(blocks);
  });

  it.each([
    [":class:`~foo.Bar` and :func:`baz <foo.baz>`", "Bar and baz"],
    ["`text <https://x.org>`__ and `name`_ and name_", "text and name and name"],
    ["a footnote [#]_ and [#note]_ and a citation [CIT2002]_.", "a footnote and and a citation."],
    ["``__init__`` and *emphasis* and **strong**", "__init__ and emphasis and strong"],
    ["|sub| stays |gone|", "replaced stays"],
    ["escaped \\*star\\* and joined\\ text", "escaped *star* and joinedtext"],
  ])("inline %j → %j", (text, plain) => {
    expect(rstInline(text, new Map([["sub", "replaced"]]))).toBe(plain);
  });
});

describe("descriptionBlocks", () => {
  it.each<[string, string, string | null, DescriptionBlock[]]>([
    [
      "Pygments' long description only names the project",
      "Pygments\n========\n",
      "text/x-rst",
      [paragraph("Pygments is a syntax highlighting package.")],
    ],
    ["a single word", "Pygments", null, [paragraph("Pygments is a syntax highlighting package.")]],
    [
      "a description repeating the summary",
      "Pygments is a syntax highlighting package\n\nIt highlights.",
      "text/markdown",
      [paragraph("It highlights.")],
    ],
    [
      "an introduction whose code block is dropped keeps its earlier sentences",
      "It is small. For example:\n\n```\ncode\n```\n",
      "text/markdown",
      [paragraph("It is small.")],
    ],
    [
      "plain text keeps its characters",
      "A *plain* text_ description.",
      "text/plain",
      [paragraph("A *plain* text_ description.")],
    ],
  ])("%s", (_, text, type, blocks) => {
    expect(
      descriptionBlocks(text, type, "Pygments is a syntax highlighting package", "Pygments"),
    ).toEqual(blocks);
  });

  it("cuts a long description between blocks", () => {
    const text = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i} ${"word ".repeat(12)}end.`,
    ).join("\n\n");
    const blocks = descriptionBlocks(text, "text/markdown", "Summary", "x");
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.length).toBeLessThan(30);
    expect(blocks.every((b) => b.kind === "paragraph" && b.text.endsWith("end."))).toBe(true);
  });
});

describe("shorten", () => {
  it.each([
    ["short enough", 79, "short enough"],
    [
      "cryptography is a package which provides cryptographic recipes and primitives to Python developers.",
      maxSummaryLength,
      "cryptography is a package which provides cryptographic recipes and primitives",
    ],
    ["One sentence here. Another sentence that is far too long to fit.", 30, "One sentence here."],
    ["Tools for a thing (with a long aside that goes on)", 30, "Tools for a thing"],
    ["x".repeat(90), 79, "x".repeat(79)],
  ])("%j at %d → %j", (text, max, short) => {
    expect(shorten(text, max)).toBe(short);
    expect(shorten(text, max)).not.toMatch(/…$/);
  });
});

describe("lists in each family's format", () => {
  const blocks = [
    paragraph("It provides:"),
    list("an array object", `tools ${"word ".repeat(20)}end`),
  ];

  it("Debian: '  * ' items, continuation lines indented to the text", () => {
    const lines = controlDescription(blocks, "Synopsis", "x");
    expect(lines[0]).toBe(" It provides:");
    expect(lines[1]).toBe(" .");
    expect(lines[2]).toBe("  * an array object");
    expect(lines[3]?.startsWith("  * tools")).toBe(true);
    expect(lines[4]?.startsWith("    word")).toBe(true);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });

  it("Debian: a description that starts with a list gets a first paragraph", () => {
    expect(controlDescription([list("one", "two")], "Synopsis", "x")[0]).toBe(
      " This package provides the x distribution for Python 3.",
    );
  });

  it("RPM: '- ' items, continuation lines indented to the text", () => {
    const lines = specParagraphs(blocks);
    expect(lines.slice(0, 4)).toEqual([
      "It provides:",
      "",
      "- an array object",
      expect.stringMatching(/^- tools/),
    ]);
    expect(lines[4]?.startsWith("  word")).toBe(true);
    expect(lines.every((l) => l.length <= 79)).toBe(true);
  });
});
