import { join } from "node:path";
import { UserError } from "../../errors.js";
import { debPackageVersion } from "../../mapping/deb-version.js";
import type { Family } from "../types.js";
import { debianRelationInArchive, debianRelationNames, readDebianArchive } from "./archive.js";
import { defaultBuilder } from "../../native/types.js";
import { buildDeb } from "./build.js";
import { ensureBuildHostNeeds, missingLibraries } from "./build-needs.js";
import { buildDirect, NeedsDpkg } from "./direct/build.js";
import { embeddedLibrarySignatures } from "./embedded-libraries.js";
import { queryDeb, runLintian } from "./native.js";
import { debMapping } from "./mapping.js";
import { privacyBreachCheck } from "./privacy-breach.js";
import { planDebian } from "./plan.js";
import { checkDebInstall, writeDebRepository } from "./repository.js";
import { compareDebianVersions } from "./version-order.js";

/**
 * The Debian family (Debian, Ubuntu): a 3.0 (quilt) source package whose orig tarball is the
 * wheel, built with dpkg-buildpackage and debhelper, linted with lintian, checked against the archive's `Packages` and `Contents` indices.
 */
export const debFamily: Family = {
  id: "deb",
  plan: planDebian,
  packageVersion: debPackageVersion,
  async build(directory, plan, profile, sourceDateEpoch, options) {
    const [tree, wheelFile] = plan.wheelPath.split("/");
    if (tree === undefined || wheelFile === undefined) {
      throw new UserError(`unexpected Debian source layout for ${plan.sourceName}`);
    }
    const notes: string[] = [];
    if (options.sourceOnly !== true && (options.builder ?? defaultBuilder) === "direct") {
      // dpkg-shlibdeps, which the direct builder runs for platform wheels, needs them too.
      await ensureBuildHostNeeds(plan.buildHostNeeds ?? [], options, {
        cwd: directory,
        logFile: join(directory, "build.log"),
        ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
      });
      try {
        return await buildDirect(directory, plan, profile, sourceDateEpoch, options);
      } catch (error) {
        if (!(error instanceof NeedsDpkg)) throw missingLibraries(error);
        notes.push(`built with dpkg-buildpackage: ${error.message}`);
      }
    }
    const upstreamVersion = plan.version.replace(/-[^-]+$/, "");
    const built = await buildDeb(
      directory,
      tree,
      wheelFile,
      plan.sourceName,
      upstreamVersion,
      profile,
      sourceDateEpoch,
      options,
      plan.buildHostNeeds,
    );
    return { ...built, notes: [...notes, ...built.notes] };
  },
  wheelChecks: { signatures: embeddedLibrarySignatures, checks: [privacyBreachCheck] },
  nativeLint: runLintian,
  queryPackage: queryDeb,
  lintFile(path, isDirectory) {
    if (isDirectory) return { kind: "debian-dir", what: "a debian/ directory" };
    if (path.endsWith(".deb")) return { kind: "built", what: "a .deb" };
    if (path.endsWith(".dsc") || path.endsWith(".changes")) {
      return { kind: "native-only", what: "a Debian source or upload" };
    }
    return null;
  },
  packagingRoot(files) {
    const control = files.find((file) => /(^|\/)debian\/control$/.test(file));
    return control === undefined
      ? null
      : { kind: "debian-dir", path: control.slice(0, -"/control".length) };
  },
  isBinaryPackage: (file) => file.endsWith(".deb"),
  mapping: debMapping,
  relationNames: debianRelationNames,
  writeRepository: (directory, packages) => writeDebRepository(directory, packages),
  checkInstall: checkDebInstall,
  readArchive: readDebianArchive,
  compareVersions: compareDebianVersions,
  relationInArchive: debianRelationInArchive,
};
