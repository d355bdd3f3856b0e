import type { OwnPackageNames } from "../../mapping/names.js";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { rpmPackageVersion } from "../../mapping/rpm-version.js";
import type { TargetProfile } from "../../profiles/types.js";
import { wrapParagraph } from "../../targets/common/description.js";
import type { PackageFacts } from "../../targets/common/facts.js";
import type { PackagingOptions } from "../../targets/types.js";
import { spec, token, type SpecText } from "../../targets/text.js";
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
export function specBasics(
  facts: PackageFacts,
  profile: TargetProfile,
  options: PackagingOptions,
  names: OwnPackageNames,
): SpecBasics {
  const evr = rpmPackageVersion(facts.version);
  const diagnostics = [...evr.diagnostics];
  if (facts.license.source === "none") {
    diagnostics.push(
      diagnostic(
        "rpm-license-unknown",
        "warning",
        "License: LicenseRef-Unknown in the spec",
        "License",
      ),
    );
  }
  const texts = {
    version: token("spec", evr.version),
    epoch: evr.epoch,
    release: specValue(options.release),
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
    descriptionLines: specParagraphs(facts.paragraphs),
    architecture,
    preamble: {
      ...texts,
      buildArch: facts.pure ? token("spec", profile.noarch) : null,
      exclusiveArch: facts.pure ? null : token("spec", architecture),
    },
    diagnostics,
  };
}

/** Paragraphs as escaped `%description` lines, wrapped at 79 columns (rpmlint's limit). */
export function specParagraphs(paragraphs: readonly string[]): SpecText[] {
  return paragraphs
    .flatMap((paragraph, i) => [...(i > 0 ? [""] : []), ...wrapParagraph(paragraph, 79)])
    .map(specTextLine);
}

/** The `%changelog` evr: `[epoch:]version-release`. */
export function changelogEvr(basics: SpecBasics): SpecText {
  return basics.epoch === null
    ? spec`${basics.version}-${basics.release}`
    : spec`${basics.epoch}:${basics.version}-${basics.release}`;
}
