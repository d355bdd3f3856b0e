/**
 * Wheel-supplied text (member names, RECORD paths) as error messages show it: a name holding
 * an escape sequence or a carriage return must not repaint or rewrite the user's terminal, nor
 * hide what it really is.
 */

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
// and isolates that can make text display in another order than it is stored; and the backslash,
// so that an escape in the output is always ours.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g;

/** `text` with control characters escaped: `\x07`, `\u202e`, and `\\` for a backslash. */
export function printableName(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === "\\") return "\\\\";
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** The first control character (C0, DEL, C1) in `text` as `U+0007`, or null when it has none. */
export function firstControlCharacter(text: string): string | null {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const match = /[\u0000-\u001f\u007f-\u009f]/.exec(text);
  return match === null
    ? null
    : `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
