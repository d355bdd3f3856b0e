/**
 * How much a wheel may declare before it is refused unread: members, unpacked bytes in all and
 * per byte of the wheel, and how far one member may inflate. The defaults admit the largest real
 * wheels with room to spare; a user with a bigger genuine wheel raises them in wheel2pkg.toml's
 * `[limits]` table.
 */
import { WheelError, type Location } from "../errors.js";
import type { WheelLimits } from "./types.js";

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/**
 * The limits in force when the configuration sets none, reasoned from 990 real wheels (a mirror
 * of popular projects with tensorflow, triton, vtk, jaxlib, onnx, scipy): at most 16,235
 * members (cmeel-boost; tensorflow-cpu 15,632), at most 1.27 GB unpacked (tensorflow-cpu; torch's
 * CUDA builds reach 2–4 GB), at most 17.7 bytes unpacked per byte of wheel (xyzservices' JSON).
 * A single member may be all zeros: onnx ships a 2.5 MB test tensor at 1016:1, deflate's
 * ceiling. So no member ratio tells a bomb from a real file; what a bomb cannot hide is that
 * the wheel as a whole inflates hundreds of times its size.
 */
export const DEFAULT_WHEEL_LIMITS: Readonly<WheelLimits> = Object.freeze({
  members: 200_000,
  unpackedSize: 8 * GiB,
  unpackedRatio: 100,
  // Deflate cannot do better than 1032:1 (258 bytes from a 2-bit code): a member declaring
  // more is lying about its size.
  compressionRatio: 1032,
});

/**
 * A member may always inflate to this many bytes whatever its ratio: an empty `__init__.py` or a
 * page of zeros deflates far past any sane ratio, yet costs nothing to read.
 */
const MEMBER_RATIO_ALLOWANCE = 64 * KiB;

/**
 * A wheel may always unpack to this many bytes whatever its own size: a small wheel holding one
 * sparse data file is no threat (hashing 64 MiB takes a fraction of a second).
 */
const WHEEL_RATIO_ALLOWANCE = 64 * MiB;

/** The config key that sets each limit, for the refusal messages. */
const CONFIG_KEY: Readonly<Record<keyof WheelLimits, string>> = {
  members: "members",
  unpackedSize: "unpacked-size",
  unpackedRatio: "unpacked-ratio",
  compressionRatio: "compression-ratio",
};

/** The limits to apply: the given ones over the defaults. */
export function resolveLimits(limits: Partial<WheelLimits> = {}): WheelLimits {
  const pick = (key: keyof WheelLimits): number => limits[key] ?? DEFAULT_WHEEL_LIMITS[key];
  return {
    members: pick("members"),
    unpackedSize: pick("unpackedSize"),
    unpackedRatio: pick("unpackedRatio"),
    compressionRatio: pick("compressionRatio"),
  };
}

/** Whether a member of this declared size and compressed size inflates too far. */
export function exceedsRatio(size: number, compressedSize: number, ratio: number): boolean {
  return size > MEMBER_RATIO_ALLOWANCE && size > ratio * compressedSize;
}

/** The most bytes the members of a wheel of `wheelSize` bytes may declare per its size. */
export function ratioBudget(wheelSize: number, limits: WheelLimits): number {
  return limits.unpackedRatio * wheelSize + WHEEL_RATIO_ALLOWANCE;
}

/** The refusal of a wheel past one of its limits, saying which and how to raise it. */
export function limitError(limit: keyof WheelLimits, what: string, where: Location): WheelError {
  return new WheelError(
    `${what}; if the wheel is genuine, raise ${CONFIG_KEY[limit]} in the [limits] table of wheel2pkg.toml`,
    where,
  );
}
