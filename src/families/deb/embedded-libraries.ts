/**
 * lintian's `embedded-library` check, reproduced on the wheel's ELF files: the signatures it
 * searches an ELF file's strings for (data/lintian/embedded-libs.json, pinned from lintian by
 * scripts/update-lintian-data.mjs, with the lintian version it came from), and which libraries it
 * reports for a file of a given source package.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../package-root.js";
import type { ElfFacts, StringSignature } from "../../wheel/index.js";

/** One line of lintian's embedded-libs data. */
interface EmbeddedLibrary {
  label: string;
  /** The name lintian reports (the tag's first context word). */
  libname: string;
  /** The library's own source package, which may embed it. */
  source?: string;
  /** A regex (Perl syntax, unanchored) of source packages that may embed it. */
  sourceRegex?: string;
  /** The signature, as JavaScript pattern and flags. */
  pattern: string;
  flags: string;
}

let data: EmbeddedLibrary[] | undefined;

function libraries(): EmbeddedLibrary[] {
  data ??= (
    JSON.parse(
      readFileSync(join(packageRoot, "data", "lintian", "embedded-libs.json"), "utf8"),
    ) as { signatures: EmbeddedLibrary[] }
  ).signatures;
  return data;
}

/** The signature name of a library: its label, kept apart from other families' signatures. */
const signatureName = (library: EmbeddedLibrary) => `lintian:embedded-library:${library.label}`;

/** The signatures the wheel read searches ELF files for, on behalf of this check. */
export function embeddedLibrarySignatures(): StringSignature[] {
  return libraries().map((library) => ({
    name: signatureName(library),
    pattern: new RegExp(library.pattern, library.flags),
  }));
}

/**
 * The libraries lintian reports as embedded in an ELF file of source package `source`: found in
 * the file as it ships (`stripped`: after dh_strip, or as the wheel has it when it is left
 * unstripped), and not the source's own library. Null when the file's strings were not searched.
 */
export function embeddedLibraries(
  elf: ElfFacts,
  source: string,
  stripped: boolean,
): string[] | null {
  if (elf.signatures === null) return null;
  const found = new Set(stripped ? elf.signatures.stripped : elf.signatures.whole);
  return libraries()
    .filter((library) => found.has(signatureName(library)))
    .filter((library) =>
      library.sourceRegex === undefined
        ? library.source !== source
        : !new RegExp(library.sourceRegex).test(source),
    )
    .map((library) => library.libname);
}
