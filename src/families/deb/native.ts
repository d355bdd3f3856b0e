/**
 * The Debian family's native queries and lint: what a built `.deb` holds (read in-process, or by
 * dpkg-deb) and lintian.
 */
import {
  runLinter,
  severityLetters as letters,
  unpacked,
  type BuiltFile,
  type BuiltPackage,
  type NativeLintRun,
  type NativeTag,
} from "../../native/packages.js";
import { captureTool } from "../../native/run.js";
import { readDebContents } from "./deb-contents.js";

/** The control fields lint reads, as dpkg spells them. */
const queried = ["Package", "Architecture", "Section", "Description", "Depends"] as const;

/** The package that lint reads from a .deb's control fields and its files. */
function builtDeb(values: ReadonlyMap<string, string>, files: BuiltFile[]): BuiltPackage {
  const depends = (values.get("Depends") ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter((d) => d !== "");
  return {
    format: "deb",
    name: values.get("Package") ?? "",
    architecture: values.get("Architecture") ?? "",
    summary: (values.get("Description") ?? "").split("\n")[0] ?? "",
    license: "",
    section: values.get("Section") ?? "",
    requires: depends,
    files,
  };
}

/**
 * One relation of a Depends field as dpkg prints it: alternatives joined by ` | `, each
 * `name[:arch] (op version)`, the obsolete `<` and `>` read as `<=` and `>=`.
 */
function dpkgRelation(relation: string): string {
  return relation
    .split("|")
    .map((alternative) => {
      const m = /^\s*([^\s(]+)\s*(?:\(\s*(<<|<=|>=|>>|=|<|>)\s*([^\s)]+)\s*\))?\s*$/.exec(
        alternative,
      );
      if (m === null) return alternative.trim();
      const op = m[2] === "<" ? "<=" : m[2] === ">" ? ">=" : m[2];
      return op === undefined ? (m[1] ?? "") : `${m[1] ?? ""} (${op} ${m[3] ?? ""})`;
    })
    .join(" | ");
}

/**
 * The fields lint reads from a control file, as `dpkg-deb -f` gives them: names matched in any
 * case, a value without the whitespace before and after it (continuation lines kept), Depends
 * rewritten in dpkg's spelling on one line.
 */
export function controlValues(control: string): Map<string, string> {
  const raw = new Map<string, string>();
  let current: string | null = null;
  for (const line of control.split("\n")) {
    const field = /^([^\s:][^:]*):(.*)$/.exec(line);
    if (field !== null) {
      const name = queried.find((q) => q.toLowerCase() === (field[1] ?? "").toLowerCase());
      current = name ?? null;
      if (name !== undefined) raw.set(name, field[2] ?? "");
    } else if (current !== null && /^\s/.test(line)) {
      raw.set(current, `${raw.get(current) ?? ""}\n${line}`);
    } else {
      current = null;
    }
  }
  const values = new Map<string, string>();
  for (const [name, value] of raw) {
    const trimmed = value.replace(/^[ \t]+/, "").replace(/\s+$/, "");
    values.set(
      name,
      name === "Depends"
        ? trimmed
            .split(",")
            .filter((r) => r.trim() !== "")
            .map(dpkgRelation)
            .join(", ")
        : trimmed,
    );
  }
  return values;
}

/**
 * Queries a built `.deb`: control fields and the files, read in-process (no process per
 * package, docs/architecture.md "Families"); a .deb that reader does not know (bzip2 or lzma
 * members) is read by dpkg-deb instead.
 */
export async function queryDeb(file: string): Promise<BuiltPackage> {
  const read = await readDebContents(file);
  if (read === null) return queryDebWithDpkg(file);
  return builtDeb(controlValues(read.control), read.files);
}

/** Queries a built `.deb` with dpkg-deb: `-f` for the control fields, `-x` for the files. */
export async function queryDebWithDpkg(file: string): Promise<BuiltPackage> {
  // One dpkg-deb for every field: it prints them as the control file spells them.
  const values = controlValues(await captureTool("dpkg-deb", ["-f", file, ...queried]));
  const files = await unpacked(file, (directory) =>
    captureTool("dpkg-deb", ["-x", file, directory]),
  );
  return builtDeb(values, files);
}

/** Parses lintian's `E: package[ type]: tag details` lines (overridden tags are left out). */
export function parseLintian(output: string): NativeTag[] {
  const tags: NativeTag[] = [];
  for (const line of output.split("\n")) {
    const m =
      /^([EWIPX]): (\S+?)(?: (?:source|binary|changes|udeb|buildinfo))?: (\S+)(?: (.*))?$/.exec(
        line,
      );
    if (m === null) continue;
    tags.push({
      tool: "lintian",
      file: m[2] ?? "",
      severity: letters[m[1] ?? "I"] ?? "info",
      tag: m[3] ?? "",
      message: (m[4] ?? "").trim(),
    });
  }
  return tags;
}

/** lintian on `.deb` / `.dsc` / `.changes` files. */
export async function runLintian(files: readonly string[]): Promise<NativeLintRun> {
  return runLinter("lintian", ["--allow-root", "--no-tag-display-limit", ...files], parseLintian);
}
