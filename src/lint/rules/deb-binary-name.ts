import { familyOf } from "../../families/index.js";
import { noNameRules } from "../../mapping/name-rules.js";
import { ownPackageNames } from "../../mapping/names.js";
import { guidelines } from "../guidelines.js";
import { topLevelModules } from "../inputs/wheel.js";
import type { Rule } from "../types.js";

/** The part of a package name an import name becomes: lower case, `_` as `-`. */
const asPackagePart = (module: string) => module.toLowerCase().replace(/_/g, "-");

/** Projects whose dist-info a built .deb installs in dist-packages. */
function debProjects(files: readonly { path: string }[]): string[] {
  const prefix = "/usr/lib/python3/dist-packages/";
  const projects = new Set<string>();
  for (const { path } of files) {
    const match = /^([^/]+)-[^/-]+\.dist-info\//.exec(path.slice(prefix.length));
    if (path.startsWith(prefix) && match?.[1] !== undefined) projects.add(match[1]);
  }
  return [...projects];
}

/** Top-level modules a built .deb installs in dist-packages. */
function debModules(files: readonly { path: string }[]): string[] {
  const prefix = "/usr/lib/python3/dist-packages/";
  const names = new Set<string>();
  for (const { path } of files) {
    if (!path.startsWith(prefix)) continue;
    const [first = "", ...rest] = path.slice(prefix.length).split("/");
    if (/\.(dist|egg)-info$/.test(first) || first.endsWith(".libs")) continue;
    if (rest.length > 0 || /\.(py|so)$/.test(first)) names.add(first.replace(/\..*$/, ""));
  }
  return [...names];
}

/** Debian names a module package `python3-<import name>`, from the module it installs. */
export const debBinaryName: Rule = {
  id: "deb-binary-name",
  severity: "warning",
  summary: "the binary package is named python3-<import name>",
  guideline: guidelines.debianModuleNames,
  families: ["deb"],
  inputs: ["wheel", "deb"],
  check(input, profile) {
    const noRules = noNameRules(familyOf(profile).mapping);
    let name: string;
    let modules: string[];
    let projects: string[];
    if (input.kind === "wheel") {
      name = ownPackageNames(
        input.wheel.pkg.metadata.name,
        profile,
        input.wheel.names ?? noRules,
      ).binary;
      modules = topLevelModules(input.wheel.pkg);
      projects = [input.wheel.pkg.metadata.name];
    } else if (input.kind === "deb") {
      name = input.built.name;
      modules = debModules(input.built.files);
      projects = debProjects(input.built.files);
    } else return [];
    if (modules.length === 0) return [];
    // The name Debian's own data (or the user's rules) gives the project is its name already:
    // python3-json-pointer for jsonpointer, python3-yaml for PyYAML.
    const known = projects.map((project) => ownPackageNames(project, profile, noRules));
    if (known.some((own) => own.layer !== "default" && own.binary === name)) return [];
    const expected = modules.map((m) => `${profile.naming.binary}${asPackagePart(m)}`);
    if (expected.includes(name)) return [];
    return [
      {
        message: `${name} installs ${modules.join(", ")}; Debian would name it ${expected.join(" or ")}`,
      },
    ];
  },
};
