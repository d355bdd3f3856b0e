/**
 * Wheel compatibility tags (PEP 425, PEP 600 manylinux, PEP 656 musllinux): what a wheel's
 * python/abi/platform tags say it needs, and whether a target distro can provide it.
 */
import { UnsupportedWheelError } from "../errors.js";
import type { WheelFilename } from "../wheel/types.js";

/** Operating system family of a platform tag. */
export type PlatformOs = "linux" | "macos" | "windows" | "any" | "other";

/** One platform tag, e.g. `manylinux_2_17_x86_64`, taken apart. */
export interface PlatformTag {
  raw: string;
  os: PlatformOs;
  libc: "glibc" | "musl" | null;
  /** glibc floor of a manylinux tag: manylinux1 = 2.5, manylinux2010 = 2.12, 2014 = 2.17. */
  glibcVersion?: [number, number];
  /** musl floor of a musllinux tag. */
  muslVersion?: [number, number];
  /** CPU as the tag names it (`x86_64`, `aarch64`, `arm64`, `universal2`, `amd64`…). */
  machine?: string;
}

/** Legacy manylinux aliases (PEP 513, 571, 599) and the glibc they stand for. */
const LEGACY_MANYLINUX: Readonly<Record<string, [number, number]>> = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17],
};

/** Takes a platform tag apart; unknown systems give `os: "other"`. */
export function parsePlatformTag(tag: string): PlatformTag {
  if (tag === "any") return { raw: tag, os: "any", libc: null };
  let m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(tag);
  if (m) {
    const glibc: [number, number] = [Number(m[1]), Number(m[2])];
    return { raw: tag, os: "linux", libc: "glibc", glibcVersion: glibc, machine: m[3] ?? "" };
  }
  m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag);
  const legacy = m ? LEGACY_MANYLINUX[m[1] ?? ""] : undefined;
  if (m && legacy) {
    return { raw: tag, os: "linux", libc: "glibc", glibcVersion: legacy, machine: m[2] ?? "" };
  }
  m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(tag);
  if (m) {
    const musl: [number, number] = [Number(m[1]), Number(m[2])];
    return { raw: tag, os: "linux", libc: "musl", muslVersion: musl, machine: m[3] ?? "" };
  }
  // A plain `linux_<machine>` wheel was built locally against an unknown libc.
  m = /^linux_(.+)$/.exec(tag);
  if (m) return { raw: tag, os: "linux", libc: null, machine: m[1] ?? "" };
  m = /^macosx_\d+_\d+_(.+)$/.exec(tag);
  if (m) return { raw: tag, os: "macos", libc: null, machine: m[1] ?? "" };
  if (tag === "win32") return { raw: tag, os: "windows", libc: null, machine: "x86" };
  m = /^win_(.+)$/.exec(tag);
  if (m) return { raw: tag, os: "windows", libc: null, machine: m[1] ?? "" };
  return { raw: tag, os: "other", libc: null };
}

/** How a wheel binds to the Python ABI. `other`: PyPy, GraalPy and other implementations. */
export type AbiKind = "none" | "abi3" | "cpython" | "other";

/** What a wheel's tags require of the interpreter and platform. */
export interface WheelTags {
  /** The wheel file name, for messages. */
  filename: string;
  /** True when every platform tag is `any`. */
  pure: boolean;
  pythonTags: string[];
  abiTags: string[];
  platforms: PlatformTag[];
  abi: AbiKind;
  /** `X.Y` a non-abi3 CPython extension is built for (cp311 → `3.11`), else null. */
  cpythonVersion: string | null;
  /** True for free-threaded CPython builds (abi tag `cp313t`). */
  freeThreaded: boolean;
  /** Lowest CPython `X.Y` an abi3 wheel supports (cp38-abi3 → `3.8`), else null. */
  abi3Floor: string | null;
  /** The one CPU the wheel is built for; null for pure wheels. */
  machine: string | null;
  /** Lowest glibc among its manylinux tags (any one tag suffices), or null. */
  minGlibc: [number, number] | null;
  /** True when the python tags name only Python 2 (`py2`, `cp27`, …). */
  python2Only: boolean;
}

/** `cp311` → `3.11`; null for tags that are not a specific CPython 3 version. */
export function cpythonTagVersion(tag: string): string | null {
  const m = /^cp3(\d+)t?$/.exec(tag);
  return m ? `3.${m[1] ?? ""}` : null;
}

function abiKind(abiTags: readonly string[]): AbiKind {
  if (abiTags.every((t) => t === "none")) return "none";
  if (abiTags.includes("abi3")) return "abi3";
  if (abiTags.some((t) => /^cp3\d+[a-z]*$/.test(t))) return "cpython";
  return "other";
}

/** Compares `X.Y` strings numerically. */
export function compareMinor(a: string, b: string): number {
  const [a0 = 0, a1 = 0] = a.split(".").map(Number);
  const [b0 = 0, b1 = 0] = b.split(".").map(Number);
  return a0 - b0 || a1 - b1;
}

export function compareGlibc(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Analyzes a wheel file name's tags. Throws UnsupportedWheelError when its platform tags (its
 * Linux ones, if any) name several different machines: a package has exactly one architecture.
 */
export function analyzeWheelTags(filename: WheelFilename): WheelTags {
  const platforms = filename.platformTags.map(parsePlatformTag);
  const pure = platforms.every((p) => p.os === "any");
  const abi = abiKind(filename.abiTags);
  const cpythonAbi = filename.abiTags.find((t) => /^cp3\d+[a-z]*$/.test(t));
  const abi3Floors = filename.pythonTags.map(cpythonTagVersion).filter((v) => v !== null);
  // Only Linux tags matter to a Linux target; the others name the machine only in messages.
  const linux = platforms.filter((p) => p.os === "linux");
  const relevant = linux.length > 0 ? linux : platforms;
  const machines = [...new Set(relevant.flatMap((p) => (p.machine ? [p.machine] : [])))];
  if (machines.length > 1) {
    throw new UnsupportedWheelError(
      `${filename.filename} names several machines (${machines.join(", ")}); a package has exactly one architecture`,
    );
  }
  const glibcs = platforms.flatMap((p) => (p.glibcVersion ? [p.glibcVersion] : []));
  return {
    filename: filename.filename,
    pure,
    pythonTags: [...filename.pythonTags],
    abiTags: [...filename.abiTags],
    platforms,
    abi,
    cpythonVersion:
      abi === "cpython" && cpythonAbi ? cpythonTagVersion(cpythonAbi.replace(/[a-z]+$/, "")) : null,
    freeThreaded: abi === "cpython" && cpythonAbi !== undefined && cpythonAbi.endsWith("t"),
    abi3Floor: abi === "abi3" ? ([...abi3Floors].sort(compareMinor)[0] ?? null) : null,
    machine: machines[0] ?? null,
    minGlibc: [...glibcs].sort(compareGlibc)[0] ?? null,
    python2Only: filename.pythonTags.every((t) => /^(py|cp|pp|ip|jy)2\d*$/.test(t)),
  };
}
