#!/usr/bin/env node
// Makes real platform wheels from Debian's own binary packages: downloads a sample of bookworm's
// python3-* packages with compiled modules (`apt-get download`, no root needed), unpacks them
// with dpkg-deb and repacks each project's files under usr/lib/python3/dist-packages as the wheel
// pip would have installed them from: its modules, its metadata as a .dist-info (an egg-info's
// PKG-INFO becomes METADATA, requires.txt becomes Requires-Dist), a WHEEL tagged for the
// release's CPython and glibc, entry points, and a RECORD with sha256 digests.
// The .debs and the wheels are cached in a directory keyed by package and version, so a second
// run downloads nothing. Writes manifest.json there: one entry per wheel.
// Usage: node scripts/debian-wheels.mjs [--cache DIR] [--only python3-zmq,python3-pil]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import yazl from "yazl";

/**
 * The sample: the binary packages that make one project's wheel (cffi's backend is a package of
 * its own), modules that import only when the compiled code and its libraries load (a path:
 * that extension module loaded alone, without its package's __init__), and the
 * entries before it whose packages those imports need (`needs`, by first package).
 */
export const sample = [
  { debs: ["python3-zmq"], imports: ["zmq", "zmq.backend.cython.socket"] },
  { debs: ["python3-pil"], imports: ["PIL._imaging", "PIL._imagingft", "PIL._webp"] },
  { debs: ["python3-numpy"], imports: ["numpy.core._multiarray_umath", "numpy.linalg"] },
  {
    debs: ["python3-scipy"],
    imports: ["scipy.linalg", "scipy.special", "scipy.sparse.linalg"],
    needs: ["python3-numpy"],
  },
  { debs: ["python3-lxml"], imports: ["lxml.etree", "lxml.objectify"] },
  { debs: ["python3-yaml"], imports: ["yaml._yaml"] },
  { debs: ["python3-psycopg2"], imports: ["psycopg2._psycopg"] },
  { debs: ["python3-mysqldb"], imports: ["MySQLdb._mysql"] },
  { debs: ["python3-kiwisolver"], imports: ["kiwisolver._cext"] },
  // Debian's matplotlib reads its rc and fonts from /usr/share/matplotlib (python3-matplotlib-data),
  // which the package does not carry: its extension modules are loaded on their own.
  {
    debs: ["python3-matplotlib"],
    imports: ["matplotlib/ft2font", "matplotlib/_path", "matplotlib/_qhull"],
    needs: ["python3-numpy"],
  },
  { debs: ["python3-cryptography"], imports: ["cryptography.hazmat.bindings._rust"] },
  { debs: ["python3-cffi", "python3-cffi-backend"], imports: ["_cffi_backend", "cffi"] },
  { debs: ["python3-markupsafe"], imports: ["markupsafe._speedups"] },
  { debs: ["python3-regex"], imports: ["regex._regex"] },
  { debs: ["python3-ujson"], imports: ["ujson"] },
  { debs: ["python3-brotli"], imports: ["_brotli"] },
  { debs: ["python3-lz4"], imports: ["lz4.block._block", "lz4.frame._frame"] },
  { debs: ["python3-zstd"], imports: ["zstd"] },
  { debs: ["python3-psutil"], imports: ["psutil._psutil_linux"] },
  { debs: ["python3-netifaces"], imports: ["netifaces"] },
  { debs: ["python3-nacl"], imports: ["nacl._sodium"], needs: ["python3-cffi"] },
  { debs: ["python3-pygit2"], imports: ["pygit2._pygit2"], needs: ["python3-cffi"] },
  { debs: ["python3-cairo"], imports: ["cairo._cairo"] },
  { debs: ["python3-pyodbc"], imports: ["pyodbc"] },
  { debs: ["python3-snappy"], imports: ["snappy._snappy"] },
];

/** Bookworm's CPython and glibc: what a wheel built there is tagged for. */
const python = "311";
const platform = "manylinux_2_36_x86_64";
const distPackages = "usr/lib/python3/dist-packages";
/** 1980-01-01 plus a day: zip timestamps that say nothing about when the wheel was made. */
const mtime = new Date(Date.UTC(1980, 0, 2));
/** This script's own digest, part of each cached wheel's key. */
const script = createHash("sha256")
  .update(fs.readFileSync(new URL(import.meta.url)))
  .digest("hex")
  .slice(0, 12);

function run(command, args, cwd) {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The version apt would install of each package, from its lists: name → version. */
function candidates(names) {
  const text = run("apt-cache", ["show", "--no-all-versions", ...names]);
  const versions = new Map();
  for (const stanza of text.split(/\n\n+/)) {
    const name = /^Package: (.*)$/m.exec(stanza)?.[1];
    const version = /^Version: (.*)$/m.exec(stanza)?.[1];
    if (name !== undefined && version !== undefined) versions.set(name, version);
  }
  for (const name of names) {
    if (!versions.has(name)) throw new Error(`apt-cache knows no package ${name}`);
  }
  return versions;
}

/** Downloads `name=version` into `dir` unless it is there; returns the .deb's path. */
function download(name, version, dir) {
  // amd64, or all for the pure-Python half of a project (python3-cffi).
  const prefix = `${name}_${version.replace(":", "%3a")}_`;
  const find = () => fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(".deb"));
  if (find() === undefined) run("apt-get", ["download", `${name}=${version}`], dir);
  const file = find();
  if (file === undefined) throw new Error(`apt-get download did not write ${prefix}*.deb`);
  return path.join(dir, file);
}

/** Every regular file and symlink below `dir`, as paths relative to it. */
function walk(dir, prefix = "") {
  const found = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...walk(dir, relative));
    else found.push(relative);
  }
  return found.sort();
}

/** requires.txt of an egg-info as Requires-Dist and Provides-Extra lines. */
function requiresDist(text) {
  const lines = [];
  const extras = [];
  let marker = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const section = /^\[([^\]:]*)(?::(.*))?\]$/.exec(line);
    if (section !== null) {
      const [extra, condition] = [section[1] ?? "", section[2]];
      const parts = [];
      if (condition !== undefined) parts.push(`(${condition})`);
      if (extra !== "") {
        extras.push(extra);
        parts.push(`extra == "${extra}"`);
      }
      marker = parts.length > 0 ? parts.join(" and ") : null;
      continue;
    }
    lines.push(`Requires-Dist: ${line}${marker === null ? "" : `; ${marker}`}`);
  }
  return [...[...new Set(extras)].map((e) => `Provides-Extra: ${e}`), ...lines];
}

/** METADATA made from an egg-info's PKG-INFO and requires.txt. */
function metadataFromEggInfo(eggInfo) {
  // distutils writes the egg-info as one file, setuptools as a directory.
  const single = fs.statSync(eggInfo).isFile();
  const pkgInfo = fs.readFileSync(single ? eggInfo : path.join(eggInfo, "PKG-INFO"), "utf8");
  if (single) return pkgInfo;
  const requires = path.join(eggInfo, "requires.txt");
  const added = fs.existsSync(requires) ? requiresDist(fs.readFileSync(requires, "utf8")) : [];
  const end = pkgInfo.search(/\n\n|\n?$/);
  let headers = pkgInfo
    .slice(0, end)
    .replace(/^Metadata-Version: 1\.[0-2]$/m, "Metadata-Version: 2.1");
  headers = headers.replace(/^(Requires-Dist|Provides-Extra): .*\n?/gm, "");
  return `${[headers.trimEnd(), ...added].join("\n")}\n${pkgInfo.slice(end).replace(/^\n?/, "\n")}`;
}

/** A RECORD field, quoted as Python's csv module quotes it. */
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The project's name and version from the header of its metadata. */
function nameAndVersion(metadata) {
  const name = /^Name: (.*)$/m.exec(metadata)?.[1]?.trim();
  const version = /^Version: (.*)$/m.exec(metadata)?.[1]?.trim();
  if (name === undefined || version === undefined)
    throw new Error("metadata without Name or Version");
  return { name, version };
}

/** The members of the wheel of one sample entry, unpacked below `roots`; with what was left out. */
function wheelOf(roots) {
  const members = new Map();
  const skipped = [];
  let metadata = null;
  let extraMeta = {};
  for (const root of roots) {
    const site = path.join(root, distPackages);
    if (!fs.existsSync(site)) continue;
    const distInfo = fs.readdirSync(site).find((n) => n.endsWith(".dist-info"));
    const eggInfo = fs.readdirSync(site).find((n) => n.endsWith(".egg-info"));
    if (distInfo !== undefined) {
      metadata = fs.readFileSync(path.join(site, distInfo, "METADATA"), "utf8");
      for (const file of walk(path.join(site, distInfo))) {
        if (
          !["METADATA", "RECORD", "WHEEL", "INSTALLER", "REQUESTED", "direct_url.json"].includes(
            file,
          )
        )
          extraMeta[file] = fs.readFileSync(path.join(site, distInfo, file));
      }
    } else if (eggInfo !== undefined) {
      metadata = metadataFromEggInfo(path.join(site, eggInfo));
      for (const file of ["entry_points.txt", "top_level.txt"]) {
        const source = path.join(site, eggInfo, file);
        if (fs.existsSync(source) && fs.statSync(source).isFile())
          extraMeta[file] = fs.readFileSync(source);
      }
    }
    for (const file of walk(site)) {
      const top = file.split("/")[0];
      if (top.endsWith(".dist-info") || top.endsWith(".egg-info")) continue;
      const full = path.join(site, file);
      if (fs.lstatSync(full).isSymbolicLink()) {
        // Debian links what other packages ship (matplotlib's jQuery is libjs-jquery's).
        const target = path.resolve(path.dirname(full), fs.readlinkSync(full));
        if (!fs.existsSync(target)) {
          skipped.push(file);
          continue;
        }
        members.set(file, { data: fs.readFileSync(target), mode: fs.statSync(target).mode });
        continue;
      }
      members.set(file, { data: fs.readFileSync(full), mode: fs.statSync(full).mode });
    }
  }
  if (metadata === null) throw new Error(`no .dist-info or .egg-info in ${roots.join(", ")}`);
  const { name, version } = nameAndVersion(metadata);
  const modules = [...members.keys()].filter((m) => m.endsWith(".so"));
  // Stable-ABI modules only: the wheel is tagged abi3, as upstream tags cryptography's.
  const abi =
    modules.length > 0 && modules.every((m) => m.endsWith(".abi3.so")) ? "abi3" : `cp${python}`;
  const tag = `cp${python}-${abi}-${platform}`;
  const distribution = name.replace(/[-_.]+/g, "_");
  const distInfo = `${distribution}-${version.replace(/-/g, "_")}.dist-info`;
  const wheelText = `Wheel-Version: 1.0\nGenerator: wheel2pkg scripts/debian-wheels.mjs\nRoot-Is-Purelib: false\nTag: ${tag}\n`;
  members.set(`${distInfo}/METADATA`, { data: Buffer.from(metadata), mode: 0o644 });
  members.set(`${distInfo}/WHEEL`, { data: Buffer.from(wheelText), mode: 0o644 });
  for (const [file, data] of Object.entries(extraMeta)) {
    members.set(`${distInfo}/${file}`, { data, mode: 0o644 });
  }
  const record = [...members].map(([member, { data }]) => {
    const digest = createHash("sha256").update(data).digest("base64url");
    return `${csvField(member)},sha256=${digest},${data.length}\n`;
  });
  members.set(`${distInfo}/RECORD`, {
    data: Buffer.from(`${record.join("")}${distInfo}/RECORD,,\n`),
    mode: 0o644,
  });
  const filename = `${distribution}-${version.replace(/-/g, "_")}-${tag}.whl`;
  return { name, version, filename, members, skipped, modules };
}

async function writeZip(target, members) {
  const zip = new yazl.ZipFile();
  for (const [member, { data, mode }] of members) {
    zip.addBuffer(data, member, {
      mtime,
      mode: (mode & 0o111) !== 0 ? 0o100755 : 0o100644,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  const partial = `${target}.part`;
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(partial)).on("finish", resolve).on("error", reject);
  });
  fs.renameSync(partial, target);
}

/**
 * Downloads and repacks the sample (or the entries whose first package is in `only`) into
 * `cache`; returns the manifest entries, also written to `cache/manifest.json`.
 */
export async function debianWheels(cache, only = []) {
  const chosen = only.length > 0 ? sample.filter((s) => only.includes(s.debs[0])) : sample;
  const versions = candidates(chosen.flatMap((s) => s.debs));
  const debDir = path.join(cache, "debs");
  const wheelDir = path.join(cache, "wheels");
  fs.mkdirSync(debDir, { recursive: true });
  fs.mkdirSync(wheelDir, { recursive: true });
  const manifest = [];
  for (const entry of chosen) {
    // A wheel is made again when a package's version or this script changes.
    const key = `${entry.debs.map((d) => `${d}_${versions.get(d)}`).join("+")}-${script}`;
    const known = path.join(wheelDir, `${key.replace(/[:~]/g, "_")}.json`);
    const extra = { imports: entry.imports, needs: entry.needs ?? [] };
    if (fs.existsSync(known)) {
      manifest.push({ ...JSON.parse(fs.readFileSync(known, "utf8")), ...extra });
      continue;
    }
    const unpacked = fs.mkdtempSync(path.join(tmpdir(), "wheel2pkg-debian-wheel-"));
    try {
      const roots = entry.debs.map((deb) => {
        const file = download(deb, versions.get(deb), debDir);
        const root = path.join(unpacked, deb);
        run("dpkg-deb", ["-x", file, root]);
        return root;
      });
      const wheel = wheelOf(roots);
      await writeZip(path.join(wheelDir, wheel.filename), wheel.members);
      const described = {
        debs: entry.debs.map((d) => ({ package: d, version: versions.get(d) })),
        project: wheel.name,
        version: wheel.version,
        wheel: path.join(wheelDir, wheel.filename),
        modules: wheel.modules,
        skipped: wheel.skipped,
      };
      fs.writeFileSync(known, `${JSON.stringify(described, null, 2)}\n`);
      manifest.push({ ...described, ...extra });
    } finally {
      fs.rmSync(unpacked, { recursive: true, force: true });
    }
  }
  fs.writeFileSync(path.join(cache, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      cache: { type: "string", default: path.join(tmpdir(), "wheel2pkg-debian-wheels") },
      only: { type: "string", default: "" },
    },
  });
  const manifest = await debianWheels(values.cache, values.only.split(",").filter(Boolean));
  for (const wheel of manifest) {
    const skipped =
      wheel.skipped.length > 0 ? ` (left out ${wheel.skipped.length} links to other packages)` : "";
    console.log(
      `${wheel.debs.map((d) => `${d.package} ${d.version}`).join(" + ")}: ${path.basename(wheel.wheel)}${skipped}`,
    );
  }
  console.log(`manifest: ${path.join(values.cache, "manifest.json")}`);
}
