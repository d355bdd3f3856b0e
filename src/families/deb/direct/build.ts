/**
 * The direct builder of the Debian family (docs/architecture.md, "Families"): it writes the
 * binary .deb itself, from the packaging that planning wrote (debian/control, changelog,
 * copyright, lintian overrides) and the wheel, making what dpkg-buildpackage and the dh
 * sequence make of them, without starting them. What it cannot reproduce it reports, and the
 * family then builds with dpkg-buildpackage.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildPackage } from "../../../model/package.js";
import type { TargetProfile } from "../../../profiles/types.js";
import { buildEnvironment, queryTool, runTool } from "../../../native/run.js";
import type { BuildOptions, BuildResult } from "../../../native/types.js";
import { packageFacts } from "../../../targets/common/facts.js";
import type { TargetPlan } from "../../../targets/types.js";
import { readWheel, WheelFiles } from "../../../wheel/index.js";
import { hostSuite } from "../build.js";
import { payloadEffort } from "../../../targets/common/payload.js";
import { fileFixes } from "../fixes.js";
import { xzLevel } from "../payload.js";
import { controlFile } from "./control-file.js";
import { writeDeb, writeTar, type TarMember } from "./deb-archive.js";
import { extensionVersion, maintainerScripts, python3Depends, siteDir } from "./dh-python.js";
import { stripKind } from "./debhelper.js";
import { processElfFiles } from "./elf-files.js";
import { unpackSetLibraries } from "./set-libraries.js";
import { installedTree, type TreeFile } from "./installed-tree.js";

/** The direct builder could not build the package as the dh sequence would; dpkg must. */
export class NeedsDpkg extends Error {}

/** The files of debian/ the direct builder understands; any other needs debhelper. */
function knownDebianFile(path: string, binaryName: string): boolean {
  return (
    [
      "control",
      "rules",
      "changelog",
      "copyright",
      "shlibs.local",
      `${binaryName}.lintian-overrides`,
    ].includes(path) ||
    path.startsWith("source/") ||
    path.startsWith("tests/")
  );
}

/** dpkg-deb's member order: depth first, each directory's entries sorted by name. */
function dpkgOrder(a: string, b: string): number {
  const ka = a.replaceAll("/", "\0");
  const kb = b.replaceAll("/", "\0");
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The directories holding the files, the root among them (`""`). */
function directoriesOf(files: readonly TreeFile[]): string[] {
  const dirs = new Set<string>([""]);
  for (const file of files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return [...dirs];
}

/**
 * Builds the binary package of a written Debian source tree. `dir` holds the tree; the .deb and
 * `build.log` land in `dir`. Throws NeedsDpkg when the package needs what only debhelper does.
 */
export async function buildDirect(
  dir: string,
  plan: TargetPlan,
  profile: TargetProfile,
  sourceDateEpoch: number,
  options: BuildOptions,
): Promise<BuildResult> {
  const [tree = "", wheelFile = ""] = plan.wheelPath.split("/");
  const binaryName = plan.binaryNames[0] ?? "";
  const debian = join(dir, tree, "debian");
  const unknown = (await readdir(debian, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(debian.length + 1))
    .filter((path) => !knownDebianFile(path, binaryName));
  if (unknown.length > 0) throw new NeedsDpkg(`debian/${unknown[0] ?? ""} is for debhelper`);
  const read = (name: string) => readFile(join(debian, name));
  const control = await readFile(join(debian, "control"), "utf8");
  const changelog = await read("changelog");
  const overrides = await read(`${binaryName}.lintian-overrides`).catch(() => null);

  const wheelPath = join(dir, tree, wheelFile);
  const logFile = join(dir, "build.log");
  // The wheel is read once: its members streamed from the copy in the package, each checked
  // against RECORD, with the facts planning's verified read gave of them when the copy's RECORD
  // is the one planning read; without that read, a verified read of the copy first.
  const wheel = await WheelFiles.open(wheelPath);
  let scratch: string | null = null;
  try {
    const contents =
      options.wheel !== undefined && wheel.hasRecord(options.wheel.record)
        ? options.wheel
        : buildPackage(await readWheel(wheelPath, { verify: true })).pkg;
    const { facts } = packageFacts(contents);
    scratch = await mkdtemp(join(dir, ".direct-"));
    const work = scratch;
    const installed = await installedTree({
      contents,
      facts,
      wheel,
      binaryName,
      pythonVersion: profile.python.version,
      copyright: await read("copyright"),
      changelog,
      lintianOverrides: overrides,
      recodeManPages: (pages) => recodeManPages(pages, work, logFile),
    });
    if (installed.unsupported !== null)
      throw new NeedsDpkg(`the package installs ${installed.unsupported}`);
    const files = installed.files;
    const hasElf = files.some((file) => file.elf != null || stripKind(file.path, null, 0) !== null);
    if (hasElf && plan.architecture === "all") {
      throw new NeedsDpkg("an architecture-independent package holds ELF files");
    }
    const libraryDirs = [
      ...new Set(
        files
          .map((f) => new RegExp(`^${siteDir}/([^/]+\\.libs)/`).exec(f.path)?.[1])
          .filter((d) => d !== undefined),
      ),
    ];
    const run = {
      logFile,
      env: buildEnvironment(sourceDateEpoch),
      ...(options.cancelSignal ? { cancelSignal: options.cancelSignal } : {}),
    };
    const setLibraries = await unpackSetLibraries(
      plan.setLibraries ?? [],
      options.setPackages ?? [],
      join(dir, tree),
      scratch,
      run,
    );
    const shlibs = await processElfFiles({
      files,
      wheel,
      binaryName,
      libraryDirs,
      runpaths: fileFixes(facts.files, facts.unrunnableScripts).runpaths,
      control,
      shlibsLocal: await read("shlibs.local").catch(() => null),
      setLibraries,
      scratch,
      run,
    });

    // data.tar: directories and files in dpkg-deb's order, hashed on the way for md5sums.
    const byPath = new Map(files.map((file) => [file.path, file]));
    const names = [...directoriesOf(files), ...byPath.keys()].sort(dpkgOrder);
    const md5 = new Map<string, string>();
    function* members(): Generator<TarMember> {
      for (const path of names) {
        const file = byPath.get(path);
        if (file === undefined) {
          yield { name: path === "" ? "./" : `./${path}/`, mode: 0o755, size: 0 };
          continue;
        }
        const hash = createHash("md5");
        yield {
          name: `./${path}`,
          mode: file.mode,
          size: file.size,
          write: async (push) => {
            const source = file.source;
            const feed = async (chunk: Buffer) => {
              hash.update(chunk);
              await push(chunk);
            };
            if (source.kind === "member") await wheel.pipe(source.name, feed);
            else if (source.kind === "bytes") await feed(source.bytes);
            else await feed(await readFile(source.file));
            md5.set(path, hash.digest("hex"));
          },
        };
      }
    }
    // The payload rule, as debian/rules asks of dpkg-deb (docs/architecture.md, "Payload
    // compression"): from the wheel's files, as planning decided it.
    const preset = xzLevel(payloadEffort(facts.files));
    const dataTar = join(scratch, `data.tar.xz`);
    await writeTar(dataTar, members(), sourceDateEpoch, preset);

    // dh_python3's substitution and maintainer scripts, then dpkg-gencontrol's control file.
    const scan = {
      compile: files.some((f) => f.path.startsWith(`${siteDir}/`) && f.path.endsWith(".py")),
      extensionVersions: files
        .filter((f) => f.path.startsWith(`${siteDir}/`) && f.path.endsWith(".so"))
        // A library its name gives no version is the site directory's: Python 3.
        .map((f) => extensionVersion(f.path) ?? "3"),
      interpreters: installed.interpreters,
    };
    const owner = plan.architecture === "all" ? binaryName : `${binaryName}:${plan.architecture}`;
    const scripts = scan.compile ? maintainerScripts(owner) : null;
    const kib = (size: number) => Math.ceil(size / 1024);
    const installedSize =
      files.reduce((sum, file) => sum + kib(file.size), 0) +
      directoriesOf(files).length +
      1 + // DEBIAN, as dpkg-gencontrol counts it
      (scripts === null ? 0 : kib(scripts.postinst.length) + kib(scripts.prerm.length));
    const substvars = new Map([
      ["python3:Depends", python3Depends(scan, profile.python.version).join(", ")],
      ["shlibs:Depends", shlibs],
      ["misc:Depends", ""],
    ]);
    const controlText = controlFile({
      control,
      changelog: changelog.toString("utf8"),
      substvars,
      installedSize,
    });
    const md5sums = [...md5.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, sum]) => `${sum}  ${path}\n`)
      .join("");
    const controlMembers: TarMember[] = [
      { name: "./", mode: 0o755, size: 0 },
      bytesMember("./control", controlText, 0o644),
      bytesMember("./md5sums", md5sums, 0o644),
      ...(scripts === null
        ? []
        : [
            bytesMember("./postinst", scripts.postinst, 0o755),
            bytesMember("./prerm", scripts.prerm, 0o755),
          ]),
    ];
    const controlTar = join(scratch, `control.tar.xz`);
    await writeTar(controlTar, controlMembers, sourceDateEpoch, preset);

    const version = /^Version: (.*)$/m.exec(controlText)?.[1]?.replace(/^\d+:/, "") ?? plan.version;
    const deb = join(dir, `${binaryName}_${version}_${plan.architecture}.deb`);
    const staged = join(scratch, "package.deb");
    await writeDeb(
      staged,
      [
        { name: `control.tar.xz`, path: controlTar },
        { name: `data.tar.xz`, path: dataTar },
      ],
      sourceDateEpoch,
    );
    await rename(staged, deb);
    await writeFile(
      logFile,
      `direct build of ${binaryName} ${version} (${plan.architecture})\n${controlText}`,
      { flag: "a" },
    );
    // Only the ELF files' treatment comes from this host's tools and archive data.
    const host = hasElf ? await hostSuite() : profile.deb?.suite;
    const notes =
      host === profile.deb?.suite
        ? []
        : [
            `shared-library dependencies from this host's (${host ?? "not Debian"}) dpkg-shlibdeps and libraries, not ${profile.name}'s; build it on ${profile.deb?.suite ?? profile.id} for those its archive would give`,
          ];
    return { logFile, notes, sourcePackages: [], binaryPackages: [deb] };
  } finally {
    await wheel.close();
    if (scratch !== null) await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * dh_installman's re-encoding of every manual page to UTF-8 with man-db's man-recode (which also
 * rewrites a page's `coding:` line); as dh_installman, nothing is changed where man-db is absent.
 */
async function recodeManPages(
  pages: readonly Buffer[],
  scratch: string,
  logFile: string,
): Promise<Buffer[]> {
  if (pages.length === 0 || (await queryTool("man-recode", ["--version"])) === null) {
    return [...pages];
  }
  const dir = join(scratch, "man");
  await mkdir(dir, { recursive: true });
  const names = pages.map((_, i) => `page${i}`);
  await Promise.all(pages.map((bytes, i) => writeFile(join(dir, names[i] ?? ""), bytes)));
  await runTool("man-recode", ["--to-code", "UTF-8", "--suffix", ".dh-new", ...names], {
    cwd: dir,
    logFile,
    env: buildEnvironment(0),
    label: "man-recode",
  });
  return Promise.all(names.map((name) => readFile(join(dir, `${name}.dh-new`))));
}

function bytesMember(name: string, text: string, mode: number): TarMember {
  const bytes = Buffer.from(text);
  return {
    name,
    mode,
    size: bytes.length,
    write: (push) => push(bytes),
  };
}
