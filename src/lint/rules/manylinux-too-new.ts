import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** A manylinux wheel's glibc floor is at most the target's glibc, or its objects fail to load. */
export const manylinuxTooNew: Rule = {
  id: "manylinux-too-new",
  severity: "error",
  summary: "the wheel's manylinux glibc floor is not above the target's glibc",
  guideline: guidelines.pep600,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input, profile) {
    if (input.kind !== "wheel") return [];
    const floor = input.wheel.pkg.tags.minGlibc;
    if (floor === null) return [];
    const [major = 0, minor = 0] = profile.glibc.split(".").map(Number);
    if (floor[0] < major || (floor[0] === major && floor[1] <= minor)) return [];
    return [
      {
        message: `the wheel needs glibc ${floor.join(".")}; ${profile.name} has glibc ${profile.glibc}`,
      },
    ];
  },
};
