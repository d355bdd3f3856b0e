/** The registry of policy rules: every rule, in report order (wheel, Fedora, Debian). */
import type { Rule } from "../types.js";
import { archAllWithElf } from "./arch-all-with-elf.js";
import { bytecodeNotPackaged } from "./bytecode-not-packaged.js";
import { bytecodeShipped } from "./bytecode-shipped.js";
import { changelogFormat } from "./changelog-format.js";
import { copyrightFormat } from "./copyright-format.js";
import { copyrightLicenseParagraph } from "./copyright-license-paragraph.js";
import { debBinaryName } from "./deb-binary-name.js";
import { distInfoMissing } from "./dist-info-missing.js";
import { executableWithoutManPage } from "./executable-without-man-page.js";
import { filesGlobTooBroad } from "./files-glob-too-broad.js";
import { forbiddenSpecTag } from "./forbidden-spec-tag.js";
import { genericModuleName } from "./generic-module-name.js";
import { licenseNotMarked } from "./license-not-marked.js";
import { licenseNotSpdx } from "./license-not-spdx.js";
import { manylinuxTooNew } from "./manylinux-too-new.js";
import { miscDependsMissing } from "./misc-depends-missing.js";
import { modulePathNotDistPackages } from "./module-path-not-dist-packages.js";
import { noarchWithArchFiles } from "./noarch-with-arch-files.js";
import { ownsSystemDirectory } from "./owns-system-directory.js";
import { prebuiltBinary } from "./prebuilt-binary.js";
import { python3DependsMissing } from "./python3-depends-missing.js";
import { python3DevelNotBuildrequired } from "./python3-devel-not-buildrequired.js";
import { pythonBuildDependsMissing } from "./python-build-depends-missing.js";
import { pythonTagMismatch } from "./python-tag-mismatch.js";
import { requiresByPackageName } from "./requires-by-package-name.js";
import { requiresPythonExcludesTarget } from "./requires-python-excludes-target.js";
import { rpmBinaryName } from "./rpm-binary-name.js";
import { rpmSourceName } from "./rpm-source-name.js";
import { rulesNotExecutable } from "./rules-not-executable.js";
import { rulesRequiresRootMissing } from "./rules-requires-root-missing.js";
import { sectionNotPython } from "./section-not-python.js";
import { summaryEndsWithDot } from "./summary-ends-with-dot.js";
import { summaryTooLong } from "./summary-too-long.js";
import { synopsisEndsWithDot } from "./synopsis-ends-with-dot.js";
import { synopsisStartsWithArticle } from "./synopsis-starts-with-article.js";
import { synopsisStartsWithPackageName } from "./synopsis-starts-with-package-name.js";
import { synopsisTooLong } from "./synopsis-too-long.js";
import { unmappedDependency } from "./unmapped-dependency.js";
import { unversionedPythonMacro } from "./unversioned-python-macro.js";
import { unversionedPythonShebang } from "./unversioned-python-shebang.js";
import { vendoredLibraries } from "./vendored-libraries.js";
import { versionZeroOrLocal } from "./version-zero-or-local.js";

/** Every rule wheel2pkg checks. */
export const rules: readonly Rule[] = [
  // Wheel-level, both families.
  manylinuxTooNew,
  vendoredLibraries,
  requiresPythonExcludesTarget,
  pythonTagMismatch,
  versionZeroOrLocal,
  unmappedDependency,
  // Fedora.
  prebuiltBinary,
  rpmSourceName,
  rpmBinaryName,
  licenseNotSpdx,
  summaryTooLong,
  summaryEndsWithDot,
  noarchWithArchFiles,
  unversionedPythonShebang,
  distInfoMissing,
  ownsSystemDirectory,
  requiresByPackageName,
  python3DevelNotBuildrequired,
  unversionedPythonMacro,
  filesGlobTooBroad,
  licenseNotMarked,
  bytecodeNotPackaged,
  forbiddenSpecTag,
  // Debian.
  sectionNotPython,
  archAllWithElf,
  modulePathNotDistPackages,
  bytecodeShipped,
  python3DependsMissing,
  debBinaryName,
  genericModuleName,
  synopsisTooLong,
  synopsisStartsWithArticle,
  synopsisEndsWithDot,
  synopsisStartsWithPackageName,
  copyrightFormat,
  copyrightLicenseParagraph,
  executableWithoutManPage,
  rulesNotExecutable,
  pythonBuildDependsMissing,
  miscDependsMissing,
  rulesRequiresRootMissing,
  changelogFormat,
];
