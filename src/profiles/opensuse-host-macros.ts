import type { PythonFlavor } from "./types.js";

/** Joins lines into one macro body; rpm reads `\` at a line's end as "continued". */
function body(lines: readonly string[]): string {
  return lines.join("\\\n");
}

/**
 * `%python_subpackages` for one flavor: declares `<flavor>-<modname>`, copies the main
 * preamble's relations into it with every `python-` package renamed to the flavor's, and gives
 * it a description. The real macro (python-rpm-macros' `macros.lua`) also copies descriptions,
 * scriptlets and file lists for each flavor of `%pythons`; a build on a foreign host needs one
 * flavor and the relations, to check what the package requires. It reads the spec as
 * `%{_specdir}/%{name}.spec`, where wheel2pkg writes it (rpm 4.18 has no `%_specfile`).
 */
function subpackages(flavor: string): string {
  return body([
    "%{lua:",
    'local name = rpm.expand("%{name}")',
    'local mod = name:sub(1, 7) == "python-" and name:sub(8) or name',
    `local pkg = "${flavor}-" .. mod`,
    // The Summary is expanded once more here, as the real macro does: spec escaping keeps it inert.
    'local summary = rpm.expand("%{summary}")',
    'local out = { "%package -n " .. pkg, "Summary: " .. summary }',
    "local kinds = { Requires = 1, Suggests = 1, Recommends = 1, Provides = 1, Conflicts = 1, Obsoletes = 1, Supplements = 1, Enhances = 1 }",
    'local spec = assert(io.open(rpm.expand("%{_specdir}/%{name}.spec")))',
    "for line in spec:lines() do",
    '  if line:match("^%%python_subpackages") then break end',
    '  local tag, value = line:match("^(%u[%a()]*):%s*(.-)%s*$")',
    '  if tag and (kinds[tag] or tag:match("^Requires%(")) then',
    `    value = (" " .. value):gsub("([%s(])python%-", "%1${flavor}-"):sub(2)`,
    '    table.insert(out, tag .. ": " .. rpm.expand(value))',
    "  end",
    "end",
    "spec:close()",
    'table.insert(out, "%description -n " .. pkg)',
    'table.insert(out, summary .. ".")',
    "print(table.concat(out, string.char(10)) .. string.char(10))",
    "}",
  ]);
}

/**
 * `%pyproject_install WHEEL` for one flavor: installs the wheel with the PyPA installer into the
 * flavor's paths, with the flavor's interpreter in script `#!` lines, as pip does under the real
 * macro. Byte-code is not compiled: the host's Python is not the flavor's.
 */
function pyprojectInstall(flavor: PythonFlavor, sitelib: string, sitearch: string): string {
  const scheme = {
    purelib: sitelib,
    platlib: sitearch,
    scripts: "/usr/bin",
    data: "/usr",
    headers: `/usr/include/python${flavor.version}`,
  };
  const python = [
    "import sys",
    "from installer import install",
    "from installer.destinations import SchemeDictionaryDestination",
    "from installer.sources import WheelFile",
    `destination = SchemeDictionaryDestination(${JSON.stringify(scheme)}, interpreter="/usr/bin/python${flavor.version}", script_kind="posix", destdir=sys.argv[2])`,
    "wheel = WheelFile.open(sys.argv[1])",
    'install(wheel.__enter__(), destination, {"INSTALLER": b"rpm"})',
  ].join("; ");
  return `/usr/bin/python3 -c '${python}' %1 %{buildroot}`;
}

/**
 * Stand-ins for the openSUSE macros a wheel2pkg singlespec spec uses, for rpmbuild on a host
 * that is not openSUSE (Debian, in the integration tests). They build the primary flavor only:
 * - `%python_subpackages`, `%python_files`: one `<flavor>-<modname>` package (see above);
 * - `%python_module`: the flavor's package (BuildRequires are not checked on a foreign host);
 * - `%python_expand`: its arguments once, `$python` replaced by the flavor;
 * - `%pyproject_install`: the PyPA installer instead of pip, no byte-code, so
 *   `%pycache_only` lines are dropped;
 * - `%fdupes`: nothing (hard-linking duplicates is an optimisation);
 * - `%python_clone -a`, `%python_alternative`, `%python_(un)install_alternative`: the script and
 *   its `-3.XY` copy as plain files, without update-alternatives;
 * - the flavor's paths and versions (`%python_sitelib`, `%python_version`, `%python_bin_suffix`).
 */
export function singlespecHostMacros(
  flavor: PythonFlavor,
  sitelib: string,
  sitearch: string,
): Record<string, string> {
  const name = flavor.name;
  return {
    python_sitelib: sitelib,
    python_sitearch: sitearch,
    [`${name}_sitelib`]: sitelib,
    [`${name}_sitearch`]: sitearch,
    python_version: flavor.version,
    [`${name}_version`]: flavor.version,
    python_bin_suffix: flavor.version,
    "python_module()": `${name}-%{**}`,
    "python_files()": `-n ${name}-%{lua: local n = rpm.expand("%{name}"); print(n:sub(1, 7) == "python-" and n:sub(8) or n)}`,
    python_subpackages: subpackages(name),
    "python_expand(-)": `%{lua: print(rpm.expand((table.concat(arg, " "):gsub("$python", "${name}"))))}`,
    "pyproject_install()": pyprojectInstall(flavor, sitelib, sitearch),
    fdupes: ":",
    "pycache_only(-)": "%{nil}",
    "python_clone(a)": `cp -p %1 %1-${flavor.version}`,
    "python_alternative()": body(["%1", `%1-${flavor.version}`]),
    "python_install_alternative(-)": ":",
    "python_uninstall_alternative(-)": ":",
    __brp_python_bytecompile: "%{nil}",
  };
}
