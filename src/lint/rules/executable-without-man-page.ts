import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Debian: each program in /usr/bin has a manual page. */
export const executableWithoutManPage: Rule = {
  id: "executable-without-man-page",
  severity: "warning",
  summary: "each program in /usr/bin has a manual page",
  guideline: guidelines.debianManPages,
  families: ["deb"],
  inputs: ["deb"],
  check(input) {
    if (input.kind !== "deb") return [];
    const pages = new Set(
      input.built.files
        .map((f) => /^\/usr\/share\/man\/man[18]\/(.+)\.[18](\.gz)?$/.exec(f.path)?.[1])
        .filter((name) => name !== undefined),
    );
    return input.built.files
      .filter((f) => /^\/usr\/bin\/[^/]+$/.test(f.path) && !f.directory)
      .filter((f) => !pages.has(f.path.slice("/usr/bin/".length)))
      .map((f) => ({ message: `${f.path} has no manual page`, file: f.path }));
  },
};
