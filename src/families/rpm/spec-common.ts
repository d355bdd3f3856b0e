import type { Diagnostic } from "../../diagnostics.js";
import { rpmPackageVersion } from "../../mapping/rpm-version.js";
import { wrapParagraph, type DescriptionBlock } from "../../targets/common/description.js";
import { payloadEffort } from "../../targets/common/payload.js";
import type { PlanInput } from "../../targets/types.js";
import { spec, token, type SpecText } from "../../targets/text.js";
import { rpmVersionOverArchive } from "./archive-version.js";
import { specTextLine, specUrl, specValue } from "./escape.js";

/** What every RPM spec style says the same way: texts, version, architecture. */
export interface SpecBasics {
  sourceName: string;
  version: SpecText;
  epoch: number | null;
  release: SpecText;
  summary: SpecText;
  license: SpecText;
  url: SpecText | null;
  /** Escaped `%description` lines, wrapped at 79 columns. */
  descriptionLines: SpecText[];
  /** The binary package's architecture (`noarch` for pure wheels). */
  architecture: string;
  /** The preamble values every spec template places the same way. */
  preamble: {
    epoch: number | null;
    version: SpecText;
    release: SpecText;
    summary: SpecText;
    license: SpecText;
    url: SpecText | null;
    buildArch: SpecText | null;
    exclusiveArch: SpecText | null;
  };
  diagnostics: Diagnostic[];
}

/** Computes the parts of a spec that do not depend on the distribution's guidelines. */
export function specBasics(input: PlanInput): SpecBasics {
  const { facts, profile, options, names, archive } = input;
  const archiveEpoch = input.epochOf(names.binary);
  // The archive's Epoch for the package's name, so that it replaces the archive's package.
  const evr = rpmPackageVersion(facts.version, archiveEpoch);
  // A wheel of the release the repository has is the repository's Version, spelled as the
  // repository spells it, with a minor bump of the repository's Release.
  const replacing = rpmVersionOverArchive(
    names.binary,
    facts.version,
    evr,
    options.release,
    profile,
    archive,
  );
  const diagnostics = [...evr.diagnostics, ...replacing.diagnostics];
  const texts = {
    version: token("spec", replacing.version),
    epoch: evr.epoch,
    release: specValue(replacing.release),
    summary: specValue(facts.summary),
    license: specValue(facts.license.spdx),
    url: facts.homepage === null ? null : specUrl(facts.homepage),
  };
  const architecture = facts.pure
    ? profile.noarch
    : (profile.architectures[facts.machine ?? ""] ?? profile.noarch);
  return {
    sourceName: names.source,
    ...texts,
    descriptionLines: specParagraphs(facts.description),
    architecture,
    preamble: {
      ...texts,
      buildArch: facts.pure ? token("spec", profile.noarch) : null,
      exclusiveArch: facts.pure ? null : token("spec", architecture),
    },
    diagnostics,
  };
}

/**
 * Description blocks as escaped `%description` lines, wrapped at 79 columns (rpmlint's limit):
 * paragraphs as they are, a list's items as `- ` lines with their continuation lines indented
 * to the text, blocks separated by an empty line.
 */
export function specParagraphs(blocks: readonly (DescriptionBlock | string)[]): SpecText[] {
  return blocks
    .flatMap((block, i) => [
      ...(i > 0 ? [""] : []),
      ...(typeof block === "string"
        ? wrapParagraph(block, 79)
        : block.kind === "paragraph"
          ? wrapParagraph(block.text, 79)
          : block.items.flatMap((item) =>
              wrapParagraph(item, 77).map((line, j) => `${j === 0 ? "- " : "  "}${line}`),
            )),
    ])
    .map(specTextLine);
}

/** The `%changelog` evr: `[epoch:]version-release`. */
export function changelogEvr(basics: SpecBasics): SpecText {
  return basics.epoch === null
    ? spec`${basics.version}-${basics.release}`
    : spec`${basics.epoch}:${basics.version}-${basics.release}`;
}

/**
 * The RPM families' side of the payload rule (docs/architecture.md, "Payload compression"): a
 * big package's payload is compressed with zstd at level 9 (numpy: 0.7 CPU seconds for 13.0 MB,
 * where Fedora's default, zstd at 19, takes 18 s for 11.4 MB), single-threaded so that a rebuild
 * gives the same bytes; others keep the distribution's default (`%_binary_payload`).
 */
export function payloadGlobals(input: PlanInput): SpecText[] {
  return payloadEffort(input.facts.files) === "fast" ? [spec`_binary_payload w9.zstdio`] : [];
}
