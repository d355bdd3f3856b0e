/**
 * `.dist-info/entry_points.txt`: an INI file of `[group]` sections with
 * `name = module:attr [extra1, extra2]` lines, as importlib.metadata reads it.
 */
import { WheelError, type Location } from "../errors.js";
import type { EntryPoint } from "./types.js";

// importlib.metadata's EntryPoint.pattern: dotted module, optional dotted attr, optional extras.
const VALUE = /^(?<module>[\w.]+)\s*(?::\s*(?<attr>[\w.]+)\s*)?(?:\[(?<extras>[^\]]*)\]\s*)?$/;

/**
 * Parses entry_points.txt into entry points in file order. Blank lines and lines starting with
 * `#` or `;` are comments. Throws WheelError naming the line for an entry outside a section, a
 * line that is neither a section nor `name = value`, or a value that is not `module:attr`.
 */
export function parseEntryPoints(text: string, where: Location = {}): EntryPoint[] {
  const entryPoints: EntryPoint[] = [];
  let group: string | null = null;
  const lines = text.split(/\r\n?|\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    const fail = (message: string): never => {
      throw new WheelError(`line ${index + 1}: ${message}`, where);
    };
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (line.startsWith("[")) {
      if (!line.endsWith("]") || line.length < 3)
        fail(`bad section header ${JSON.stringify(line)}`);
      group = line.slice(1, -1).trim();
      continue;
    }
    const equals = line.indexOf("=");
    if (equals < 0) fail(`expected "name = module:attr", found ${JSON.stringify(line)}`);
    if (group === null) fail(`entry point ${JSON.stringify(line)} is outside any [group]`);
    const name = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (name === "") fail("entry point without a name");
    const match = VALUE.exec(value);
    if (match?.groups === undefined) {
      return fail(`entry point ${name} = ${JSON.stringify(value)} is not "module:attr [extras]"`);
    }
    const { module = "", attr, extras } = match.groups;
    entryPoints.push({
      group: group ?? "",
      name,
      value,
      module,
      attr: attr ?? null,
      extras: (extras ?? "")
        .split(",")
        .map((extra) => extra.trim())
        .filter((extra) => extra !== ""),
    });
  }
  return entryPoints;
}
