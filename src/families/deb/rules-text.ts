/**
 * Escaping for debian/rules, a makefile whose recipe lines are shell commands: make expands `$`
 * before the shell sees a line, and the shell splits words and runs `$(…)`, backquotes, `;`.
 */
import { UnsupportedWheelError } from "../../errors.js";
import { escapedFor, type RulesText } from "../../targets/text.js";

/** Characters a rules word may hold as it is: none means anything to make or a shell. */
const plainWord = /^[A-Za-z0-9._+~^:=!,/@%-]+$/;

/**
 * One shell word in a recipe line, for a path from the wheel: as it is when it holds only plain
 * characters, else single-quoted; `$` doubled for make either way. A newline, which would end
 * the recipe line, or another control character is refused.
 */
export function rulesWord(text: string): RulesText {
  return plainWord.test(text) ? escapedFor("rules", text) : rulesQuoted(text);
}

/** One single-quoted shell word in a recipe line, `$` doubled for make. */
export function rulesQuoted(text: string): RulesText {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new UnsupportedWheelError(
      `cannot name the file ${JSON.stringify(text)} in debian/rules: its name holds a control character`,
      { member: text },
    );
  }
  return escapedFor("rules", `'${text.replace(/'/g, "'\\''")}'`.replace(/\$/g, "$$$$"));
}
