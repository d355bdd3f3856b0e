/**
 * Whether a wheel can become a package for a target: its tags against the target's glibc Linux,
 * CPython and machines, and its Requires-Python against the target's Python.
 */
import { UnsupportedWheelError } from "../errors.js";
import type { WheelTags, PlatformOs, PlatformTag } from "../model/tags.js";
import { compareGlibc, compareMinor, cpythonTagVersion } from "../model/tags.js";
import { satisfiesSpecifiers, specifiersToString } from "../model/specifier.js";
import type { Specifier } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";

const OS_NAMES: Readonly<Record<PlatformOs, string>> = {
  linux: "Linux",
  macos: "macOS",
  windows: "Windows",
  any: "any platform",
  other: "an unsupported platform",
};

/** Why no platform tag suits a glibc Linux target, e.g. `musl libc (musllinux_1_2_x86_64)`. */
function platformMismatch(platforms: readonly PlatformTag[]): string {
  const first = platforms[0];
  if (first === undefined) return "no platform";
  const what = first.libc === "musl" ? "musl libc" : OS_NAMES[first.os];
  return `${what} (${platforms.map((p) => p.raw).join(".")})`;
}

/**
 * Checks that a wheel can become a package for a glibc Linux target and returns the target's
 * architecture name (`profile.noarch` for pure wheels). Throws UnsupportedWheelError saying
 * what the wheel needs and what the target has: musl/macOS/Windows builds, another CPython
 * minor, an abi3 floor above the target's Python, an unknown machine, a glibc floor above the
 * target's, or Python 2 only.
 */
export function checkTargetCompatibility(tags: WheelTags, profile: TargetProfile): string {
  const wheel = tags.filename;
  const target = `${profile.id} (${profile.name})`;
  const python = profile.python.version;
  const refuse = (reason: string): never => {
    throw new UnsupportedWheelError(`${wheel} ${reason}`);
  };
  if (tags.python2Only) {
    refuse(
      `supports only Python 2 (python tag ${tags.pythonTags.join(".")}); ${target} has Python ${python}`,
    );
  }
  if (tags.pure) return profile.noarch;

  const usable = tags.platforms.filter((p) => p.os === "linux" && p.libc !== "musl");
  if (usable.length === 0) {
    refuse(`is built for ${platformMismatch(tags.platforms)}; ${profile.name} uses glibc Linux`);
  }
  const builtFor = `CPython ${tags.cpythonVersion ?? ""} (tag ${tags.abiTags.join(".")})`;
  if (tags.abi === "other") {
    refuse(
      `is built for another Python implementation (abi tag ${tags.abiTags.join(".")}); ${target} has CPython ${python}`,
    );
  }
  if (tags.abi === "cpython" && tags.freeThreaded) {
    refuse(
      `is built for free-threaded ${builtFor}; ${target} has the default build of Python ${python}`,
    );
  }
  if (tags.abi === "cpython" && tags.cpythonVersion !== python) {
    refuse(`is built for ${builtFor}; ${target} has Python ${python}`);
  }
  if (tags.abi === "abi3" && tags.abi3Floor !== null && compareMinor(tags.abi3Floor, python) > 0) {
    refuse(
      `needs CPython ${tags.abi3Floor} or later (abi3, python tag ${tags.pythonTags.join(".")}); ${target} has Python ${python}`,
    );
  }
  if (tags.abi === "none") {
    const versions = tags.pythonTags.map(cpythonTagVersion);
    if (versions.every((v) => v !== null) && !versions.includes(python)) {
      refuse(
        `is built for CPython ${versions.join(", ")} (python tag ${tags.pythonTags.join(".")}); ${target} has Python ${python}`,
      );
    }
  }

  const machine = tags.machine ?? "";
  const arch = profile.architectures[machine];
  if (arch === undefined) {
    const known = Object.keys(profile.architectures).join(", ");
    refuse(
      `is built for ${machine || "an unknown machine"}, which ${target} does not support (it supports ${known})`,
    );
  }
  const floors = usable.flatMap((p) => (p.glibcVersion ? [p.glibcVersion] : []));
  const floor = [...floors].sort(compareGlibc)[0];
  const [major = 0, minor = 0] = profile.glibc.split(".").map(Number);
  if (floor !== undefined && compareGlibc(floor, [major, minor]) > 0) {
    const tag = usable.find((p) => p.glibcVersion === floor)?.raw ?? "";
    refuse(
      `needs glibc ${floor.join(".")} or later (${tag}); ${target} has glibc ${profile.glibc}`,
    );
  }
  return arch ?? profile.noarch;
}

/**
 * Refuses a wheel whose Requires-Python excludes the target's Python: the package would install
 * and then fail to import. Checked against the target's full version (`3.11.2`), as pip does.
 */
export function checkRequiresPython(
  wheel: string,
  requiresPython: readonly Specifier[] | null,
  profile: TargetProfile,
): void {
  if (requiresPython === null || requiresPython.length === 0) return;
  if (satisfiesSpecifiers(profile.python.fullVersion, requiresPython)) return;
  throw new UnsupportedWheelError(
    `requires Python ${specifiersToString(requiresPython)}; ${profile.id} (${profile.name}) has Python ${profile.python.fullVersion}`,
    { file: wheel, field: "Requires-Python" },
  );
}
