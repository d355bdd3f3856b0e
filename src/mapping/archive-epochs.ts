/**
 * The epochs of the target archive's packages, as the version translation takes them: a lookup
 * by the distro name a relation or a package carries (`python3-numpy` → 1 on Debian 12). The
 * archive index supplies it; without one, no package has an epoch.
 */

/** The epoch the target archive gives the package `distroName`; 0 when it has none. */
export type EpochLookup = (distroName: string) => number;

/** No archive known: every package's epoch is 0. */
export const noEpochs: EpochLookup = () => 0;
