/**
 * The ELF files of a platform wheel's package, treated as debian/rules and the dh sequence treat
 * them: a build machine's search path cut (chrpath), stripped as dh_strip strips (the vendored
 * `.libs` libraries left as built), and their shared-library dependencies found by
 * dpkg-shlibdeps, the one tool that reads the archive's shlibs and symbols files faithfully.
 * They are unpacked into a scratch `debian/<package>` tree for those tools.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { InstalledFile } from "../../../targets/common/files.js";
import type { WheelFiles } from "../../../wheel/index.js";
import { runTool, type RunOptions } from "../../../native/run.js";
import { siteDir } from "./dh-python.js";
import { stripArguments, stripKind } from "./debhelper.js";
import type { TreeFile } from "./installed-tree.js";
import type { SetLibrarySearch } from "./set-libraries.js";

/** The first bytes of a file. */
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether bytes start with the ELF magic. */
function isElf(head: Buffer): boolean {
  return head.toString("latin1") === "\x7fELF";
}

/** What the ELF files need from the package. */
export interface ElfInput {
  files: TreeFile[];
  wheel: WheelFiles;
  binaryName: string;
  /** auditwheel's `.libs` directories at the top of the site directory. */
  libraryDirs: readonly string[];
  runpaths: readonly { file: InstalledFile; kept: string[] }[];
  /** The written debian/control, which dpkg-shlibdeps reads. */
  control: string;
  /** The written debian/shlibs.local, which dpkg-shlibdeps reads too, or null. */
  shlibsLocal: Buffer | null;
  /** Where the libraries of a batch's other packages are (set-libraries.ts). */
  setLibraries: SetLibrarySearch;
  /** A scratch directory. */
  scratch: string;
  run: Omit<RunOptions, "cwd" | "label">;
}

/**
 * Processes the ELF files in place in `files` (their bytes then come from the scratch tree) and
 * returns `${shlibs:Depends}`.
 */
export async function processElfFiles(input: ElfInput): Promise<string> {
  // What dh_strip and dh_shlibdeps work on: ELF files, and static libraries for dh_strip. The
  // wheel's read knows most ELF files; a library too large for it to read the dynamic section of
  // is found by its name and its magic.
  const elves = input.files.filter(
    (file) =>
      file.source.kind === "member" &&
      (file.elf != null ||
        stripKind(file.path, null, 0) !== null ||
        /\.so(\.[^/]*)?$/.test(file.path)),
  );
  const linked: TreeFile[] = [];
  if (elves.length === 0) return "";
  const root = join(input.scratch, "debian", input.binaryName);
  await mkdir(join(root, "DEBIAN"), { recursive: true });
  await writeFile(join(input.scratch, "debian", "control"), input.control);
  if (input.shlibsLocal !== null) {
    await writeFile(join(input.scratch, "debian", "shlibs.local"), input.shlibsLocal);
  }
  const runpaths = new Map(input.runpaths.map((r) => [`${siteDir}/${r.file.path}`, r.kept]));
  const run = (tool: string, args: string[]) =>
    runTool(tool, args, { ...input.run, cwd: input.scratch, label: `${tool} ${input.binaryName}` });
  const chrpaths = new Map<string, string[]>();
  const strips = new Map<keyof typeof stripArguments, string[]>();
  const changed: [TreeFile, string][] = [];
  for (const file of elves) {
    if (file.source.kind !== "member") continue;
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    const out = createWriteStream(target, { mode: file.mode });
    await input.wheel.pipe(file.source.name, (chunk) =>
      out.write(chunk) ? undefined : once(out, "drain"),
    );
    await new Promise<void>((resolve, reject) => {
      out.end((error?: Error | null) => {
        if (error) reject(error);
        else resolve();
      });
    });
    const relative = join("debian", input.binaryName, file.path);
    const elf = file.elf ?? (isElf(await readHead(target)) ? { type: "shared" } : null);
    if (elf === null && stripKind(file.path, null, 0) === null) continue;
    if (elf !== null && elf.type !== "other") linked.push(file);
    const kept = runpaths.get(file.path);
    if (kept !== undefined) {
      const args = kept.length === 0 ? "-d" : `-r\0${kept.join(":")}`;
      chrpaths.set(args, [...(chrpaths.get(args) ?? []), relative]);
    }
    const excluded = input.libraryDirs.some((dir) => file.path.includes(dir));
    const kind = excluded ? null : stripKind(file.path, elf, file.mode);
    if (kind !== null) strips.set(kind, [...(strips.get(kind) ?? []), relative]);
    changed.push([file, target]);
  }
  // One chrpath per RUNPATH and one strip per kind of file, over all the files that take it,
  // in the order dh_strip sees them: RUNPATHs first.
  for (const [args, files] of chrpaths) await run("chrpath", [...args.split("\0"), ...files]);
  for (const [kind, files] of strips) await run("strip", [...stripArguments[kind], ...files]);
  for (const [file, target] of changed) {
    const { size } = await stat(target);
    Object.assign(file, { source: { kind: "disk", file: target }, size });
  }
  if (linked.length === 0) return "";
  const substvars = join(input.scratch, "debian", `${input.binaryName}.substvars`);
  await run("dpkg-shlibdeps", [
    `-T${substvars}`,
    ...input.libraryDirs.map((dir) => `-l/${siteDir}/${dir}`),
    ...input.setLibraries.directories.map((dir) => `-l${dir}`),
    ...input.setLibraries.roots.map((root) => `-S${root}`),
    ...linked.map((file) => join("debian", input.binaryName, file.path)),
  ]);
  const text = await readFile(substvars, "utf8").catch(() => "");
  return /^shlibs:Depends=(.*)$/m.exec(text)?.[1] ?? "";
}
