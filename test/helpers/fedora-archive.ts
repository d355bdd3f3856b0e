/**
 * A stand-in for Fedora 45's archive, and dnf asked about it, for the tests that prove RPM
 * packages install. No Fedora mirror is reachable from the hosts that run these tests, so the
 * archive is repodata that createrepo_c writes over RPMs built here: the metadata-only python3 of
 * fixtures/archive/fedora-python/python3.spec (python(abi) = 3.15, as Fedora 45's python3
 * provides) and whatever packages the test built for it.
 *
 * dnf's options are spelled out here, not taken from src/families/rpm/install-check.ts, so that
 * what these tests ask dnf does not move with the code they check.
 */
import fs from "node:fs";
import path from "node:path";
import { writeArchiveConfig } from "./archive-config.js";
import { run } from "./install.js";

/** The stand-in archive's repository directory and a config naming it as fedora's archive. */
export interface StandInArchive {
  archive: string;
  config: string;
}

/**
 * Builds the stand-in python3 into `<dir>/archive`, copies `rpms` next to it and writes the
 * repodata; `<dir>/wheel2pkg.toml` names that directory under `[archive.targets.fedora] sources`.
 */
export function standInFedoraArchive(dir: string, rpms: readonly string[]): StandInArchive {
  const archive = path.join(dir, "archive");
  fs.mkdirSync(archive);
  run("rpmbuild", [
    "-bb",
    "--quiet",
    "--define",
    `_topdir ${path.join(dir, "rpmbuild")}`,
    "--define",
    `_rpmdir ${archive}`,
    path.resolve("fixtures/archive/fedora-python/python3.spec"),
  ]);
  for (const rpm of rpms) fs.copyFileSync(rpm, path.join(archive, path.basename(rpm)));
  run("createrepo_c", ["--quiet", "--no-database", archive]);
  const config = writeArchiveConfig(
    path.join(dir, "wheel2pkg.toml"),
    { fedora: [archive] },
    path.join(dir, "archive-cache"),
  );
  return { archive, config };
}

/**
 * dnf in the install root under `root` (made when missing, kept between calls), with no
 * configuration or plugin of the host's and no weak dependencies, given these repositories (id →
 * directory): `ok` false when it exits non-zero, as `--assumeno` does after a resolved
 * transaction ("Operation aborted.") and where it cannot resolve (`Error:`).
 */
export function dnf(
  root: string,
  repositories: Record<string, string>,
  args: readonly string[],
): { ok: boolean; output: string } {
  fs.mkdirSync(path.join(root, "repos.d"), { recursive: true });
  fs.mkdirSync(path.join(root, "installroot"), { recursive: true });
  fs.writeFileSync(path.join(root, "dnf.conf"), "[main]\n");
  const options = [
    "--config",
    path.join(root, "dnf.conf"),
    `--setopt=reposdir=${path.join(root, "repos.d")}`,
    "--installroot",
    path.join(root, "installroot"),
    "--releasever",
    "45",
    "--noplugins",
    "--setopt=gpgcheck=0",
    "--setopt=install_weak_deps=False",
    ...Object.entries(repositories).map(([id, dir]) => `--repofrompath=${id},${dir}`),
  ];
  try {
    return { ok: true, output: run("dnf", [...options, ...args]) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}
