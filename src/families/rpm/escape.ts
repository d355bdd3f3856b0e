import { UnsupportedWheelError } from "../../errors.js";
import { escapedFor, type ChangesText, type SpecText } from "../../targets/text.js";

/**
 * Escaping of untrusted text (METADATA) for an RPM spec file. rpm expands macros everywhere in
 * a spec, including %description and tag values, and recognises a section (`%files`, `%install`)
 * in a line *after* expansion. So every `%` is doubled, and no description line may start with
 * one, which would begin a section once `%%` became `%`. A value may also be expanded a second
 * time (`Summary: %{summary}`, openSUSE's `%python_subpackages` copying the preamble), when
 * `%%{lua:…}` would become `%{lua:…}` and run: so a `%` that could start a macro is also
 * separated from what follows by a space, which no number of expansions turns into code.
 */

/** Doubles `%`, and spaces a `%` from a following character that could start a macro. */
function escapePercent(text: string): string {
  return text.replace(/%(?=[{([%!?*#\w-])/g, "% ").replace(/%/g, "%%");
}

/** C0 and C1 control characters and DEL: no spec line may hold one. */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

/** Escapes text for one spec tag value (Summary:): one line, macros inert. */
export function specValue(text: string): SpecText {
  return escapedFor(
    "spec",
    escapePercent(text.replace(controlCharacters, " ").replace(/\s+/g, " ").trim()),
  );
}

/**
 * Escapes a URL for a spec tag: a `%` that is no percent-encoding (`%` and two hex digits) is
 * encoded as `%25`, so no `%{`, `%(` or `%[` survives even a second expansion; then `%` is
 * doubled, keeping percent-encoding intact.
 */
export function specUrl(url: string): SpecText {
  const encoded = url
    .replace(controlCharacters, "")
    .replace(/\s+/g, "")
    .replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
  return escapedFor("spec", encoded.replace(/%/g, "%%"));
}

/** Escapes a description line: macros inert, and a leading `%` shielded by a space. */
export function specTextLine(line: string): SpecText {
  const escaped = escapePercent(line.replace(controlCharacters, " ").trimEnd());
  return escapedFor("spec", escaped.startsWith("%") ? ` ${escaped}` : escaped);
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** `Thu Jan 01 2026`, the date format of a spec %changelog entry, in UTC. */
export function specChangelogDate(date: Date): SpecText {
  return escapedFor(
    "spec",
    `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${date.getUTCFullYear()}`,
  );
}

/**
 * `Thu Jan 01 12:00:00 UTC 2026`, the date line of an openSUSE `.changes` entry (as `osc vc`
 * writes it), which the build service turns into the spec's %changelog.
 */
export function specChangesDate(date: Date): ChangesText {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return escapedFor(
    "changes",
    `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`,
  );
}

/** One line of a `.changes` file: plain text on one line. */
export function changesLine(text: string): ChangesText {
  return escapedFor("changes", text.replace(controlCharacters, " ").replace(/\s+/g, " ").trim());
}

/** Control characters, which no path in a spec may hold. */
function hasControlCharacter(text: string): boolean {
  controlCharacters.lastIndex = 0;
  return controlCharacters.test(text);
}

/**
 * A path from the wheel as part of a `%files` entry, after a macro (`%{_prefix}/`).
 *
 * rpm's `%files` parser differs across the releases we target: up to 4.18 a token is quoted only
 * as a whole (`"%{_prefix}/a b"`), with no escapes inside and glob characters still active, and
 * a glob pattern is split again like a shell command line (quotes and backslashes); from 4.19 a
 * quoted token is taken literally and an unquoted one may escape spaces with `\`, which 4.18
 * keeps as part of the name. And openSUSE's `%python_subpackages` expands every `%files` line a
 * second time for each further flavor. The one spelling all of them read alike is an unquoted
 * glob without `%`: each character that would split the token, quote, escape, glob or start a
 * macro (whitespace, `" ' \ * ? [ ] { } %`) becomes `?`, which matches exactly that character in
 * the file's own name. The pattern can also match a sibling whose name differs only there: both
 * are files of this same package, so rpm at most notes the file twice. Control characters,
 * which no file name in a package may hold, are refused.
 */
export function specFilePath(path: string): SpecText {
  if (hasControlCharacter(path)) {
    throw new UnsupportedWheelError(
      `cannot list the file ${JSON.stringify(path)} in a spec file: its name holds a control character`,
      { member: path },
    );
  }
  return escapedFor("spec", path.replace(/[\s"'\\*?[\]{}%]/g, "?"));
}

/**
 * A path from the wheel as one word of a command that openSUSE's `%python_expand` runs once per
 * flavor. Its text is macro-expanded more than once on the way (and runs of whitespace fold), so
 * no `%` doubling or quoting of special characters survives it. A name of plain characters
 * (letters, digits, non-ASCII, `. _ / + - , @ :`) is single-quoted as any shell word; any other
 * becomes an unquoted shell glob in which each other ASCII character is `?`, matching exactly
 * that character of the file's own name. Control characters are refused.
 */
export function specExpandWord(path: string): SpecText {
  if (hasControlCharacter(path)) {
    throw new UnsupportedWheelError(
      `cannot name the file ${JSON.stringify(path)} in a spec scriptlet: its name holds a control character`,
      { member: path },
    );
  }
  const glob = path.replace(/[\x20-\x7e]/g, (c) => (/[\w./+,@:-]/.test(c) ? c : "?"));
  return escapedFor("spec", glob === path ? `'${path}'` : glob);
}

/** A path from the wheel as one shell word in a spec scriptlet: single-quoted, `%` doubled. */
export function specShellWord(path: string): SpecText {
  if (hasControlCharacter(path)) {
    throw new UnsupportedWheelError(
      `cannot name the file ${JSON.stringify(path)} in a spec scriptlet: its name holds a control character`,
      { member: path },
    );
  }
  return escapedFor("spec", `'${path.replace(/'/g, "'\\''").replace(/%/g, "%%")}'`);
}
