/**
 * How much a wheel may declare before it is refused unread: members, unpacked bytes, and how far
 * one member may inflate. The defaults admit the largest real wheels with room to spare; a user
 * with a bigger genuine wheel raises them in wheel2pkg.toml's `[limits]` table.
 */
import { WheelError, type Location } from "../errors.js";
import type { WheelLimits } from "./types.js";

const KiB = 1024;
const GiB = 1024 ** 3;

/**
 * The limits in force when the configuration sets none. Reasoned from the largest wheels
 * published: torch's CUDA builds hold ~15,000 members and unpack to 2–4 GB, generated SDKs
 * (cloud providers, Ansible's collections) tens of thousands of small modules; the highest
 * member ratio among ~100 common wheels is 235:1 (scipy's NIST test tables), while a member of
 * zeros deflates at about 1000:1.
 */
export const DEFAULT_WHEEL_LIMITS: Readonly<WheelLimits> = Object.freeze({
  members: 200_000,
  unpackedSize: 8 * GiB,
  compressionRatio: 500,
});

/**
 * A member may always inflate to this many bytes whatever its ratio: an empty `__init__.py` or a
 * page of zeros deflates far past any sane ratio, yet costs nothing to read.
 */
export const RATIO_ALLOWANCE = 64 * KiB;

/** The config key that sets each limit, for the refusal messages. */
const CONFIG_KEY: Readonly<Record<keyof WheelLimits, string>> = {
  members: "members",
  unpackedSize: "unpacked-size",
  compressionRatio: "compression-ratio",
};

/** The limits to apply: the given ones over the defaults. */
export function resolveLimits(limits: Partial<WheelLimits> = {}): WheelLimits {
  return {
    members: limits.members ?? DEFAULT_WHEEL_LIMITS.members,
    unpackedSize: limits.unpackedSize ?? DEFAULT_WHEEL_LIMITS.unpackedSize,
    compressionRatio: limits.compressionRatio ?? DEFAULT_WHEEL_LIMITS.compressionRatio,
  };
}

/** Whether a member of this declared size and compressed size inflates too far. */
export function exceedsRatio(size: number, compressedSize: number, ratio: number): boolean {
  return size > RATIO_ALLOWANCE && size > ratio * compressedSize;
}

/** The refusal of a wheel past one of its limits, saying which and how to raise it. */
export function limitError(limit: keyof WheelLimits, what: string, where: Location): WheelError {
  return new WheelError(
    `${what}; if the wheel is genuine, raise ${CONFIG_KEY[limit]} in the [limits] table of wheel2pkg.toml`,
    where,
  );
}
