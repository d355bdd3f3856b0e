/** Inline lint overrides: `# wheel2pkg-lint: disable=rule-id[,rule-id…]` comments. */

const disableRe = /^\s*#\s*wheel2pkg-lint:\s*disable=([A-Za-z0-9,\s-]+)$/gm;

/** Every rule id that a spec or debian/control disables with an inline comment. */
export function inlineDisables(text: string): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const match of text.matchAll(disableRe)) {
    for (const id of (match[1] ?? "").split(",")) {
      if (id.trim() !== "") ids.add(id.trim());
    }
  }
  return ids;
}
