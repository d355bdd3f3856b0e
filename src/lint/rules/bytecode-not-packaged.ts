import { guidelines } from "../guidelines.js";
import { targetPath } from "../inputs/spec.js";
import { inSitePackages } from "../subjects.js";
import type { Rule } from "../types.js";

/** Site-packages as written with macros a target may not expand (openSUSE's `%{python_sitelib}`). */
const siteMacroRe = /^%\{?\$?python\d*_site(lib|arch)\}?\//;

/** The directory and file name of a path. */
function split(path: string): { dir: string; name: string } {
  const slash = path.lastIndexOf("/");
  return { dir: path.slice(0, slash), name: path.slice(slash + 1) };
}

/**
 * Whether another entry of the same `%files` ships the byte-code of `dir/name`: its
 * `__pycache__` files, that directory, or a directory above the module.
 */
function covered(dir: string, name: string, entries: readonly { path: string; dir: boolean }[]) {
  const stem = name.replace(/\.py$/, "");
  const cache = `${dir}/__pycache__`;
  return entries.some((other) => {
    const path = other.path.replace(/\/+$/, "");
    if (path === cache || path === `${cache}/*`) return !other.dir || path.endsWith("*");
    if (path.startsWith(`${cache}/${stem}.`)) return true;
    return !other.dir && !/\.py$/.test(path) && `${dir}/`.startsWith(`${path}/`);
  });
}

/**
 * Fedora: a package ships each pure-Python module's source together with its byte-code; a
 * `.py` listed alone leaves `__pycache__/<name>.cpython-3X.pyc` unpackaged (use `%pycached`).
 */
export const bytecodeNotPackaged: Rule = {
  id: "bytecode-not-packaged",
  severity: "error",
  summary: "each .py file listed in %files comes with its byte-code (%pycached or __pycache__)",
  guideline: guidelines.fedoraByteCompiling,
  families: ["rpm"],
  inputs: ["spec"],
  check(input, profile) {
    if (input.kind !== "spec") return [];
    return input.spec.files.flatMap((section) => {
      const entries = section.entries
        .filter((entry) => !entry.ghost)
        .map((entry) => ({ ...entry, written: entry.path, path: targetPath(entry.path, profile) }));
      return entries
        .filter(
          (entry) =>
            !entry.dir &&
            !entry.pycached &&
            entry.path.endsWith(".py") &&
            (inSitePackages(entry.path, profile) || siteMacroRe.test(entry.path)),
        )
        .filter((entry) => {
          const { dir, name } = split(entry.path);
          return !covered(dir, name, entries);
        })
        .map((entry) => ({
          message: `${section.name} lists ${entry.written} without its byte-code; mark it %pycached`,
          line: entry.line,
        }));
    });
  },
};
