/**
 * A project's page of a simple repository: PEP 503's HTML (anchors whose text is the file name,
 * `#sha256=` fragments, `data-requires-python`, PEP 592's `data-yanked`) or PEP 691's JSON
 * (`files[]` with `url`, `hashes`, `requires-python`, `yanked`). Only wheels are kept.
 */
import { UserError } from "../errors.js";
import { decodeEntities } from "../html-entities.js";
import { normalizeName } from "../model/name.js";
import { parseWheelFilename } from "../wheel/index.js";
import type { WheelCandidate } from "./types.js";

/** The JSON media type of PEP 691, and the HTML one it falls back to. */
export const simpleAccept =
  "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

/** A file of a page before it is checked to be a wheel. */
interface PageFile {
  filename: string;
  href: string;
  sha256: string | null;
  requiresPython: string | null;
  yanked: string | null;
}

/** The attributes of a start tag's text (`href="…" data-yanked`), names lower-cased. */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of tag.matchAll(pattern)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!found.has(name)) found.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return found;
}

/** The SHA-256 of a `#sha256=<hex>` fragment, and the URL without its fragment. */
function splitFragment(href: string): { href: string; sha256: string | null } {
  const hash = href.indexOf("#");
  if (hash < 0) return { href, sha256: null };
  const fragment = /^sha256=([0-9a-f]{64})$/i.exec(href.slice(hash + 1));
  return { href: href.slice(0, hash), sha256: fragment?.[1]?.toLowerCase() ?? null };
}

/** The anchors of a PEP 503 page. */
function htmlFiles(text: string): PageFile[] {
  const files: PageFile[] = [];
  for (const m of text.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const attrs = attributes(m[1] ?? "");
    const href = attrs.get("href");
    if (href === undefined) continue;
    const split = splitFragment(href);
    files.push({
      filename: decodeEntities((m[2] ?? "").replace(/<[^>]*>/g, "")).trim(),
      href: split.href,
      sha256: split.sha256,
      requiresPython: attrs.get("data-requires-python") ?? null,
      yanked: attrs.get("data-yanked") ?? null,
    });
  }
  return files;
}

/** The files of a PEP 691 page; a page that is not one is refused. */
function jsonFiles(text: string, url: string): PageFile[] {
  const bad = (why: string): never => {
    throw new UserError(`not a PEP 691 project page: ${why}`, { file: url });
  };
  let page: unknown;
  try {
    page = JSON.parse(text);
  } catch {
    bad("the JSON does not parse");
  }
  const files = (page as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return bad("it has no files array");
  return files.map((file: unknown, index): PageFile => {
    const f = file as Record<string, unknown> | null;
    if (typeof f?.filename !== "string" || typeof f.url !== "string")
      return bad(`files[${index}] lacks filename or url`);
    const hashes = f.hashes as Record<string, unknown> | undefined;
    const sha = typeof hashes?.sha256 === "string" ? hashes.sha256.toLowerCase() : null;
    const yanked = f.yanked === true ? "" : typeof f.yanked === "string" ? f.yanked : null;
    const rp = f["requires-python"];
    return {
      filename: f.filename,
      href: splitFragment(f.url).href,
      sha256: sha !== null && /^[0-9a-f]{64}$/.test(sha) ? sha : null,
      requiresPython: typeof rp === "string" ? rp : null,
      yanked,
    };
  });
}

/**
 * The wheels of one project's page, answered with `contentType` from `url`. A JSON page that is
 * not PEP 691, or a page that is neither JSON nor HTML, is a UserError naming the URL.
 */
export function parseProjectPage(
  text: string,
  contentType: string,
  url: string,
  project: string,
): WheelCandidate[] {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  let files: PageFile[];
  if (type.endsWith("json")) files = jsonFiles(text, url);
  else if (type.includes("html") || /^\s*<(!doctype|html|a\b)/i.test(text)) files = htmlFiles(text);
  else
    throw new UserError(`the index answered with ${type || "no content type"}, not a simple page`, {
      file: url,
    });
  return files.flatMap((file): WheelCandidate[] => {
    if (!file.filename.endsWith(".whl")) return [];
    let parsed;
    try {
      parsed = parseWheelFilename(file.filename);
    } catch {
      return [];
    }
    if (normalizeName(parsed.distribution) !== project) return [];
    return [
      {
        filename: parsed.filename,
        project,
        version: parsed.version,
        location: { kind: "url", url: new URL(file.href, url).href },
        sha256: file.sha256,
        requiresPython: file.requiresPython,
        yanked: file.yanked,
        source: url,
      },
    ];
  });
}
