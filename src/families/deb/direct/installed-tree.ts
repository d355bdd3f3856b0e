/**
 * The files of a binary package built from a wheel, as dpkg-buildpackage's run of debian/rules
 * leaves them in `debian/<package>`: the PyPA installer's work (Debian's layout, entry-point
 * scripts, `#!python` lines, a new RECORD), debian/rules' fixes, dh_python3's removals and
 * `#!` rewrites, the docs debhelper installs, dh_compress and dh_fixperms. Contents stay in the
 * wheel where they are unchanged; only what is rewritten is held in memory.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import zlib from "node:zlib";
import type { PackageFacts } from "../../../targets/common/facts.js";
import type { WheelPackage } from "../../../model/package.js";
import type { WheelFiles, WheelMember } from "../../../wheel/index.js";
import { fileFixes } from "../fixes.js";
import { compressedByDh, fixedMode, needsDebhelper } from "./debhelper.js";
import { fixScriptShebang, removedByDhPython, siteDir } from "./dh-python.js";

/** Where a file's bytes come from. */
export type FileSource =
  | { kind: "member"; name: string }
  | { kind: "bytes"; bytes: Buffer }
  | { kind: "disk"; file: string };

/** One file of the package. */
export interface TreeFile {
  /** Below the root, no leading `/`. */
  path: string;
  mode: number;
  size: number;
  source: FileSource;
  /** The wheel member's ELF facts, when it is one. */
  elf: WheelMember["elf"];
}

/** What the tree is made from. */
export interface TreeInput {
  /** The wheel as a verified read gave it (its members' facts, RECORD, entry points). */
  contents: Pick<WheelPackage, "filename" | "distInfoDir" | "members" | "record" | "entryPoints">;
  facts: PackageFacts;
  wheel: WheelFiles;
  binaryName: string;
  /** The target's Python (`3.11`): where headers go. */
  pythonVersion: string;
  copyright: Buffer;
  changelog: Buffer;
  lintianOverrides: Buffer | null;
  /** dh_installman's re-encoding of manual pages (their bytes in, the same number out). */
  recodeManPages: (pages: readonly Buffer[]) => Promise<Buffer[]>;
}

/** The tree, the interpreters of its /usr/bin scripts, and what it needs debhelper for. */
export interface InstalledTree {
  files: TreeFile[];
  interpreters: string[];
  /** Why only dpkg-buildpackage can build it faithfully; null when the direct builder can. */
  unsupported: string | null;
}

/** The entry-point script the installer writes (installer 0.6's template). */
function entryPointScript(module: string, attr: string): Buffer {
  return Buffer.from(
    [
      "#!/usr/bin/python3",
      "# -*- coding: utf-8 -*-",
      "import re",
      "import sys",
      `from ${module} import ${attr.split(".")[0] ?? attr}`,
      'if __name__ == "__main__":',
      '    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])',
      `    sys.exit(${attr}())`,
      "",
    ].join("\n"),
  );
}

/** A RECORD field as Python's csv module writes it (quoted when it must be). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64url");

/** Computes the package's files. */
export async function installedTree(input: TreeInput): Promise<InstalledTree> {
  const { contents, facts, wheel, binaryName } = input;
  /** A file's bytes, wherever they are: the tree's own, the wheel's member, or a file on disk. */
  const contentOf = async (file: TreeFile): Promise<Buffer> =>
    file.source.kind === "bytes"
      ? file.source.bytes
      : file.source.kind === "member"
        ? await wheel.read(file.source.name)
        : await readFile(file.source.file);
  const schemeDir = {
    purelib: siteDir,
    platlib: siteDir,
    scripts: "usr/bin",
    data: "usr",
    headers: `usr/include/python${input.pythonVersion}/${contents.filename.distribution}`,
  };
  // RECORD names files relative to the site directory.
  const recordPrefix = {
    purelib: "",
    platlib: "",
    scripts: "../../../bin/",
    data: "../../../",
    headers: `../../../include/python${input.pythonVersion}/${contents.filename.distribution}/`,
  };
  const files = new Map<string, TreeFile & { executable: boolean }>();
  const record: string[] = [];
  const add = (
    path: string,
    source: FileSource,
    size: number,
    executable: boolean,
    elf = null as TreeFile["elf"],
  ) => {
    files.set(path, { path, source, size, executable, mode: 0, elf });
  };

  for (const entry of contents.entryPoints) {
    if (entry.group !== "console_scripts" && entry.group !== "gui_scripts") continue;
    const bytes = entryPointScript(entry.module, entry.attr ?? "");
    add(`usr/bin/${entry.name}`, { kind: "bytes", bytes }, bytes.length, true);
    record.push(`../../../bin/${csvField(entry.name)},sha256=${sha256(bytes)},${bytes.length}`);
  }
  const members = new Map(contents.members.map((m) => [m.path, m]));
  const recordPath = `${contents.distInfoDir}/RECORD`;
  const digests = new Map(contents.record.map((row) => [row.path, row.hash]));
  for (const name of wheel.names) {
    const member = members.get(name);
    if (member === undefined || name === recordPath) continue;
    const path = `${schemeDir[member.scheme]}/${member.installPath}`;
    let source: FileSource = { kind: "member", name };
    let size = member.size;
    let digest = digests.get(name);
    if (member.scheme === "scripts" && member.shebang === true) {
      // The installer gives `#!python` scripts the interpreter it runs with.
      let bytes = await wheel.read(name);
      if (bytes.subarray(0, 8).toString("latin1") === "#!python") {
        const newline = bytes.indexOf(0x0a);
        const rest = newline === -1 ? Buffer.alloc(0) : bytes.subarray(newline + 1);
        bytes = Buffer.concat([Buffer.from("#!/usr/bin/python3\n"), rest]);
      }
      source = { kind: "bytes", bytes };
      size = bytes.length;
      digest = { algorithm: "sha256", digest: sha256(bytes) };
    } else if (digest?.algorithm !== "sha256") {
      digest = { algorithm: "sha256", digest: sha256(await wheel.read(name)) };
    }
    add(path, source, size, member.executable || member.scheme === "scripts", member.elf ?? null);
    const recorded = `${recordPrefix[member.scheme]}${member.installPath}`;
    record.push(`${csvField(recorded)},sha256=${digest.digest},${size}`);
  }
  record.push(`${csvField(recordPath)},,`);
  const recordBytes = Buffer.from(record.map((line) => `${line}\n`).join(""));
  add(`${siteDir}/${recordPath}`, { kind: "bytes", bytes: recordBytes }, recordBytes.length, false);

  // debian/rules: remove the scripts that cannot run, drop library modules' `#!` lines.
  const fixes = fileFixes(facts.files, facts.unrunnableScripts);
  for (const script of fixes.removedScripts) files.delete(`usr/bin/${script}`);
  for (const file of fixes.shebangsDropped) {
    const path = `${siteDir}/${file.path}`;
    const found = files.get(path);
    if (found?.source.kind !== "member") continue;
    const bytes = await wheel.read(found.source.name);
    const newline = bytes.indexOf(0x0a);
    const kept =
      bytes.subarray(0, 2).toString("latin1") !== "#!"
        ? bytes
        : newline === -1
          ? Buffer.alloc(0)
          : bytes.subarray(newline + 1);
    files.set(path, { ...found, source: { kind: "bytes", bytes: kept }, size: kept.length });
  }
  // dh_python3: byte-code and test directories go; scripts' `#!` lines name /usr/bin's Python.
  for (const path of [...files.keys()]) if (removedByDhPython(path)) files.delete(path);
  const interpreters = new Set<string>();
  for (const file of files.values()) {
    if (!/^(usr\/)?(s?bin|games)\/[^/]+$/.test(file.path) || file.path.startsWith("games/"))
      continue;
    const known = file.source.kind === "member" ? members.get(file.source.name)?.shebang : true;
    if (known === false) continue;
    const bytes = await contentOf(file);
    const fixed = fixScriptShebang(bytes);
    if (fixed.interpreter !== null) interpreters.add(fixed.interpreter);
    if (fixed.content !== bytes) {
      files.set(file.path, {
        ...file,
        source: { kind: "bytes", bytes: fixed.content },
        size: fixed.content.length,
      });
    }
  }

  // dh_installdocs, dh_installchangelogs, dh_lintian.
  const doc = `usr/share/doc/${binaryName}`;
  add(`${doc}/copyright`, { kind: "bytes", bytes: input.copyright }, input.copyright.length, false);
  add(
    `${doc}/changelog.Debian`,
    { kind: "bytes", bytes: input.changelog },
    input.changelog.length,
    false,
  );
  if (input.lintianOverrides !== null) {
    const bytes = input.lintianOverrides;
    add(`usr/share/lintian/overrides/${binaryName}`, { kind: "bytes", bytes }, bytes.length, false);
  }

  // dh_installman: every manual page re-encoded, uncompressed (dh_compress compresses it again).
  const manPages = [...files.values()].filter((file) => file.path.startsWith("usr/share/man/"));
  const pageBytes = await Promise.all(
    manPages.map(async (file) => {
      const bytes = await contentOf(file);
      return file.path.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes;
    }),
  );
  const recoded = await input.recodeManPages(pageBytes);
  manPages.forEach((file, i) => {
    const bytes = recoded[i] ?? Buffer.alloc(0);
    files.delete(file.path);
    add(file.path.replace(/\.gz$/, ""), { kind: "bytes", bytes }, bytes.length, false);
  });

  // dh_compress: gzip -9n of the documentation it chooses.
  for (const file of [...files.values()]) {
    if (!compressedByDh(file.path, file.size)) continue;
    const gz = zlib.gzipSync(await contentOf(file), { level: 9 });
    files.delete(file.path);
    add(`${file.path}.gz`, { kind: "bytes", bytes: gz }, gz.length, false);
  }

  // dh_fixperms, then debian/rules' `chmod a-x` of files that are no scripts.
  const notExecutable = new Set(fixes.notExecutable.map((file) => `${siteDir}/${file.path}`));
  for (const file of files.values()) {
    file.mode =
      fixedMode(file.path, file.executable) & (notExecutable.has(file.path) ? 0o644 : 0o777);
  }

  let unsupported: string | null = null;
  for (const path of files.keys()) unsupported ??= needsDebhelper(path);
  return {
    files: [...files.values()].map(({ executable: _executable, ...file }) => file),
    interpreters: [...interpreters].sort(),
    unsupported,
  };
}
