/** Control characters in names from a wheel. Names are quoted in messages by `printableName`. */
export { printableName } from "../errors.js";

/** The first control character (C0, DEL, C1) in `text` as `U+0007`, or null when it has none. */
export function firstControlCharacter(text: string): string | null {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const match = /[\u0000-\u001f\u007f-\u009f]/.exec(text);
  return match === null
    ? null
    : `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
