/**
 * The places in a wheel that a payload can fill, and what a conversion must do with each
 * payload there: keep it as inert text (convert), refuse the wheel with a message that names the
 * field or member (refuse), or either of the two where both are honest.
 */
import { hasRawControl } from "./tools.js";
import {
  dataDir,
  distInfoDir,
  folded,
  type Markers,
  type Payload,
  type WheelDraft,
  baseDraft,
} from "./hostile-wheel.js";

/** What a conversion must do with a wheel. */
export type Expectation = "convert" | "refuse" | "either";

/** How a target lays its packaging out: Fedora's spec, openSUSE's singlespec, or debian/. */
export type Style = "fedora" | "opensuse" | "deb";

/** A place in the wheel that a payload can fill. */
export interface Slot {
  id: string;
  /** Words one of which a refusal's message must hold: the field or the member's directory. */
  names: string[];
  /** Whether the payload can be placed here at all. */
  fits: (text: string) => boolean;
  apply: (draft: WheelDraft, text: string) => void;
  expect: (text: string, style: Style, draft: WheelDraft) => Expectation;
  /**
   * The file's path below its install scheme's directory, which a built package must hold
   * exactly (man pages may gain a compression suffix); none for what is not installed.
   */
  installed?: (draft: WheelDraft, text: string) => string;
  /**
   * Path endings that build commands (`rm`, `sed`, `chmod`, `ln`, `cp`, `dh_shlibdeps -l`) must
   * receive intact, as one argument, when the packaging runs them.
   */
  commandPaths?: (text: string, style: Style) => string[];
}

const LINE_BREAK = /[\r\n]/;
/** Whether a text holds a raw control character other than tab and newline. */
const CONTROL = { test: hasRawControl };
/** Whether a text holds a NUL. */
const NUL = { test: (text: string) => text.includes("\0") };

/** Fields that may be given several times: a payload is added, not swapped in. */
const MULTIPLE_USE = new Set([
  "Project-URL",
  "Classifier",
  "Platform",
  "Supported-Platform",
  "Requires-External",
  "Provides-Dist",
  "Obsoletes-Dist",
  "Dynamic",
  "Provides-Extra",
  "Requires-Dist",
]);

/**
 * A METADATA header. Line breaks become continuation lines (the reader unfolds them); a bare
 * carriage return splits the header and is refused, as Python's email parser would lose the
 * rest of the headers there.
 */
function headerSlot(
  field: string,
  options: {
    id?: string;
    value?: (text: string) => string;
    since?: "2.4";
    expect?: Slot["expect"];
  } = {},
): Slot {
  const value = options.value ?? ((text: string) => text);
  return {
    id: options.id ?? field,
    names: [field, "METADATA"],
    fits: () => true,
    apply: (draft, text) => {
      if (options.since === "2.4") draft.metadataVersion = "2.4";
      if (!MULTIPLE_USE.has(field))
        draft.headers = draft.headers.filter(([name]) => name !== field);
      draft.headers.push([field, folded(value(text))]);
    },
    expect: (text, style, draft) => {
      if (text.includes("\r")) return "refuse";
      const own = options.expect?.(text, style, draft) ?? "convert";
      // A NUL in a text field may be refused or dropped; it must never reach the packaging.
      return own === "convert" && NUL.test(text) ? "either" : own;
    },
  };
}

/**
 * A payload in a member path. A NUL cannot be in a file name on disk (and Python's zipfile
 * cuts the name there), and the zip layer refuses `\`: both are refused. Other control
 * characters and line breaks may be refused or kept out of every generated file. An rpm 4.18
 * `%files` list cannot hold `"` together with whitespace (its tokenizer ends a quoted name at
 * the next `"`), so RPM targets may refuse it. Anything else must convert.
 */
function pathExpectation(text: string, style: Style): Expectation {
  if (NUL.test(text) || text.includes("\\")) return "refuse";
  if (CONTROL.test(text) || LINE_BREAK.test(text)) return "either";
  if (style !== "deb" && text.includes('"')) return "either";
  return "convert";
}

/** A payload as one path segment (`/` would make directories of it). */
function segment(text: string): string {
  return text.replace(/\//g, "%2F");
}

/** A member outside dist-info, `prefix + payload + suffix`. */
function fileSlot(
  id: string,
  where: {
    prefix: (draft: WheelDraft) => string;
    suffix?: string;
    segment?: boolean;
    /** What a refusal names, when the prefix is empty. */
    names?: string[];
    /** The installed path below the scheme directory, from the wheel path's tail. */
    installed?: (text: string) => string;
  },
  content: { data?: string | Buffer; mode?: number } = {},
): Slot {
  const name = (text: string) =>
    `${where.segment === true ? segment(text) : text}${where.suffix ?? ""}`;
  return {
    id,
    // A refusal may name the member, or the file below its scheme's directory.
    names:
      where.names ??
      [
        where.prefix(baseDraft()),
        where.prefix(baseDraft()).replace(/^demo-[^/]+\.data\/[^/]+\//, ""),
      ].filter((name) => name !== ""),
    fits: () => true,
    apply: (draft, text) => {
      draft.files.set(`${where.prefix(draft)}${name(text)}`, {
        data: content.data ?? "data\n",
        mode: content.mode ?? 0o100644,
      });
    },
    expect: (text, style) => pathExpectation(name(text), style),
    ...(where.installed === undefined
      ? {}
      : { installed: (_d, text) => where.installed?.(name(text)) ?? "" }),
  };
}

/** A site-packages member, installed at its own path. */
function siteSlot(
  id: string,
  dir: string,
  suffix: string,
  content: { data?: string | Buffer; mode?: number },
  commands?: (name: string, style: Style) => string[],
): Slot {
  const slot = fileSlot(
    id,
    { prefix: () => dir, suffix, installed: (name) => `${dir}${name}` },
    content,
  );
  return commands === undefined
    ? slot
    : { ...slot, commandPaths: (text, style) => commands(`${dir}${text}${suffix}`, style) };
}

/** Content of the duplicated files: RPM targets hard-link identical files of 1 KiB or more. */
const DUPLICATE = "d".repeat(2048);

/** Stands in for a vendored library: the directory's name is what matters here. */
const LIBRARY = Buffer.from("not an ELF file, only named like a library\n");

/** Every slot a payload can fill. */
export const slots: readonly Slot[] = [
  headerSlot("Summary"),
  headerSlot("Home-page", { value: (t) => `https://example.org/${t}` }),
  headerSlot("Download-URL", { value: (t) => `https://example.org/${t}` }),
  headerSlot("Project-URL", { value: (t) => `Source ${t}, https://example.org/src/${t}` }),
  headerSlot("Author"),
  headerSlot("Author-email", { value: (t) => `${t} <author@example.org>` }),
  headerSlot("Maintainer"),
  headerSlot("Maintainer-email", { value: (t) => `${t} <maintainer@example.org>` }),
  headerSlot("License", {
    value: (t) => `MIT ${t}`,
    // A License field of several lines or longer than a name (100 characters) is read as a
    // licence text, which settles no licence: the wheel is refused (license-ambiguous) before
    // anything is written.
    expect: (text) => (LINE_BREAK.test(text) || `MIT ${text}`.length > 100 ? "refuse" : "convert"),
  }),
  headerSlot("License-Expression", {
    since: "2.4",
    value: (t) => `MIT OR LicenseRef-${t}`,
    // An expression that is not SPDX may be refused or kept as an unknown license.
    expect: () => "either",
  }),
  headerSlot("Keywords", { value: (t) => `demo,${t}` }),
  headerSlot("Classifier", { value: (t) => `Topic :: ${t}` }),
  headerSlot("Platform"),
  headerSlot("Supported-Platform"),
  headerSlot("Requires-External", { value: (t) => `libdemo (${t})` }),
  headerSlot("Provides-Dist", { value: (t) => `demo-extra (${t})` }),
  headerSlot("Obsoletes-Dist", { value: (t) => `demo-old (${t})` }),
  headerSlot("Description-Content-Type", { value: (t) => `text/plain; charset=${t}` }),
  headerSlot("Dynamic", { value: (t) => `Keywords ${t}`, expect: () => "either" }),
  // An invalid extra name is refused from Metadata 2.3 on; an older wheel's may be dropped
  // (with a warning) or refused, but never become a package name or spec text.
  // An invalid extra name is dropped with a warning whatever the Metadata-Version
  // (metadata-extra-invalid); a payload a grammar field may not hold is refused.
  headerSlot("Provides-Extra", { expect: () => "either" }),
  {
    id: "Requires-Dist marker",
    names: ["Requires-Dist", "METADATA"],
    fits: (text) => !(text.includes("'") && text.includes('"')),
    apply: (draft, text) => {
      const quote = text.includes('"') ? "'" : '"';
      draft.headers.push([
        "Requires-Dist",
        folded(`attrs>=20; platform_release != ${quote}${text}${quote} or extra == "cli"`),
      ]);
    },
    // PEP 508 marker strings hold no backslash and no control character.
    expect: (text) =>
      text.includes("\\") || text.includes("\r")
        ? "refuse"
        : CONTROL.test(text)
          ? "either"
          : "convert",
  },
  headerSlot("Requires-Dist", {
    id: "Requires-Dist extras",
    value: (t) => `attrs[${t}]>=20`,
    // Not a PEP 508 requirement: the wheel's metadata is invalid.
    expect: () => "refuse",
  }),
  headerSlot("Requires-Dist", {
    id: "Requires-Dist url",
    value: (t) => `attrs @ https://example.org/${t}`,
    expect: () => "either",
  }),
  headerSlot("Requires-Python", { value: (t) => `>=3.6,${t}`, expect: () => "refuse" }),
  {
    id: "Description",
    names: ["Description", "METADATA"],
    fits: () => true,
    apply: (draft, text) => {
      draft.body = `A demonstration package.\n\n${text}\n\n${text} in a paragraph.\n`;
    },
    expect: (text) => (NUL.test(text) ? "either" : "convert"),
  },
  {
    id: "license text",
    names: ["licenses/LICENSE"],
    fits: () => true,
    apply: (draft, text) => {
      draft.distInfo.set(
        "licenses/LICENSE",
        `MIT License\n\n${text}\n\nCopyright (c) 2020 ${text}\n`,
      );
    },
    expect: (text) => (NUL.test(text) ? "either" : "convert"),
  },
  {
    id: "entry point group",
    names: ["entry_points.txt"],
    fits: (text) => !LINE_BREAK.test(text) && !text.includes("]"),
    apply: (draft, text) => {
      draft.entryPoints.set(`demo.${text}`, ["plugin = demo:main"]);
    },
    expect: (text) => (CONTROL.test(text) ? "either" : "convert"),
  },
  {
    id: "entry point name",
    names: ["entry_points.txt"],
    fits: (text) => !LINE_BREAK.test(text) && !/^[\s#;[]/.test(text) && !text.includes("="),
    apply: (draft, text) => {
      draft.entryPoints.set("demo.plugins", [`${text} = demo:main`]);
    },
    expect: (text) => (CONTROL.test(text) ? "either" : "convert"),
  },
  {
    id: "entry point extras",
    names: ["entry_points.txt"],
    fits: (text) => !LINE_BREAK.test(text) && !text.includes("]"),
    apply: (draft, text) => {
      draft.entryPoints.set("console_scripts", [`demo = demo:main [${text}]`]);
    },
    // A script's extras are no package's business: ignored, dropped with a warning, or refused.
    expect: () => "either",
  },
  {
    id: "console script name",
    names: ["entry_points.txt"],
    fits: (text) => !LINE_BREAK.test(text) && !/^[\s#;[]/.test(text) && !text.includes("="),
    apply: (draft, text) => {
      draft.entryPoints.set("console_scripts", [`demo${text} = demo:main`]);
    },
    // A script name becomes a file in /usr/bin and a word in scriptlets: only plain names.
    expect: () => "refuse",
  },
  siteSlot("purelib namespace file", "demo_data/", ".txt", {}),
  fileSlot(
    "purelib top-level file",
    { prefix: () => "", suffix: ".pth", segment: true, names: [".pth"], installed: (name) => name },
    { data: "# a path configuration file\n" },
  ),
  siteSlot(
    "purelib shebang module",
    "demo/",
    ".py",
    { data: "#!/usr/bin/python\nVALUE = 1\n" },
    (path) => [`/${path}`],
  ),
  // Fedora's spec and debian/rules take the executable bit off; openSUSE's spec leaves it.
  siteSlot(
    "purelib executable data",
    "demo/",
    ".bin",
    { data: "binary data, no #! line\n", mode: 0o100755 },
    (path, style) => (style === "opensuse" ? [] : [`/${path}`]),
  ),
  {
    // Only Fedora's spec hard-links identical files itself (openSUSE's runs %fdupes).
    ...siteSlot("purelib duplicate", "demo/", ".dup", { data: DUPLICATE }, (path, style) =>
      style === "fedora" ? [`/${path}`] : [],
    ),
    apply: (draft, text) => {
      draft.files.set("demo/a-first.dup", { data: DUPLICATE, mode: 0o100644 });
      draft.files.set(`demo/${text}.dup`, { data: DUPLICATE, mode: 0o100644 });
    },
  },
  {
    ...fileSlot("dist-info license", {
      prefix: (d) => `${distInfoDir(d)}/licenses/`,
      installed: (name) => `licenses/${name}`,
    }),
    apply: (draft, text) => {
      draft.distInfo.set(`licenses/${text}`, "MIT License\n");
    },
    commandPaths: (text, style) => (style === "opensuse" ? [`/licenses/${text}`] : []),
  },
  fileSlot("data file", {
    prefix: (d) => `${dataDir(d)}/data/share/demo/`,
    installed: (name) => `share/demo/${name}`,
  }),
  fileSlot(
    "man page",
    {
      prefix: (d) => `${dataDir(d)}/data/share/man/man1/`,
      suffix: ".1",
      segment: true,
      installed: (name) => `share/man/man1/${name}`,
    },
    { data: '.TH DEMO 1\n.SH NAME\ndemo \\- a "demo"\n' },
  ),
  fileSlot(
    "header",
    {
      prefix: (d) => `${dataDir(d)}/headers/`,
      suffix: ".h",
      names: ["headers/", ".h"],
      installed: (name) => `demo/${name}`,
    },
    { data: "int demo;\n" },
  ),
  {
    ...fileSlot(
      "script (runnable)",
      {
        prefix: (d) => `${dataDir(d)}/scripts/`,
        segment: true,
        names: ["scripts/", "script name"],
      },
      { data: "#!python\nprint(1)\n", mode: 0o100755 },
    ),
    // A script name becomes a file in /usr/bin and a word in scriptlets: only plain names.
    expect: () => "refuse",
  },
  {
    ...fileSlot(
      "script (not runnable)",
      { prefix: (d) => `${dataDir(d)}/scripts/`, suffix: ".cmd", names: ["scripts/", ".cmd"] },
      { data: "@echo off\r\n" },
    ),
    commandPaths: (text) => [`/usr/bin/${text}.cmd`],
  },
  {
    ...fileSlot(
      "vendored library directory",
      {
        prefix: () => "",
        suffix: ".libs/libdemo.so.1",
        names: [".libs"],
        installed: (name) => name,
      },
      { data: LIBRARY, mode: 0o100755 },
    ),
    fits: (text) => !text.includes("/"),
    apply: (draft, text) => {
      draft.platform = true;
      draft.files.set(`${text}.libs/libdemo.so.1`, { data: LIBRARY, mode: 0o100755 });
    },
    commandPaths: (text, style) => (style === "deb" ? [`/dist-packages/${text}.libs`] : []),
  },
  {
    id: "License-File",
    names: ["License-File", "licenses/"],
    fits: (text) => !LINE_BREAK.test(text),
    apply: (draft, text) => {
      draft.metadataVersion = "2.4";
      draft.headers = draft.headers.filter(([name]) => name !== "License");
      draft.headers.push(["License-Expression", "MIT"], ["License-File", text]);
      draft.distInfo.set(`licenses/${text}`, "MIT License\n");
    },
    expect: (text, style) => pathExpectation(text, style),
    installed: (_d, text) => `licenses/${text}`,
    commandPaths: (text, style) => (style === "opensuse" ? [`/licenses/${text}`] : []),
  },
  {
    id: "WHEEL Generator",
    names: ["WHEEL"],
    fits: (text) => !LINE_BREAK.test(text),
    apply: (draft, text) => {
      draft.generator = text;
    },
    expect: (text) => (NUL.test(text) ? "either" : "convert"),
  },
];

/** A slot by id. */
export function slot(id: string): Slot {
  const found = slots.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no slot ${id}`);
  return found;
}

/** One payload placed in one slot. */
export interface Placement {
  slot: Slot;
  payload: Payload;
}

/** The text a placement writes, its command aimed at the markers. */
export function placementText(placement: Placement, markers: Markers): string {
  // One path segment cannot hold the absolute marker: it runs `touch` on the relative one.
  const oneSegment = placement.slot.id === "vendored library directory";
  return placement.payload.text(`touch ${oneSegment ? markers.relative : markers.absolute}`);
}

/** Whether a placement can be made at all. */
export function fits(placement: Placement, markers: Markers): boolean {
  return placement.slot.fits(placementText(placement, markers));
}

/** The draft of a wheel holding every placement (on top of the base wheel). */
export function hostileDraft(placements: readonly Placement[], markers: Markers): WheelDraft {
  const draft = baseDraft();
  for (const placement of placements)
    placement.slot.apply(draft, placementText(placement, markers));
  return draft;
}

/** What a target of this style must do with a wheel holding all these placements. */
export function expectation(
  placements: readonly Placement[],
  style: Style,
  draft: WheelDraft,
  markers: Markers,
): Expectation {
  const each = placements.map((p) => p.slot.expect(placementText(p, markers), style, draft));
  if (each.includes("refuse")) return "refuse";
  if (each.includes("either")) return "either";
  return "convert";
}
