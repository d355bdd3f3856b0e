/**
 * The Debian family's native queries and lint: what a built `.deb` holds (dpkg-deb) and lintian.
 */
import {
  runLinter,
  severityLetters as letters,
  unpacked,
  type BuiltPackage,
  type NativeLintRun,
  type NativeTag,
} from "../../native/packages.js";
import { captureTool } from "../../native/run.js";

/** Queries a built `.deb`: control fields and the unpacked files. */
export async function queryDeb(file: string): Promise<BuiltPackage> {
  const fields = ["Package", "Architecture", "Section", "Description", "Depends"];
  // One dpkg-deb for every field: it prints them as `Name: value` lines, continuations indented.
  const values = new Map<string, string>();
  let current: string | null = null;
  for (const line of (await captureTool("dpkg-deb", ["-f", file, ...fields])).split("\n")) {
    const field = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (field?.[1] !== undefined && fields.includes(field[1])) {
      current = field[1];
      values.set(current, field[2] ?? "");
    } else if (current !== null && /^\s/.test(line)) {
      values.set(current, `${values.get(current) ?? ""}\n${line}`);
    }
  }
  const files = await unpacked(file, (directory) =>
    captureTool("dpkg-deb", ["-x", file, directory]),
  );
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
