import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** `X.Y` as a comparable number pair. */
function minor(version: string): [number, number] {
  const [a = 0, b = 0] = version.split(".").map(Number);
  return [a, b];
}

/** A wheel's Python and ABI tags admit the target's Python (`cp311` runs only on 3.11). */
export const pythonTagMismatch: Rule = {
  id: "python-tag-mismatch",
  severity: "error",
  summary: "the wheel's python/ABI tags admit the target's Python version",
  guideline: guidelines.pep425,
  families: ["rpm", "deb"],
  inputs: ["wheel"],
  check(input, profile) {
    if (input.kind !== "wheel") return [];
    const { tags } = input.wheel.pkg;
    const python = profile.python.version;
    const target = `${profile.name} has Python ${python}`;
    if (tags.python2Only) return [{ message: `the wheel is for Python 2 only; ${target}` }];
    if (tags.abi === "cpython" && tags.cpythonVersion !== python) {
      return [
        { message: `the wheel is built for CPython ${tags.cpythonVersion ?? "?"}; ${target}` },
      ];
    }
    if (tags.abi === "abi3" && tags.abi3Floor !== null) {
      const [fa, fb] = minor(tags.abi3Floor);
      const [ta, tb] = minor(python);
      if (fa > ta || (fa === ta && fb > tb)) {
        return [{ message: `the abi3 wheel needs CPython ${tags.abi3Floor} or later; ${target}` }];
      }
    }
    if (tags.abi === "none") {
      const versions = tags.pythonTags.map((t) => /^(?:py|cp)3(\d+)$/.exec(t)?.[1]);
      if (versions.every((v) => v !== undefined) && !versions.some((v) => `3.${v}` === python)) {
        return [{ message: `the wheel is tagged ${tags.pythonTags.join(".")}; ${target}` }];
      }
    }
    return [];
  },
};
