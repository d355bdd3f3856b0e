import { guidelines } from "../guidelines.js";
import type { Rule, RuleFinding } from "../types.js";

/** Unversioned macros that Fedora's python-rpm-macros define to fail, and what to use instead. */
const replacements: Readonly<Record<string, string>> = {
  __python: "%{python3}",
  python_sitelib: "%{python3_sitelib}",
  python_sitearch: "%{python3_sitearch}",
  python_version: "%{python3_version}",
  python_version_nodots: "%{python3_version_nodots}",
  py_build: "%pyproject_wheel or %py3_build",
  py_install: "%pyproject_install or %py3_install",
  py_build_wheel: "%pyproject_wheel",
  py_install_wheel: "%pyproject_install",
};

const macroRe = /(?<!%)%\{?[?!]*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Fedora: specs use the versioned Python macros (`%{python3_sitelib}`, `%{python3}`); the
 * unversioned ones (`%{python_sitelib}`, `%{__python}`, `%py_build`) fail the build on Fedora.
 */
export const unversionedPythonMacro: Rule = {
  id: "unversioned-python-macro",
  severity: "error",
  summary: "the spec uses the python3 macros, not the unversioned %{__python} or %{python_sitelib}",
  guideline: guidelines.fedoraMacros,
  families: ["rpm"],
  inputs: ["spec"],
  check(input) {
    if (input.kind !== "spec") return [];
    const findings: RuleFinding[] = [];
    input.spec.lines.forEach((raw, index) => {
      const text = raw.trim();
      // A comment, or the documented way out: defining %__python explicitly.
      if (text.startsWith("#") || /^%(global|define)\s+__python\s/.test(text)) return;
      const seen = new Set<string>();
      for (const match of text.matchAll(macroRe)) {
        const name = match[1] ?? "";
        const instead = replacements[name];
        if (instead === undefined || seen.has(name)) continue;
        seen.add(name);
        findings.push({
          message: `%${name} is unversioned; use ${instead}`,
          line: index + 1,
        });
      }
    });
    return findings;
  },
};
