/**
 * The regular expressions of `[mapping] rename`, run by re2js, a port of RE2: matching takes
 * time linear in the length of the name whatever the pattern, so that a packager's pattern
 * applied to the names a wheel supplies cannot hang wheel2pkg (`(a+)+$` against
 * `aaa…ab` backtracks for hours in a JavaScript RegExp). RE2's syntax is JavaScript's without
 * backreferences and lookaround; a pattern that uses them is refused when the config is read.
 */
import { RE2JS, RE2JSException } from "re2js";
import { UserError } from "../errors.js";

/** Why RE2 cannot run `source`, in words, or null when it can. */
export function renamePatternProblem(source: string): string | null {
  try {
    RE2JS.compile(source);
    return null;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    const reason = error.message.replace(/^error parsing regexp: /, "");
    return `${reason} (rename patterns are RE2 regular expressions: no backreferences, no lookaround)`;
  }
}

/** A rename pattern, compiled to match the whole PEP 503 name. */
export class RenamePattern {
  private constructor(
    /** The pattern as the config writes it. */
    readonly source: string,
    private readonly whole: RE2JS,
  ) {}

  /** Compiles a pattern; a UserError with {@link renamePatternProblem}'s words if it cannot. */
  static compile(source: string): RenamePattern {
    const problem = renamePatternProblem(source);
    if (problem !== null) throw new UserError(`invalid regular expression: ${problem}`);
    // The source compiles on its own, so the group cannot be closed early from inside it.
    return new RenamePattern(source, RE2JS.compile(`^(?:${source})$`));
  }

  /** Whether the pattern matches the whole name. */
  test(name: string): boolean {
    return this.whole.testExact(name);
  }

  /**
   * The name with the pattern replaced, `$1`, `$<name>`, `$&` and `$$` expanded as
   * String.prototype.replace expands them.
   */
  rename(name: string, replacement: string): string {
    return this.whole.matcher(name).replaceFirst(replacement);
  }
}
