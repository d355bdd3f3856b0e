import { describe, expect, it } from "vitest";
import type { BuiltPackage } from "../../src/native/packages.js";
import { runRules } from "../../src/lint/index.js";
import { debBinaryName } from "../../src/lint/rules/deb-binary-name.js";
import { getProfile } from "../../src/profiles/index.js";

const site = "/usr/lib/python3/dist-packages";
const deb = (name: string, paths: string[]): BuiltPackage => ({
  format: "deb",
  name,
  architecture: "all",
  summary: "Demo",
  license: "",
  section: "python",
  requires: [],
  files: paths.map((path) => ({
    path,
    directory: false,
    executable: false,
    elf: false,
    shebang: null,
  })),
});
const check = (pkg: BuiltPackage) =>
  runRules({ kind: "deb", path: `${pkg.name}.deb`, built: pkg }, getProfile("debian-12"), {
    rules: [debBinaryName],
  }).map((f) => f.message);

describe("deb-binary-name and Debian's own names", () => {
  it.each([
    // dh-python's data names jsonpointer python3-json-pointer and PyYAML python3-yaml.
    ["python3-json-pointer", "jsonpointer.py", "jsonpointer-3.1.1.dist-info"],
    ["python3-yaml", "yaml/__init__.py", "PyYAML-6.0.3.dist-info"],
  ])("accepts %s, the name Debian's data gives its project", (name, module, distInfo) => {
    expect(check(deb(name, [`${site}/${module}`, `${site}/${distInfo}/METADATA`]))).toEqual([]);
  });

  it("still names the import name when the data does not know the package's project", () => {
    const pkg = deb("python3-json-pointer", [
      `${site}/jsonpointer.py`,
      `${site}/something_else-1.0.dist-info/METADATA`,
    ]);
    expect(check(pkg)).toEqual([
      "python3-json-pointer installs jsonpointer; Debian would name it python3-jsonpointer",
    ]);
  });
});
