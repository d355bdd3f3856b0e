/**
 * The imports a Python module states in its source text, read statically: what a distro packager
 * reads to see which optional dependencies a package's own commands need. Nothing is run.
 */

/** One `import` or `from … import` statement of a module, its target resolved to a full name. */
export interface PythonImport {
  /** Dotted module name, relative imports resolved against the module's package (`httpx._main`). */
  module: string;
  /** The names a `from` import takes from it (each may be a submodule); empty for `import x`. */
  names: string[];
  /**
   * The module runs without it: the statement is in a `try:` whose `except` catches ImportError
   * (or in that handler), or under `if TYPE_CHECKING:`.
   */
  optional: boolean;
}

/** A logical line of code: strings emptied, comments dropped, continuations joined. */
interface LogicalLine {
  indent: number;
  text: string;
}

/**
 * The logical lines of `source`: string literals become `""` (so their text is never read as
 * code), comments are dropped, and lines continued by a backslash or an open bracket are joined.
 */
function logicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let text = "";
  let indent = -1;
  let depth = 0;
  const end = () => {
    if (text.trim() !== "") lines.push({ indent: Math.max(indent, 0), text: text.trim() });
    text = "";
    indent = -1;
  };
  for (let i = 0; i < source.length;) {
    const c = source[i] as string;
    if (indent < 0 && depth === 0) {
      // The start of a line: measure its indentation (a tab counts as one column; Python
      // refuses mixing that would make this differ).
      let j = i;
      while (source[j] === " " || source[j] === "\t") j++;
      indent = j - i;
      i = j;
      continue;
    }
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (c === "\\" && source[i + 1] === "\n") {
      text += " ";
      i += 2;
      continue;
    }
    if (c === "\n" || c === "\r") {
      if (depth === 0) end();
      else text += " ";
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < source.length && !source.startsWith(quote, j)) {
        if (source[j] === "\\") j++;
        // An unterminated one-quote string ends at the line's end.
        else if (quote.length === 1 && source[j] === "\n") break;
        j++;
      }
      text += '""';
      i = Math.min(j + quote.length, source.length);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    text += c;
    i++;
  }
  end();
  return lines;
}

const blockOpens = /^(?:try|except|else|finally|if|elif|for|while|with|def|async|class)\b.*:$/;
const catchesImportError = /^except\b.*\b(?:ImportError|ModuleNotFoundError)\b|^except\s*:$/;
const typeCheckingBlock = /^if\s+(?:typing\.)?TYPE_CHECKING\s*:$/;
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const dotted = /^[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The index one past the block that line `at` opens (the lines indented deeper after it). */
function blockEnd(lines: readonly LogicalLine[], at: number): number {
  const indent = (lines[at] as LogicalLine).indent;
  let end = at + 1;
  while (end < lines.length && (lines[end] as LogicalLine).indent > indent) end++;
  return end;
}

/** Marks the lines whose imports the module can run without (see {@link PythonImport.optional}). */
function optionalLines(lines: readonly LogicalLine[]): boolean[] {
  const optional = lines.map(() => false);
  const mark = (from: number, to: number) => optional.fill(true, from, to);
  lines.forEach((line, at) => {
    if (typeCheckingBlock.test(line.text)) mark(at + 1, blockEnd(lines, at));
    if (line.text !== "try:") return;
    const body = blockEnd(lines, at);
    // The handlers of this try: the clauses at its own indentation that follow the body.
    let clause = body;
    let guarded = false;
    const handlers: [number, number][] = [];
    while (clause < lines.length) {
      const { indent, text } = lines[clause] as LogicalLine;
      if (indent !== line.indent || !/^(?:except|else|finally)\b/.test(text)) break;
      const end = blockEnd(lines, clause);
      if (catchesImportError.test(text)) {
        guarded = true;
        handlers.push([clause + 1, end]);
      }
      clause = end;
    }
    if (guarded) {
      mark(at + 1, body);
      for (const [from, to] of handlers) mark(from, to);
    }
  });
  return optional;
}

/**
 * The imports of a module, read from its source text: `import a.b as c, d` and
 * `from .x import y` statements at any depth (inside functions too), relative names resolved
 * against `packageName` (the package the module is in; the package itself for an `__init__`).
 * `__future__` imports are left out. Strings and comments are never read as code.
 */
export function scanImports(source: string, packageName: string): PythonImport[] {
  const lines = logicalLines(source);
  const optional = optionalLines(lines);
  const found: PythonImport[] = [];
  const add = (module: string, names: string[], at: number) => {
    if (module !== "__future__") found.push({ module, names, optional: optional[at] === true });
  };
  lines.forEach((line, at) => {
    // A compound statement's body may follow its colon on the same line (`if x: import y`).
    const code = blockOpens.test(line.text)
      ? line.text
      : line.text.replace(/^[^:]*:\s*(?=(?:import|from)\s)/, "");
    for (const statement of code.split(";")) {
      const text = statement.trim();
      const plain = /^import\s+(.+)$/.exec(text);
      if (plain !== null) {
        for (const part of (plain[1] as string).split(",")) {
          const name =
            part
              .trim()
              .split(/\s+as\s+/)[0]
              ?.replace(/\s+/g, "") ?? "";
          if (dotted.test(name)) add(name, [], at);
        }
        continue;
      }
      const from = /^from\s+(\.*)\s*([A-Za-z_][\w.\s]*?)?\s+import\s+(.+)$/.exec(text);
      if (from === null) continue;
      const [, dots = "", rawModule = "", rawNames = ""] = from;
      const relative = rawModule.replace(/\s+/g, "");
      let base = relative;
      if (dots.length > 0) {
        const parts = packageName === "" ? [] : packageName.split(".");
        // One dot is the module's own package; each further dot goes one package up.
        if (dots.length - 1 > parts.length) continue;
        const anchor = parts.slice(0, parts.length - (dots.length - 1)).join(".");
        base = [anchor, relative].filter((p) => p !== "").join(".");
      }
      if (!dotted.test(base)) continue;
      const names = rawNames
        .replace(/[()]/g, "")
        .split(",")
        .map(
          (n) =>
            n
              .trim()
              .split(/\s+as\s+/)[0]
              ?.trim() ?? "",
        )
        .filter((n) => identifier.test(n));
      add(base, names, at);
    }
  });
  return found;
}

/**
 * The dotted module name of a file installed into site-packages (`httpx/_main.py` →
 * `httpx._main`, `httpx/__init__.py` → `httpx`), or null for a file that is no importable
 * Python source module.
 */
export function moduleOfPath(installPath: string): string | null {
  if (!installPath.endsWith(".py")) return null;
  const parts = installPath.slice(0, -3).split("/");
  if (parts.at(-1) === "__init__") parts.pop();
  return parts.length > 0 && parts.every((p) => identifier.test(p)) ? parts.join(".") : null;
}

/**
 * The package a module's relative imports start from: its directory (`httpx` for both
 * `httpx/_main.py` and `httpx/__init__.py`).
 */
export function packageOfPath(installPath: string): string {
  return installPath.split("/").slice(0, -1).join(".");
}
