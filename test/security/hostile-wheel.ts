/**
 * Wheels whose wheel-supplied values carry hostile payloads. A payload is text that would run a
 * command (`touch <marker>`) if rpm, a shell, make or nunjucks ever read it as code, or that
 * would add a field, paragraph or section if a packaging format read it as structure. Where the
 * payloads go is decided in `slots.ts`; this file builds the wheel.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wheelBytes, type RawZipEntry } from "../wheel/zip-builder.js";

/** Where a payload's command leaves its mark. */
export interface Markers {
  /** The directory of `absolute`, removed by the test file at the end. */
  dir: string;
  /**
   * An absolute path, for payloads that may hold `/`. Lower case, no `_` or `.`, so that a
   * name normalized by PEP 503/685 (as extras are) still runs `touch` on this same path.
   */
  absolute: string;
  /** A bare file name, for one path segment; created wherever the tool that runs it stands. */
  relative: string;
}

/** A fresh pair of marker paths; nothing is created but their directory. */
export function freshMarkers(): Markers {
  const id = randomBytes(6).toString("hex");
  const dir = join(tmpdir(), `w2p-hostile-${id}`);
  const absolute = join(dir, "pwned");
  if (
    absolute !==
    absolute
      .replace(/[-_.]+/g, "-")
      .toLowerCase()
      .replace(/^-/, "")
  ) {
    throw new Error(`the marker path ${absolute} is not stable under name normalization`);
  }
  mkdirSync(dir, { recursive: true });
  return { dir, absolute, relative: `pwned${id}` };
}

/** Paths where a marker was left: the absolute one, or the relative one anywhere below `roots`. */
export function trippedMarkers(markers: Markers, roots: readonly string[]): string[] {
  const found = existsSync(markers.absolute) ? [markers.absolute] : [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const path of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (path.split("/").at(-1) === markers.relative) found.push(join(root, path));
    }
  }
  return found;
}

/** One hostile text, as a function of the command it tries to run. */
export interface Payload {
  id: string;
  text: (command: string) => string;
}

/**
 * The payloads: rpm macros and sections, shell and make command substitution, template tags,
 * deb822 field and paragraph injection, control characters.
 */
export const payloads: readonly Payload[] = [
  { id: "rpm-shell-macro", text: (c) => `%(${c})` },
  { id: "rpm-lua", text: (c) => `%{lua:os.execute("${c}")}` },
  { id: "rpm-expand", text: (c) => `%{expand:%%(${c})}` },
  { id: "rpm-shrink", text: (c) => `%{shrink:%(${c})}` },
  { id: "rpm-conditional", text: (c) => `%{?!x:%(${c})}%[%(${c})]` },
  { id: "rpm-section-lines", text: (c) => `x\n%files\n%post\n${c}\n%install\n%description` },
  { id: "rpm-leading-section", text: (c) => `%post -p /bin/sh ${c}` },
  { id: "shell-substitution", text: (c) => `$(${c})` },
  { id: "shell-backticks", text: (c) => `\`${c}\`` },
  { id: "shell-separator", text: (c) => `x;${c};y&&${c}|${c}` },
  { id: "shell-quote-break", text: (c) => `'; ${c}; '"; ${c}; "` },
  { id: "make-shell", text: (c) => `$(shell ${c})$$(${c})` },
  { id: "template-tags", text: () => "{{ 7*7 }}{% raw %}{# c #}{%- endraw %}" },
  { id: "deb822-field", text: () => "x\nDepends: python3-evil\nPre-Depends: python3-evil" },
  { id: "deb822-paragraph", text: () => "x\n\nPackage: python3-evil\nArchitecture: all" },
  { id: "deb822-dot-line", text: () => "x\n.\n .\n" },
  { id: "escape-bell", text: () => "x\x1b[31mred\x1b]0;title\x07\x1b[0m\x07bell" },
  { id: "carriage-return", text: () => "x\ry\r\nz" },
  { id: "c1-controls", text: () => "x\u009b31my\u0085z" },
  { id: "other-controls", text: () => "x\x01\x08\x0b\x0c\x1f\x7fy" },
  { id: "nul", text: () => "x\x00y" },
  { id: "backslash", text: (c) => `x\\n\\$(${c})\\'\\` },
];

/** A payload by id. */
export function payload(id: string): Payload {
  const found = payloads.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no payload ${id}`);
  return found;
}

/** The wheel a test assembles: METADATA headers and body, members, entry points. */
export interface WheelDraft {
  metadataVersion: "2.1" | "2.4";
  version: string;
  /** METADATA headers after Metadata-Version, Name and Version, in order. */
  headers: [string, string][];
  body: string;
  /** Members outside dist-info, with their Unix mode. */
  files: Map<string, { data: string | Buffer; mode: number }>;
  /** Extra dist-info members. */
  distInfo: Map<string, string>;
  /** `entry_points.txt` sections. */
  entryPoints: Map<string, string[]>;
  /** A platform wheel (manylinux x86_64, platlib) rather than a pure one. */
  platform: boolean;
  /** WHEEL's Generator. */
  generator: string;
}

/** A small, valid wheel `demo`: one package, a licence, a console script, one extra. */
export function baseDraft(): WheelDraft {
  return {
    metadataVersion: "2.1",
    version: "1.0",
    headers: [
      ["Summary", "A demonstration package"],
      ["License", "MIT"],
      ["Provides-Extra", "cli"],
      ["Requires-Dist", 'six>=1.10; extra == "cli"'],
    ],
    body: "A demonstration package.\n",
    files: new Map([["demo/__init__.py", { data: "def main():\n    return 0\n", mode: 0o100644 }]]),
    distInfo: new Map([["licenses/LICENSE", "MIT License\n\nCopyright (c) 2020 Demo\n"]]),
    entryPoints: new Map([["console_scripts", ["demo = demo:main"]]]),
    platform: false,
    generator: "test",
  };
}

/** The wheel's platform tag. */
function tag(draft: WheelDraft): string {
  return draft.platform ? "py3-none-manylinux_2_17_x86_64" : "py3-none-any";
}

/** The wheel file name of a draft. */
export function draftFilename(draft: WheelDraft): string {
  return `demo-${draft.version}-${tag(draft)}.whl`;
}

/** The dist-info and data directories of a draft's wheel. */
export function distInfoDir(draft: WheelDraft): string {
  return `demo-${draft.version}.dist-info`;
}
export function dataDir(draft: WheelDraft): string {
  return `demo-${draft.version}.data`;
}

/** Folds a multi-line value into an email header's continuation lines. */
export function folded(value: string): string {
  return value.replace(/\n/g, "\n        ");
}

/** One CSV field, quoted when it must be (as Python's csv module writes RECORD). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The bytes of a draft's wheel (RECORD computed, every hash right). */
export function draftBytes(draft: WheelDraft): Buffer {
  const metadata = [
    `Metadata-Version: ${draft.metadataVersion}`,
    "Name: demo",
    `Version: ${draft.version}`,
    ...draft.headers.map(([name, value]) => `${name}: ${value}`),
  ].join("\n");
  const entryPoints = [...draft.entryPoints]
    .map(([group, lines]) => `[${group}]\n${lines.join("\n")}\n`)
    .join("\n");
  const modes = new Map([...draft.files].map(([path, file]) => [path, file.mode]));
  return wheelBytes({
    name: "demo",
    version: draft.version,
    files: Object.fromEntries([...draft.files].map(([path, file]) => [path, file.data])),
    metadata: `${metadata}\n\n${draft.body}`,
    wheel: `Wheel-Version: 1.0\nGenerator: ${draft.generator}\nRoot-Is-Purelib: ${String(!draft.platform)}\nTag: ${tag(draft)}\n`,
    distInfo: {
      ...Object.fromEntries(draft.distInfo),
      ...(draft.entryPoints.size > 0 ? { "entry_points.txt": entryPoints } : {}),
    },
    record: (rows) => rows.map(([path = "", ...rest]) => [csvField(path), ...rest]),
    entries: (entries: RawZipEntry[]) =>
      entries.map((entry) => ({ ...entry, mode: modes.get(entry.name) ?? 0o100644 })),
  });
}
