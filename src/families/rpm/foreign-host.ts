import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { onFileSystem } from "../../errors.js";
import { queryTool } from "../../native/run.js";
import { packageRoot } from "../../package-root.js";
import type { TargetProfile } from "../../profiles/types.js";

/** How rpm on a host of another distribution is set up to build for the target. */
export interface ForeignHostSetup {
  /** rpm options: `--load` of the profile's macro values. */
  args: string[];
  /** Environment for rpm: the target's rpm configuration and the host Python's install scheme. */
  env: Record<string, string>;
  /** What the build log says first. */
  logHeader: string;
  /** What the user is told of how the package was built. */
  note: string;
  /**
   * The failures of the target's dependency generators during the build, one report each
   * (empty when they all succeeded): rpm 4.18 itself ignores them.
   */
  generatorFailures(): Promise<string[]>;
}

/**
 * The host's rpm configuration directory when the host's rpm does not know the target's Python
 * macros (rpmbuild on Debian, say); null on a host of the target's own kind. Asked once: the
 * host does not change while wheel2pkg runs.
 */
let foreignConfigDir: Promise<string | null> | undefined;
export function foreignHostConfigDir(): Promise<string | null> {
  foreignConfigDir ??= queryTool("rpm", [
    "--eval",
    "%{?python3_sitelib:native}%{!?python3_sitelib:%{_rpmconfigdir}}",
  ]).then((value) => {
    const answer = value?.trim() ?? "";
    return answer === "native" ? null : answer === "" ? "/usr/lib/rpm" : answer;
  });
  return foreignConfigDir;
}

/**
 * Prepares a build on a foreign host in `work`; null on a host of the target's own kind.
 *
 * Where the profile names the target's own macro files (`rpm.hostMacroFiles`, pinned under
 * `data/`), rpm runs with a configuration directory of its own (`RPM_CONFIGDIR`): the host's,
 * entry by entry, with the target's files added at the paths the target installs them to
 * (`macros.d/`, `fileattrs/`, `lua/`, `redhat/`, `pythondistdeps.py`). The target's macros,
 * Lua modules, helper scripts and dependency generators then run unchanged. The profile's
 * `hostMacros` are loaded last: the answers the target's interpreter would give that this
 * host's gives otherwise. See docs/architecture.md, "Building on a foreign host".
 */
export async function foreignHostSetup(
  profile: TargetProfile,
  work: string,
): Promise<ForeignHostSetup | null> {
  const hostConfig = await foreignHostConfigDir();
  if (hostConfig === null) return null;
  const env: Record<string, string> = {};
  const failures = join(work, "generator-failures");
  const files = profile.rpm?.hostMacroFiles;
  if (files !== undefined) {
    const configDir = join(work, "rpmconfig");
    const data = join(packageRoot, "data", files);
    await overlay(hostConfig, data, configDir);
    await guardGenerators(data, configDir);
    Object.assign(env, await targetPythonEnvironment(profile, work), {
      RPM_CONFIGDIR: configDir,
      WHEEL2PKG_GENERATOR_FAILURES: failures,
    });
  }
  const macros = join(work, "target.macros");
  await onFileSystem(macros, "cannot write", () =>
    writeFile(macros, hostMacroFile(profile, files !== undefined)),
  );
  const own = files === undefined ? "Python macros from the target profile" : "own Python macros";
  return {
    args: ["--load", macros],
    env,
    logHeader: `# This host is not ${profile.name}: ${profile.name}'s ${own} run with this host's rpm and python3, and BuildRequires are not checked.\n`,
    note: `built with this host's rpmbuild and python3 and ${profile.name}'s ${own}, not ${profile.name}'s own tools; BuildRequires were not checked (build it in ${profile.name}'s build system, mock for instance, for a package it would build alike)`,
    generatorFailures: async () => {
      const text = await readFile(failures, "utf8").catch(() => "");
      return text
        .split(/\n(?=\S+ .*: exit status \d+$)/m)
        .map((report) => report.trim())
        .filter((report) => report !== "");
    },
  };
}

/** The macro file of the profile's values for a foreign host. */
function hostMacroFile(profile: TargetProfile, targetMacros: boolean): string {
  const hostPython = join(packageRoot, "data", "rpm", "host-python");
  const macros = {
    // The RPM distributions' /bin/sh is bash, and their build scripts rely on it (brp-compress
    // uses `read -d`): run by a dash /bin/sh, it would leave man pages uncompressed.
    _buildshell: "/bin/bash",
    __brp_compress: "/bin/bash /usr/lib/rpm/brp-compress %{?_prefix}",
    ...(profile.rpm?.hostMacros ?? {}),
    dist: profile.rpm?.distTag ?? "",
    // rpm's own definition, and one step after it: this host makes no byte-code for the
    // target's Python, so the file lists of %pyproject_save_files drop their __pycache__ entries.
    ...(targetMacros
      ? {
          __spec_install_post: [
            "%{?__debug_package:%{__debug_install_post}}",
            "%{__arch_install_post}",
            "%{__os_install_post}",
            `/bin/sh ${hostPython}/drop-bytecode-entries %{_pyproject_files_base} %{_pyproject_files_base}-*`,
            "%{nil}",
          ].join("\\\n"),
          // Where a spec lists modules itself: their source only, for the same reason.
          "pycached()": "%{*}",
        }
      : {}),
  };
  return Object.entries(macros)
    .map(([name, value]) => `%${name} ${value}\n`)
    .join("");
}

/**
 * The environment in which this host's python3 (`%{__python3}`, /usr/bin/python3) installs as
 * the target's would: pip's prefix scheme gives the target's directories
 * (data/rpm/host-python/usercustomize.py, loaded from a user base of its own: PYTHONPATH would
 * hide the build root from `%py3_check_import`), and pip neither byte-compiles (this host's
 * byte-code is not the target Python's) nor refuses a wheel whose Requires-Python excludes this
 * host's Python but not the target's.
 */
async function targetPythonEnvironment(
  profile: TargetProfile,
  work: string,
): Promise<Record<string, string>> {
  const { paths } = profile;
  const version =
    (
      await queryTool("/usr/bin/python3", [
        "-c",
        "import sys; print('%d.%d' % sys.version_info[:2])",
      ])
    )?.trim() ?? "3";
  const userBase = join(work, "python-user-base");
  const site = join(userBase, "lib", `python${version}`, "site-packages");
  await onFileSystem(site, "cannot create", () => mkdir(site, { recursive: true }));
  const customize = join(packageRoot, "data", "rpm", "host-python", "usercustomize.py");
  await onFileSystem(site, "cannot link", () => symlink(customize, join(site, "usercustomize.py")));
  return {
    PYTHONUSERBASE: userBase,
    WHEEL2PKG_INSTALL_SCHEME: JSON.stringify({
      purelib: paths.purelib,
      platlib: paths.platlib,
      scripts: paths.scripts,
      data: paths.data,
      include: paths.headers,
    }),
    PIP_COMPILE: "0",
    PIP_IGNORE_REQUIRES_PYTHON: "1",
    PIP_ROOT_USER_ACTION: "ignore",
  };
}

/**
 * Puts a guard (data/rpm/host-python/guard-generator) in front of each of the target's
 * dependency generators: the executables at the top of its configuration directory, where rpm
 * runs them from.
 */
async function guardGenerators(data: string, configDir: string): Promise<void> {
  const guard = join(packageRoot, "data", "rpm", "host-python", "guard-generator");
  for (const entry of await readdir(data, { withFileTypes: true })) {
    const path = join(data, entry.name);
    if (!entry.isFile() || ((await stat(path)).mode & 0o111) === 0) continue;
    const wrapper = join(configDir, entry.name);
    const script = `#!/bin/sh\nexec /bin/sh ${shellWord(guard)} ${shellWord(path)} "$@"\n`;
    await onFileSystem(wrapper, "cannot write", async () => {
      // The overlay links to the generator itself: the guard takes the link's place.
      await rm(wrapper, { force: true });
      await writeFile(wrapper, script, { mode: 0o755 });
    });
  }
}

/** A single-quoted shell word. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * Makes `into` a copy of the directory `base` made of symbolic links, with the files of `top`
 * added or put in place of `base`'s entries of the same path (directories merged).
 */
async function overlay(base: string | null, top: string, into: string): Promise<void> {
  await onFileSystem(into, "cannot create", () => mkdir(into, { recursive: true }));
  const ours = await onFileSystem(top, "cannot read", () => readdir(top, { withFileTypes: true }));
  const theirs = base === null ? [] : await readdir(base, { withFileTypes: true }).catch(() => []);
  const names = new Set(ours.map((entry) => entry.name));
  for (const entry of ours) {
    const path = join(into, entry.name);
    if (entry.isDirectory()) {
      const same = theirs.find((other) => other.name === entry.name && other.isDirectory());
      await overlay(
        same === undefined || base === null ? null : join(base, entry.name),
        join(top, entry.name),
        path,
      );
    } else {
      await onFileSystem(path, "cannot link", () => symlink(join(top, entry.name), path));
    }
  }
  for (const entry of theirs) {
    if (names.has(entry.name) || base === null) continue;
    const path = join(into, entry.name);
    await onFileSystem(path, "cannot link", () => symlink(join(base, entry.name), path));
  }
}
