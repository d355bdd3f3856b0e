import type { PlanInput, Target, TargetPlan } from "../types.js";
import { planFedoraSpec } from "./fedora-spec.js";
import { planOpensuseSpec } from "./opensuse-spec.js";

/**
 * The RPM family: one SRPM per wheel whose spec follows the target distribution's Python
 * guidelines, chosen by the profile's `rpm.specStyle`: Fedora's (Fedora, EPEL) or openSUSE's
 * singlespec.
 */
export const rpmTarget: Target = {
  family: "rpm",
  plan(input: PlanInput): TargetPlan {
    return input.profile.rpm?.specStyle === "opensuse"
      ? planOpensuseSpec(input)
      : planFedoraSpec(input);
  },
};
