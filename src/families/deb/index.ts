import { UserError } from "../../errors.js";
import { debPackageVersion } from "../../mapping/deb-version.js";
import { ownPackageNames } from "../../mapping/names.js";
import type { Family } from "../types.js";
import { checkDebianArchive, debianRelationNames } from "./archive.js";
import { defaultBuilder } from "../../native/types.js";
import { buildDeb } from "./build.js";
import { buildDirect, NeedsDpkg } from "./direct/build.js";
import { queryDeb, runLintian } from "./native.js";
import { debMapping } from "./mapping.js";
import { planDebian } from "./plan.js";

/**
 * The Debian family (Debian, Ubuntu): a 3.0 (quilt) source package whose orig tarball is the
 * wheel, built with dpkg-buildpackage and debhelper, linted with lintian, looked up with apt.
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
      try {
        return await buildDirect(directory, plan, profile, sourceDateEpoch, options);
      } catch (error) {
        if (!(error instanceof NeedsDpkg)) throw error;
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
    );
    return { ...built, notes: [...notes, ...built.notes] };
  },
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
  requirementName: (project, profile, rules) => ownPackageNames(project, profile, rules).binary,
  mapping: debMapping,
  relationNames: debianRelationNames,
  checkArchive: checkDebianArchive,
  archiveTools: "apt-cache",
};
