import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Fedora builds every binary from source: a wheel's compiled code is a pre-built binary. */
export const prebuiltBinary: Rule = {
  id: "prebuilt-binary",
  severity: "error",
  summary: "the package is built from source, not from a wheel's compiled code",
  guideline: guidelines.fedoraPrebuilt,
  families: ["rpm"],
  inputs: ["wheel"],
  check(input) {
    if (input.kind !== "wheel") return [];
    const { pkg } = input.wheel;
    const compiled = pkg.members.filter((m) => /\.so(\.[\d.]+)?$|\.pyd$/.test(m.path));
    if (pkg.tags.pure && compiled.length === 0) return [];
    const what =
      compiled.length > 0
        ? `compiled objects (${compiled
            .slice(0, 3)
            .map((m) => m.path)
            .join(", ")}${compiled.length > 3 ? ", …" : ""})`
        : `platform tags ${pkg.filename.platformTags.join(".")}`;
    return [
      {
        message: `${pkg.filename.filename} ships ${what}; the distribution must build them from source, so a package made from this wheel cannot be accepted`,
      },
    ];
  },
};
