import type { Builder } from "../config/types.js";
import type { WheelPackage } from "../model/package.js";

/** Options of a native build. */
export interface BuildOptions {
  /** Ends the running tool when aborted (a batch stopped by Ctrl-C). */
  cancelSignal?: AbortSignal;
  /** Build only the source package (SRPM; `.dsc` with its tarballs), for a build farm. */
  sourceOnly?: boolean;
  /** Install what the build host lacks of the plan's `buildHostNeeds` first (apt-get, as root). */
  installBuildDeps?: boolean;
  /**
   * Who writes the binary packages of a family that has more than one way: `dpkg` runs the
   * family's native build (dpkg-buildpackage), `direct` writes them in-process. Default: {@link defaultBuilder}.
   */
  builder?: Builder;
  /**
   * Built binary packages of a batch whose libraries the package links (the plan's
   * `setLibraries`): the builder finds those libraries in them.
   */
  setPackages?: readonly string[];
  /**
   * The wheel as planning read it (every member hashed against RECORD, its files looked at), for
   * a builder that writes the wheel's files itself: it streams them from the wheel copied into
   * the package, checked against the same RECORD, and need not read the whole wheel first.
   */
  wheel?: WheelPackage;
}

export type { Builder };

/** The builder used when none is asked for. */
export const defaultBuilder: Builder = "direct";

/** What a native build produced. */
export interface BuildResult {
  /** `.src.rpm`, or `.dsc` (with its tarballs beside it). */
  sourcePackages: string[];
  /** `.rpm` / `.deb` files. */
  binaryPackages: string[];
  /** The full log of the build. */
  logFile: string;
  /** What the user should know of how it was built (a host toolchain that is not the target's). */
  notes: string[];
}

/** A repository written from built binary packages, which the family's package manager reads. */
export interface Repository {
  /** Absolute directory of the repository. */
  directory: string;
  /** Each package in it: name, version, architecture and file (in the repository). */
  packages: { name: string; version: string; architecture: string; file: string }[];
  /** What to add to the package manager's configuration: an apt sources line, a .repo file. */
  configuration: string;
}

/** Whether one package of a repository installs on the target, as the package manager says. */
export interface InstallResult {
  package: string;
  version: string;
  installable: boolean;
  /** The package manager's reason when it does not (its last lines), else null. */
  reason: string | null;
}

/** The package manager's verdict on a repository's packages, or why it could not be asked. */
export interface InstallCheck {
  checked: boolean;
  /** What answered (`apt-get (bookworm archive and the repository)`), or why nothing could. */
  source: string;
  results: InstallResult[];
}
