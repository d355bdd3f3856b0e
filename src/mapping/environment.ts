import type { MarkerEnvironment } from "../model/types.js";
import type { TargetProfile } from "../profiles/types.js";

/**
 * The PEP 508 marker environment of a target's system Python. `platform_machine` is known only
 * for an architecture-specific package; a noarch package runs on every machine, so markers on
 * it cannot be decided. `extra` is "" for the main package (as installers evaluate it).
 */
export function markerEnvironment(
  profile: TargetProfile,
  machine: string | null,
  extra = "",
): MarkerEnvironment {
  const environment: MarkerEnvironment = {
    python_version: profile.python.version,
    python_full_version: profile.python.fullVersion,
    implementation_name: "cpython",
    implementation_version: profile.python.fullVersion,
    platform_python_implementation: "CPython",
    os_name: "posix",
    sys_platform: "linux",
    platform_system: "Linux",
    extra,
  };
  if (machine !== null) environment.platform_machine = machine;
  return environment;
}
