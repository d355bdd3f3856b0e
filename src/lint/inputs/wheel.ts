/** A wheel as the wheel-level rules read it: the validated model and the user's name rules. */
import type { ExtrasChoice } from "../../mapping/extras.js";
import type { NameRules } from "../../mapping/name-rules.js";
import { buildPackage, type WheelPackage } from "../../model/package.js";
import { readWheel, type WheelLimits } from "../../wheel/index.js";

/** What the wheel-level rules check. */
export interface WheelSubject {
  pkg: WheelPackage;
  /** The user's mapping rules for the target, so that mapped names are not called guesses. */
  names?: NameRules;
  /**
   * The configuration's choice of extras for the target (`with-extras`, `dev-extras`), so that the
   * rules see the requirements that are packaged; the defaults when unset.
   */
  extras?: ExtrasChoice;
}

/** Reads and validates a wheel (RECORD hashes checked) for linting. */
export async function readWheelSubject(
  path: string,
  names?: NameRules,
  limits: Readonly<Partial<WheelLimits>> = {},
  extras?: ExtrasChoice,
): Promise<WheelSubject> {
  const { pkg } = buildPackage(await readWheel(path, { verify: true, limits }));
  return {
    pkg,
    ...(names === undefined ? {} : { names }),
    ...(extras === undefined ? {} : { extras }),
  };
}

/** Top-level import names the wheel installs into site-packages (`foo` for `foo/` or `foo.py`). */
export function topLevelModules(pkg: WheelPackage): string[] {
  const names = new Set<string>();
  for (const member of pkg.members) {
    if (member.distInfo || (member.scheme !== "purelib" && member.scheme !== "platlib")) continue;
    const [first = "", ...rest] = member.installPath.split("/");
    if (first.endsWith(".dist-info") || first.endsWith(".libs")) continue;
    if (rest.length > 0) names.add(first);
    else if (/\.(py|so|pyd)$/.test(first)) names.add(first.replace(/\..*$/, ""));
  }
  return [...names].sort();
}
