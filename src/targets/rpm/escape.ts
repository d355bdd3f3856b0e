import { UnsupportedWheelError } from "../../errors.js";

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

/** Escapes text for one spec tag value (Summary:): one line, macros inert. */
export function specValue(text: string): string {
  return escapePercent(text.replace(/[\r\n\t]+/g, " ").trim());
}

/** Escapes a URL for a spec tag: `%` doubled only, so percent-encoding stays intact. */
export function specUrl(url: string): string {
  return url.replace(/\s+/g, "").replace(/%/g, "%%");
}

/** Escapes a description line: macros inert, and a leading `%` shielded by a space. */
export function specTextLine(line: string): string {
  const escaped = escapePercent(line.replace(/[\r\t]/g, " ").trimEnd());
  return escaped.startsWith("%") ? ` ${escaped}` : escaped;
}

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** `Thu Jan 01 2026`, the date format of a spec %changelog entry, in UTC. */
export function specChangelogDate(date: Date): string {
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${date.getUTCFullYear()}`;
}

/**
 * `Thu Jan 01 12:00:00 UTC 2026`, the date line of an openSUSE `.changes` entry (as `osc vc`
 * writes it), which the build service turns into the spec's %changelog.
 */
export function specChangesDate(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

/** Control characters, which no path in a spec may hold. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A path from the wheel as a `%files` entry: `%` doubled, glob characters escaped, quoted when
 * it holds spaces. A path that cannot be written safely (quotes, backslashes, control
 * characters) is refused.
 */
export function specFilePath(path: string): string {
  if (hasControlCharacter(path) || /["\\]/.test(path)) {
    throw new UnsupportedWheelError(`cannot list the file "${path}" in a spec file`, {
      member: path,
    });
  }
  const escaped = path.replace(/%/g, "%%").replace(/[*?[\]{}]/g, (c) => `\\${c}`);
  return /\s/.test(escaped) ? `"${escaped}"` : escaped;
}

/** A path from the wheel as one shell word in a spec scriptlet: single-quoted, `%` doubled. */
export function specShellWord(path: string): string {
  if (hasControlCharacter(path)) {
    throw new UnsupportedWheelError(`cannot name the file "${path}" in a spec scriptlet`, {
      member: path,
    });
  }
  return `'${path.replace(/'/g, "'\\''").replace(/%/g, "%%")}'`;
}
