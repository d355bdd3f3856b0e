/**
 * The hashes a batch compares with its stamps: the part common to every package (config,
 * templates, options, environment, wheel2pkg's version) and each package's own key.
 */
import type { Config } from "../config/index.js";
import type { DebianExtrasPolicy, PackagingOptions } from "../targets/types.js";
import { wheel2pkgVersion } from "../version.js";
import type { BatchItem } from "./input.js";
import { hashOf, sha256File, treeHash } from "./stamp.js";

/** Environment variables that change what planConversion writes. */
const plannedEnvironment = ["SOURCE_DATE_EPOCH", "DEBFULLNAME", "NAME", "DEBEMAIL", "EMAIL"];

/** The options of a batch that shape every package it writes. */
export interface KeyedOptions {
  templateDirs?: readonly string[];
  withExtras?: readonly string[];
  debianExtras?: DebianExtrasPolicy;
  packaging?: Partial<Omit<PackagingOptions, "date">>;
}

/** The part of every stamp key that does not depend on the wheel. */
export async function commonKey(options: KeyedOptions, config: Config): Promise<string> {
  const templateDirs =
    options.templateDirs ?? (config.templates === undefined ? [] : [config.templates]);
  return hashOf({
    version: wheel2pkgVersion,
    config: config.file === null ? null : await sha256File(config.file),
    templates: await Promise.all(templateDirs.map(treeHash)),
    withExtras: options.withExtras ?? [],
    debianExtras: options.debianExtras ?? null,
    packaging: options.packaging ?? {},
    environment: plannedEnvironment.map((name) => process.env[name] ?? null),
  });
}

/**
 * The key of one package: the common part, the wheel's bytes, the target, the wheel's own
 * options, the set's projects it requires (which decide the names in its relations) and the
 * extras it does not offer because the target cannot satisfy them (which the archive decides).
 */
export function packageKey(
  common: string,
  sha256: string,
  target: string,
  item: BatchItem,
  requires: readonly string[],
  withheldExtras: readonly string[] = [],
): string {
  return hashOf({
    common,
    wheel: sha256,
    target,
    release: item.release ?? null,
    withExtras: item.withExtras ?? null,
    set: requires,
    // Only when some are: keys of packages that offer every extra stay as they were.
    ...(withheldExtras.length === 0 ? {} : { withheldExtras }),
  });
}
