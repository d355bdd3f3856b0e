/**
 * The RPM family's install proof (docs/architecture.md, "Publishing a batch"): dnf asked, in
 * an install root of its own, whether each package of a written repository installs from that
 * repository and the target's archive repodata (`[archive.targets.<id>] sources`). Nothing of
 * the host's dnf or rpm state is read or written: the configuration file and the repository
 * directory are empty ones in a temporary directory, and the root starts with no package.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { askTool } from "../../native/run.js";
import type { InstallCheck, InstallResult, Repository } from "../../native/types.js";
import type { TargetProfile } from "../../profiles/types.js";

/** How many lines of dnf's reason are kept. */
const reasonLines = 12;

/** A repository source as dnf's `--repofrompath` takes it: the directory or URL above `repodata/`. */
function repositoryBase(source: string): string {
  return source.replace(/\/?repodata\/repomd\.xml$/, "") || "/";
}

/**
 * dnf's reason: its `Error:` and problem lines, without the hint to skip broken packages. A
 * request dnf cannot match (`No match for argument`) is said before the error.
 */
export function dnfReason(output: string): string {
  const lines = output.split("\n").map((l) => l.trim());
  const first = lines.findIndex(
    (l) => l.startsWith("No match for argument") || l.startsWith("Error:"),
  );
  const kept = (first < 0 ? lines : lines.slice(first)).filter(
    (l) => l !== "" && l !== "Error:" && !l.startsWith("(try to add"),
  );
  return kept.slice(-reasonLines).join("\n");
}

/**
 * Whether dnf resolved the request: `--assumeno` makes it stop after "Dependencies resolved."
 * with "Operation aborted." (exit 1), where a request it cannot satisfy ends in `Error:`.
 */
export function dnfResolved(exitCode: number, output: string): boolean {
  if (/^Error:/m.test(output)) return false;
  return exitCode === 0 || /^Dependencies resolved\.$/m.test(output);
}

/** `name-epoch:version-release.arch`, the one package of the repository that dnf is to install. */
const nevra = (p: Repository["packages"][number]) => `${p.name}-${p.version}.${p.architecture}`;

/**
 * Whether each package of the repository installs on the target: `dnf install --assumeno` of
 * all of them together, and of each alone when that fails, against the repository and the
 * target's archive repodata. Without archive repodata nothing can be said (the packages need
 * the target's Python, which only its archive has), and the check says so.
 */
export async function checkRpmInstall(
  repository: Repository,
  profile: TargetProfile,
  archiveSources: readonly string[],
): Promise<InstallCheck> {
  const version = await askTool("dnf", ["--version"]);
  if (!version.available) {
    return {
      checked: false,
      source: `this host has no dnf to ask about ${profile.id}`,
      results: [],
    };
  }
  if (archiveSources.length === 0) {
    return {
      checked: false,
      source: `cannot check: no archive repodata for ${profile.id} (name it under [archive.targets.${profile.id}] sources)`,
      results: [],
    };
  }
  const root = await mkdtemp(join(tmpdir(), "wheel2pkg-dnf-"));
  try {
    await mkdir(join(root, "repos.d"));
    await mkdir(join(root, "installroot"));
    await writeFile(join(root, "dnf.conf"), "[main]\n");
    const machines = repository.packages
      .map((p) => p.architecture)
      .filter((a) => a !== profile.noarch);
    const dnf = [
      "--config",
      join(root, "dnf.conf"),
      `--setopt=reposdir=${join(root, "repos.d")}`,
      "--installroot",
      join(root, "installroot"),
      "--releasever",
      profile.rpm?.releaseVersion ?? profile.id,
      ...(machines[0] === undefined ? [] : [`--forcearch=${machines[0]}`]),
      "--noplugins",
      "--setopt=gpgcheck=0",
      "--setopt=install_weak_deps=False",
      `--repofrompath=wheel2pkg,${repository.directory}`,
      ...archiveSources.map((s, i) => `--repofrompath=archive-${i + 1},${repositoryBase(s)}`),
    ];
    // The metadata is read once; the questions then ask the cache only.
    const cache = await askTool("dnf", [...dnf, "makecache"]);
    if (cache.exitCode !== 0) {
      return {
        checked: false,
        source: `dnf could not read the repositories: ${dnfReason(cache.output)}`,
        results: [],
      };
    }
    const ask = (packages: Repository["packages"]) =>
      askTool("dnf", [...dnf, "--cacheonly", "install", "--assumeno", ...packages.map(nevra)]);
    const all = await ask(repository.packages);
    const results: InstallResult[] = [];
    for (const p of repository.packages) {
      const alone = dnfResolved(all.exitCode, all.output) ? all : await ask([p]);
      const installable = dnfResolved(alone.exitCode, alone.output);
      results.push({
        package: p.name,
        version: p.version,
        installable,
        reason: installable ? null : dnfReason(alone.output),
      });
    }
    const dnfVersion = version.output.split("\n")[0]?.trim() ?? "";
    return {
      checked: true,
      source: `dnf ${dnfVersion} (the repository and the ${profile.id} archive repodata: ${archiveSources.join(", ")})`,
      results,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
