import { isSpdxExpression as isSpdx } from "../../model/spdx.js";
import { guidelines } from "../guidelines.js";
import { specTag } from "../inputs/spec.js";
import type { Rule } from "../types.js";

/** Fedora's License field holds an SPDX expression. */
export const licenseNotSpdx: Rule = {
  id: "license-not-spdx",
  severity: "error",
  summary: "the License tag is a valid SPDX license expression",
  guideline: guidelines.fedoraLicense,
  families: ["rpm"],
  inputs: ["spec", "rpm"],
  check(input) {
    if (input.kind === "rpm") {
      const { license } = input.built;
      return isSpdx(license) ? [] : [{ message: `License "${license}" is not an SPDX expression` }];
    }
    if (input.kind !== "spec") return [];
    const main = input.spec.packages[0];
    const tag = main === undefined ? undefined : specTag(main, "license");
    if (tag === undefined) return [{ message: "the spec has no License tag" }];
    return isSpdx(tag.value)
      ? []
      : [{ message: `License "${tag.value}" is not an SPDX expression`, line: tag.line }];
  },
};
