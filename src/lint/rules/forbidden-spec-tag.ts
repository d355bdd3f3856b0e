import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Tags Fedora forbids, with why: the build system or rpm itself supplies what they said. */
const forbidden: Readonly<Record<string, { tag: string; why: string }>> = {
  copyright: { tag: "Copyright", why: "it is the old name of License" },
  packager: { tag: "Packager", why: "the build system records who built the package" },
  vendor: { tag: "Vendor", why: "the build system sets the vendor" },
  prereq: { tag: "PreReq", why: "it is obsolete; use Requires(pre) or Requires(post)" },
  buildroot: { tag: "BuildRoot", why: "rpm sets the build root itself and ignores the tag" },
  group: { tag: "Group", why: "Fedora does not use package groups" },
};

/**
 * Fedora: the Copyright, Packager, Vendor and PreReq tags are not used, nor BuildRoot and Group,
 * which rpm and Fedora ignore.
 */
export const forbiddenSpecTag: Rule = {
  id: "forbidden-spec-tag",
  severity: "error",
  summary: "the spec has no Copyright, Packager, Vendor, PreReq, BuildRoot or Group tag",
  guideline: guidelines.fedoraTags,
  families: ["rpm"],
  inputs: ["spec"],
  check(input) {
    if (input.kind !== "spec") return [];
    return input.spec.packages.flatMap((pkg) =>
      pkg.tags.flatMap((tag) => {
        const known = forbidden[tag.tag];
        if (known === undefined) return [];
        return [{ message: `${pkg.name} has a ${known.tag} tag: ${known.why}`, line: tag.line }];
      }),
    );
  },
};
