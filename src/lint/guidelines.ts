/** The guideline sections the rules enforce: titles and links, as data. */
import type { Guideline } from "./types.js";

const fedoraPython = "https://docs.fedoraproject.org/en-US/packaging-guidelines/Python/";
const fedora = "https://docs.fedoraproject.org/en-US/packaging-guidelines/";
const debianPython = "https://www.debian.org/doc/packaging-manuals/python-policy/";
const debianPolicy = "https://www.debian.org/doc/debian-policy/";

/** A lintian tag's page: what lintian itself says about the problem. */
function lintianTag(tag: string): Guideline {
  return { title: `lintian tag ${tag}`, url: `https://udd.debian.org/lintian-tag.cgi?tag=${tag}` };
}

/** Every guideline section a rule links to, by a short key. */
export const guidelines = {
  fedoraNaming: {
    title: "Fedora Python Packaging Guidelines: Naming",
    url: `${fedoraPython}#_naming`,
  },
  fedoraDependencies: {
    title: "Fedora Python Packaging Guidelines: Dependencies",
    url: `${fedoraPython}#_dependencies`,
  },
  fedoraFilesToInclude: {
    title: "Fedora Python Packaging Guidelines: Files to include",
    url: `${fedoraPython}#_files_to_include`,
  },
  fedoraBuildRequires: {
    title: "Fedora Python Packaging Guidelines: BuildRequire python3-devel",
    url: `${fedoraPython}#_buildrequire_python3_devel`,
  },
  fedoraMacros: {
    title: "Fedora Python Packaging Guidelines: Mandatory macros",
    url: `${fedoraPython}#_mandatory_macros`,
  },
  fedoraByteCompiling: {
    title: "Fedora Python Packaging Guidelines: Byte compiling",
    url: `${fedoraPython}#_byte_compiling`,
  },
  fedoraLicenseText: {
    title: "Fedora Licensing Guidelines: License text",
    url: `${fedora}LicensingGuidelines/#_license_text`,
  },
  fedoraTags: {
    title: "Fedora Packaging Guidelines: Tags and sections",
    url: `${fedora}#_tags_and_sections`,
  },
  fedoraLicense: {
    title: "Fedora Licensing: the License field (SPDX expressions)",
    url: "https://docs.fedoraproject.org/en-US/legal/license-field/",
  },
  fedoraSummary: {
    title: "Fedora Packaging Guidelines: Summary and description",
    url: `${fedora}#_summary_and_description`,
  },
  fedoraArchitecture: {
    title: "Fedora Packaging Guidelines: Architecture support (noarch)",
    url: `${fedora}#_architecture_support`,
  },
  fedoraShebang: {
    title: "Fedora Packaging Guidelines: Shebang lines",
    url: `${fedora}#_shebang_lines`,
  },
  fedoraOwnership: {
    title: "Fedora Packaging Guidelines: File and directory ownership",
    url: `${fedora}#_file_and_directory_ownership`,
  },
  fedoraPrebuilt: {
    title: "Fedora Packaging Guidelines: No inclusion of pre-built binaries or libraries",
    url: `${fedora}#_no_inclusion_of_pre_built_binaries_or_libraries`,
  },
  fedoraBundling: {
    title: "Fedora Packaging Guidelines: Bundling and duplication of system libraries",
    url: `${fedora}#bundling`,
  },
  fedoraVersions: {
    title: "Fedora Packaging Guidelines: Versioning",
    url: "https://docs.fedoraproject.org/en-US/packaging-guidelines/Versioning/",
  },
  debianModuleNames: {
    title: "Debian Python Policy: Module package names",
    url: `${debianPython}module_packages.html#module-package-names`,
  },
  debianModulePath: {
    title: "Debian Python Policy: Module path",
    url: `${debianPython}interpreter.html#module-path`,
  },
  debianDependencies: {
    title: "Debian Python Policy: Dependencies",
    url: `${debianPython}module_packages.html#dependencies`,
  },
  debianBytecode: {
    title: "Debian Python Policy: Modules byte-compilation",
    url: `${debianPython}module_packages.html#modules-byte-compilation`,
  },
  debianSections: {
    title: "Debian Policy: Sections",
    url: `${debianPolicy}ch-archive.html#sections`,
  },
  debianSynopsis: {
    title: "Debian Policy: The single line synopsis",
    url: `${debianPolicy}ch-binary.html#the-single-line-synopsis`,
  },
  debianRules: {
    title: "Debian Policy: Main building script: debian/rules",
    url: `${debianPolicy}ch-source.html#main-building-script-debian-rules`,
  },
  debianCopyright: {
    title: "Machine-readable debian/copyright file (DEP-5)",
    url: "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
  },
  debianBuildDependencies: {
    title: "Debian Python Policy: Build Dependencies",
    url: `${debianPython}build_dependencies.html`,
  },
  debianRulesRequiresRoot: {
    title: "Debian Policy: Rules-Requires-Root",
    url: `${debianPolicy}ch-controlfields.html#rules-requires-root`,
  },
  debianChangelog: {
    title: "Debian Policy: Debian changelog: debian/changelog",
    url: `${debianPolicy}ch-source.html#debian-changelog-debian-changelog`,
  },
  debianManPages: {
    title: "Debian Policy: Manual pages",
    url: `${debianPolicy}ch-docs.html#manual-pages`,
  },
  archIndependentElf: lintianTag("arch-independent-package-contains-binary-or-object"),
  genericModuleName: lintianTag("python-module-has-overly-generic-name"),
  miscDepends: lintianTag("debhelper-but-no-misc-depends"),
  pep600: { title: "PEP 600: manylinux glibc versions", url: "https://peps.python.org/pep-0600/" },
  pep425: {
    title: "Platform compatibility tags",
    url: "https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/",
  },
  requiresPython: {
    title: "Core metadata: Requires-Python",
    url: "https://packaging.python.org/en/latest/specifications/core-metadata/#requires-python",
  },
} satisfies Record<string, Guideline>;
