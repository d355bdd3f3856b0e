import {
  maxSummaryLength,
  shorten,
  wrapParagraph,
  type DescriptionBlock,
} from "../../targets/common/description.js";
import {
  changelog,
  escapedFor,
  type ChangelogText,
  type Deb822Text,
  type PackagingText,
} from "../../targets/text.js";

/**
 * Folding of untrusted text (METADATA) into Debian control-file fields (deb-control(5)). A
 * newline in a field value would start a new field, so single-line fields lose their newlines
 * and multi-line fields get every continuation line indented, with ` .` for empty lines.
 */

/** C0 and C1 control characters and DEL: a control file holds none. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text on one line: control characters dropped, whitespace (newlines too) folded. */
function foldLine(text: string): string {
  return text.replace(controlCharacters, " ").replace(/\s+/g, " ").trim();
}

/** A one-line field value (Synopsis, Homepage, Upstream-Name): whitespace folded. */
export function controlValue(text: string): Deb822Text {
  return escapedFor("deb822", foldLine(text));
}

/**
 * `Name <email>` of the maintainer, for debian/control, debian/copyright and the trailer line of
 * debian/changelog alike: one line.
 */
export function maintainerValue(
  name: string,
  email: string,
): PackagingText<"deb822" | "changelog"> {
  return escapedFor(["deb822", "changelog"], foldLine(`${foldLine(name)} <${foldLine(email)}>`));
}

/**
 * The package synopsis: one line under 80 characters (Debian Policy 3.4.1), shortened at a word,
 * no leading article and no final period (Debian Developer's Reference 6.2.2; lintian
 * description-synopsis-starts-with-article).
 */
export function controlSynopsis(summary: string): Deb822Text {
  const line = shorten(foldLine(summary), maxSummaryLength).replace(/\.$/, "");
  const stripped = line.replace(/^(?:a|an|the)\s+(?=\S)/i, "");
  return controlValue(stripped.charAt(0).toUpperCase() + stripped.slice(1));
}

/**
 * The extended description: paragraphs wrapped at 79 columns, each line prefixed by one space,
 * blocks separated by ` .`; a list's items as `  * ` lines, their continuation lines indented
 * to the text (Debian Policy 5.6.13: lines with two leading spaces are shown verbatim). A
 * paragraph line starting with `.`, `-` or `*` gets two spaces too; no line is a `.` alone.
 */
export function controlDescription(
  blocks: readonly (DescriptionBlock | string)[],
  synopsis = "",
  project = "",
): Deb822Text[] {
  const lines: string[] = [];
  // A first paragraph that only repeats the synopsis says nothing (lintian:
  // description-synopsis-is-duplicated), which compares the words only: "Pure-Python" repeats
  // "Pure Python".
  const same = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const all = blocks.map((b): DescriptionBlock =>
    typeof b === "string" ? { kind: "paragraph", text: b } : b,
  );
  const kept = all.filter(
    (b, i) => i > 0 || synopsis === "" || b.kind === "list" || same(b.text) !== same(synopsis),
  );
  // The first line may not be verbatim (lintian: description-starts-with-leading-spaces), so a
  // description starts with a paragraph.
  if (kept[0]?.kind !== "paragraph") {
    kept.unshift({
      kind: "paragraph",
      text: `This package provides the ${project} distribution for Python 3.`,
    });
  }
  for (const block of kept) {
    if (lines.length > 0) lines.push(" .");
    if (block.kind === "list") {
      for (const item of block.items) {
        wrapParagraph(foldLine(item), 75).forEach((line, i) => {
          lines.push(`${i === 0 ? "  * " : "    "}${line}`);
        });
      }
      continue;
    }
    // A line may not start with a dot (reserved for ` .`), and a list item must be indented to
    // be shown as one (lintian: possible-unindented-list-in-extended-description): two spaces
    // make such a line verbatim.
    for (let line of firstLines(foldLine(block.text), lines.length === 0 ? synopsis : "")) {
      // A bullet or an ellipsis that starts the first line is dropped.
      if (lines.length === 0) line = line.replace(/^[.*-]+\s*/, "");
      if (line === "") continue;
      lines.push(/^[.*-]/.test(line) ? `  ${line}` : ` ${line}`);
    }
  }
  return lines.map((line) => escapedFor("deb822", line));
}

/**
 * A paragraph wrapped at 78 columns. When it opens the description, its first line may not be
 * the synopsis again, as lintian compares them (description-synopsis-is-duplicated: ASCII letters
 * and digits, any case): a synopsis shortened from the same sentence can wrap to just that line,
 * and then the paragraph is wrapped a little narrower.
 */
function firstLines(text: string, synopsis: string): string[] {
  const words = (line: string) => line.toLowerCase().replace(/[^a-z0-9]+/g, "");
  for (let width = 78; width > 40; width--) {
    const wrapped = wrapParagraph(text, width);
    if (synopsis === "" || words(wrapped[0] ?? "") !== words(synopsis)) return wrapped;
  }
  return wrapParagraph(text, 78);
}

/**
 * A block of free text (a license text) as continuation lines: one leading space, empty lines as
 * ` .`, trailing space removed, tabs expanded.
 */
export function controlBlock(text: string): Deb822Text[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "        ")
    .replace(controlCharacters, " ")
    .split("\n");
  while (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "") lines.pop();
  return lines.map((line) =>
    escapedFor("deb822", line.trim() === "" ? " ." : ` ${line.trimEnd()}`),
  );
}

/** RFC 2822 date as in debian/changelog: `Thu, 01 Jan 2026 00:00:00 +0000`, in UTC. */
export function debianChangelogDate(date: Date): ChangelogText {
  return escapedFor("changelog", date.toUTCString().replace("GMT", "+0000"));
}

/** A one-line value of debian/changelog (the maintainer of the trailer line). */
export function changelogValue(text: string): ChangelogText {
  return escapedFor("changelog", foldLine(text));
}

/**
 * A debian/changelog item: `  * ` then the text wrapped at 80 columns, continuation lines
 * indented by four spaces (lintian's debian-changelog-line-too-long).
 */
export function changelogItem(text: string): ChangelogText[] {
  return wrapParagraph(foldLine(text), 76).map((line, i) =>
    i === 0 ? changelog`  * ${changelogValue(line)}` : changelog`    ${changelogValue(line)}`,
  );
}

/**
 * A lintian override's context, `[path]`, for a path of the wheel (whose control characters were
 * refused when it was read): `[` and `]` would end the context early, so they match as `?`.
 */
export function overrideContext(path: string): Deb822Text {
  return escapedFor("deb822", `[${path.replace(controlCharacters, "?").replace(/[[\]]/g, "?")}]`);
}
