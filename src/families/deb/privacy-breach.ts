/**
 * lintian's privacy-breach checks (Lintian::Check::Files::PrivacyBreach), reproduced on the
 * wheel's web files: which `privacy-breach-*` tags lintian raises on a file, from the data it
 * uses (data/lintian/privacy-breakers.json, pinned from lintian by
 * scripts/update-lintian-data.mjs, with the lintian version it came from). lintian reads a file
 * in overlapping windows of two 16 KiB blocks, lower-cased and without comments, and looks in
 * each for tracking snippets and for tags that load a resource from another host.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";
import type { ContentCheck } from "../../wheel/index.js";

interface Pattern {
  key: string;
  pattern: string;
  flags: string;
}
interface Breakers {
  fragments: (Pattern & { tag: string })[];
  tagAttributes: (Pattern & { keywords: string[][] })[];
  websites: (Pattern & { tag: string })[];
}
interface Compiled {
  fragments: { keyword: string; regex: RegExp; tag: string }[];
  tagAttributes: { keywords: string[][]; regex: RegExp }[];
  websites: { regex: RegExp; tag: string }[];
}

let compiled: Compiled | undefined;

/** The data, compiled once (each list in lintian's order: sorted by key). */
function breakers(): Compiled {
  if (compiled !== undefined) return compiled;
  const data = JSON.parse(
    readFileSync(join(packageRoot, "data", "lintian", "privacy-breakers.json"), "utf8"),
  ) as Breakers;
  compiled = {
    fragments: data.fragments.map((f) => ({
      keyword: f.key,
      regex: new RegExp(f.pattern, f.flags),
      tag: f.tag,
    })),
    tagAttributes: data.tagAttributes.map((t) => ({
      keywords: t.keywords,
      regex: new RegExp(t.pattern, `${t.flags}g`),
    })),
    websites: data.websites.map((w) => ({ regex: new RegExp(w.pattern, w.flags), tag: w.tag })),
  };
  return compiled;
}

/** The files lintian checks, by name. */
const WEB_FILE = /\.(?:x?html?\d?|js|xht|xml|css)$/i;
/** lintian's block size; a window is two blocks. */
const BLOCK = 16 * 1024;
/**
 * Files past this size are not read (lintian's tags on them are not foreseen): lintian's patterns
 * can take quadratic time on a window, and a wheel is untrusted.
 */
const SIZE_LIMIT = 1024 * 1024;
/** Strings that make lintian look for tags loading remote resources in a window. */
const REMOTE_HINTS = [
  'src="http',
  'src="ftp',
  'src="//',
  'data-href="http',
  'data-href="ftp',
  'data-href="//',
  'codebase="http',
  'codebase="ftp',
  'codebase="//',
  'data="http',
  'data="ftp',
  'data="//',
  'poster="http',
  'poster="ftp',
  'poster="//',
  "<link",
  "@import",
];
/** `<link rel>` values that load nothing (lintian's list). */
const HARMLESS_RELS = new Set([
  "alternate",
  "author",
  "bookmark",
  "canonical",
  "copyright",
  "edituri",
  "generator",
  "generator-home",
  "help",
  "license",
  "next",
  "prev",
  "schema.dct",
  "search",
]);
const LOCALHOST = [
  /^(?:[^/]+@)?localhost(?::[^/]+)?\//i,
  /^(?:[^/]+@)?::1(?::[^/]+)?\//i,
  /^(?:[^/]+@)?127(?:\.\d{1,3}){3}(?::[^/]+)?\//i,
];

/** The windows lintian reads a file in: the first two blocks, then each block with the one before. */
function windows(content: Buffer): string[] {
  const text = content.toString("latin1").toLowerCase();
  if (text.length <= 2 * BLOCK) return text.length === 0 ? [] : [text];
  const result = [text.slice(0, 2 * BLOCK)];
  for (let start = BLOCK; start + BLOCK < text.length; start += BLOCK)
    result.push(text.slice(start, start + 2 * BLOCK));
  return result;
}

/** The privacy-breach tags lintian raises on a file installed as `path` with this content. */
export function privacyBreaches(path: string, content: Buffer): string[] {
  const data = breakers();
  const tags = new Set<string>();
  const basename = path.slice(path.lastIndexOf("/") + 1);
  const mallard = content.includes(' xmlns="http://projectmallard.org/1.0/"');
  const remote = (fullTag: string, attribute: string, url: string): void => {
    const website = url.replace(/^"?(?:(?:ht|f)tps?:)?\/\//, "").replace(/"?$/, "");
    if (LOCALHOST.some((local) => local.test(website))) return;
    if (attribute === "link") {
      // lintian's `<link(?:\s[^>]+)?\s+rel="…"`, without its nested repetition.
      const rel = /<link\s(?:[^>]*\s)?rel="([^"\r\n]*)"[^>]*>/i.exec(fullTag)?.[1];
      if (rel !== undefined && HARMLESS_RELS.has(rel)) return;
      if (basename === "legal.xml" && website.startsWith("creativecommons.org/licenses/")) return;
      if (/.xml$/.test(basename) && mallard) return;
    }
    const known = data.websites.find((site) => site.regex.test(website));
    tags.add(known?.tag ?? "privacy-breach-generic");
  };
  for (const raw of windows(content)) {
    const window = raw
      .replace(/<!--(?!\[if).*?--\s*>/gs, "")
      .replace(/\/\*(?!@cc_on).*?\*\//gs, "");
    for (const fragment of data.fragments) {
      if (window.includes(fragment.keyword) && fragment.regex.test(window)) tags.add(fragment.tag);
    }
    if (!REMOTE_HINTS.some((hint) => window.includes(hint))) continue;
    for (const type of data.tagAttributes) {
      if (!type.keywords.some((all) => all.every((keyword) => window.includes(keyword)))) continue;
      for (const match of window.matchAll(type.regex))
        remote(match[1] ?? "", match[2] ?? "", match[3] ?? "");
    }
  }
  return [...tags].sort();
}

/** The check the wheel read runs on web files, its findings named `lintian:<tag>`. */
export const privacyBreachCheck: ContentCheck = {
  applies: (path, size) => WEB_FILE.test(path) && size <= SIZE_LIMIT,
  run: (content, path) => privacyBreaches(path, content).map((tag) => `lintian:${tag}`),
};
