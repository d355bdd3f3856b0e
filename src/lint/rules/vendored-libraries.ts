import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** auditwheel copies a wheel's external libraries into `<name>.libs/`: bundled system libraries. */
export const vendoredLibraries: Rule = {
  id: "vendored-libraries",
  severity: "warning",
  summary: "the wheel bundles no shared libraries in a .libs directory (auditwheel)",
  guideline: guidelines.fedoraBundling,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input) {
    if (input.kind !== "wheel") return [];
    return input.wheel.pkg.members
      .filter((m) => /^[^/]+\.libs\/.+\.so(\.[\d.]+)?$/.test(m.installPath))
      .map((m) => ({ message: `the wheel bundles the shared library ${m.path}` }));
  },
};
