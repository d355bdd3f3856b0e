/**
 * A flat apt repository of built .debs (`Packages`, `.gz`, `.xz`, `Release`), and the proof
 * that its packages install: `apt-get install --simulate` under a private apt configuration
 * (lists, sources and cache in a temporary directory) that adds the repository to the host's
 * archive lists, when the host runs the target's release. The host's apt state is not touched.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { askTool, captureTool } from "../../native/run.js";
import type { InstallCheck, InstallResult, Repository } from "../../native/types.js";
import type { TargetProfile } from "../../profiles/types.js";
import { writeStagedRepository } from "../repository-staging.js";

const hostLists = "/var/lib/apt/lists";
const hostSourceParts = "/etc/apt/sources.list.d";

/** The Release file of a flat repository: the index files with their sizes and hashes. */
function releaseText(files: ReadonlyMap<string, Buffer>, architectures: readonly string[]): string {
  const sums = (algorithm: string) =>
    [...files].map(
      ([name, bytes]) =>
        ` ${createHash(algorithm).update(bytes).digest("hex")} ${String(bytes.length).padStart(8)} ${name}`,
    );
  return [
    "Origin: wheel2pkg",
    "Label: wheel2pkg",
    `Architectures: ${architectures.join(" ")}`,
    `Date: ${new Date().toUTCString()}`,
    "MD5Sum:",
    ...sums("md5"),
    "SHA256:",
    ...sums("sha256"),
    "",
  ].join("\n");
}

/**
 * Writes `directory` as a flat repository of the .debs: each copied in, `Packages` from
 * dpkg-scanpackages, compressed, and `Release`. Written beside and renamed into place, so the
 * directory is the old one or the new one, never half of either.
 */
export async function writeDebRepository(
  directory: string,
  debs: readonly string[],
): Promise<Repository> {
  const field = async (file: string, name: string) =>
    (await captureTool("dpkg-deb", ["-f", file, name])).trim();
  return writeStagedRepository(
    directory,
    debs,
    async (file) => ({
      name: await field(file, "Package"),
      version: await field(file, "Version"),
      architecture: await field(file, "Architecture"),
    }),
    async (staging, packages) => {
      const scanned = await captureTool("dpkg-scanpackages", ["--multiversion", "."], staging);
      const text = Buffer.from(scanned.endsWith("\n") || scanned === "" ? scanned : `${scanned}\n`);
      await writeFile(join(staging, "Packages"), text);
      await writeFile(join(staging, "Packages.gz"), gzipSync(text, { level: 9 }));
      await captureTool("xz", ["--keep", "--force", "-T1", "Packages"], staging);
      const index = new Map<string, Buffer>();
      for (const name of ["Packages", "Packages.gz", "Packages.xz"]) {
        index.set(name, await readFile(join(staging, name)));
      }
      const architectures = [...new Set(packages.map((p) => p.architecture))].sort();
      await writeFile(join(staging, "Release"), releaseText(index, architectures));
      return `deb [trusted=yes] file:${resolve(directory)} ./`;
    },
  );
}

async function hostCodename(): Promise<string | null> {
  const text = await readFile("/etc/os-release", "utf8").catch(() => "");
  return /^VERSION_CODENAME=(.*)$/m.exec(text)?.[1]?.replace(/"/g, "") ?? null;
}

/** apt's options for a configuration that lives in `root` and reads the host's dpkg status. */
function privateApt(root: string): string[] {
  return [
    "-o",
    `Dir::State::Lists=${join(root, "lists")}`,
    "-o",
    `Dir::Etc::SourceList=${join(root, "sources.list")}`,
    "-o",
    `Dir::Etc::SourceParts=${join(root, "sources.list.d")}`,
    "-o",
    `Dir::Cache=${join(root, "cache")}`,
    "-o",
    "Dir::Cache::pkgcache=",
    "-o",
    "Dir::Cache::srcpkgcache=",
    "-o",
    "Debug::NoLocking=true",
    "-o",
    "APT::Get::List-Cleanup=false",
    "-o",
    "APT::Sandbox::User=root",
  ];
}

/** apt's reason, its last lines. */
function reasonOf(output: string): string {
  const lines = output.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("W: "));
  return lines.slice(-6).join("\n");
}

/**
 * Whether each package of the repository installs on the target with the target's archive:
 * `apt-get install --simulate` of all of them together, and of each alone when that fails.
 * Unchecked when the host has no apt-get or does not run the target's release.
 */
export async function checkDebInstall(
  repository: Repository,
  profile: TargetProfile,
): Promise<InstallCheck> {
  const suite = profile.deb?.suite ?? profile.id;
  const codename = await hostCodename();
  if (codename !== suite) {
    return {
      checked: false,
      source: `this host runs ${codename ?? "no Debian release"}; apt has no ${suite} archive here`,
      results: [],
    };
  }
  const root = await mkdtemp(join(tmpdir(), "wheel2pkg-apt-"));
  try {
    await mkdir(join(root, "lists", "partial"), { recursive: true });
    await mkdir(join(root, "sources.list.d"));
    await mkdir(join(root, "cache", "archives", "partial"), { recursive: true });
    for (const name of await readdir(hostLists).catch(() => [])) {
      if (/_(Packages|Sources)(\.\w+)?$|_(In)?Release$/.test(name)) {
        await copyFile(join(hostLists, name), join(root, "lists", name));
      }
    }
    await writeFile(join(root, "sources.list"), "");
    await writeFile(
      join(root, "sources.list.d", "wheel2pkg.list"),
      `${repository.configuration}\n`,
    );
    const apt = privateApt(root);
    // Only the repository is in the sources yet: update reads it and leaves the host's lists be.
    const update = await askTool("apt-get", [...apt, "-q", "update"]);
    if (!update.available)
      return { checked: false, source: "this host has no apt-get", results: [] };
    if (update.exitCode !== 0) {
      return {
        checked: false,
        source: `apt-get update failed: ${reasonOf(update.output)}`,
        results: [],
      };
    }
    for (const name of await readdir(hostSourceParts).catch(() => [])) {
      if (name.endsWith(".list") || name.endsWith(".sources")) {
        await copyFile(join(hostSourceParts, name), join(root, "sources.list.d", name));
      }
    }
    const simulate = (packages: Repository["packages"]) =>
      askTool("apt-get", [
        ...apt,
        "install",
        "--simulate",
        "--no-install-recommends",
        "-q",
        ...packages.map((p) => `${p.name}=${p.version}`),
      ]);
    const all = await simulate(repository.packages);
    const results: InstallResult[] = [];
    for (const p of repository.packages) {
      const alone = all.exitCode === 0 ? all : await simulate([p]);
      results.push({
        package: p.name,
        version: p.version,
        installable: alone.exitCode === 0,
        reason: alone.exitCode === 0 ? null : reasonOf(alone.output),
      });
    }
    return {
      checked: true,
      source: `apt-get (the ${suite} archive of this host and the repository)`,
      results,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
