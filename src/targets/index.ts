import type { TargetFamily } from "../profiles/types.js";
import { debTarget } from "./deb/index.js";
import { rpmTarget } from "./rpm/index.js";
import type { Target } from "./types.js";

export type { Target, TargetPlan, PlanInput, PackagingOptions, TemplateOutput } from "./types.js";

/** The package formats, one per family. */
export const targets = { rpm: rpmTarget, deb: debTarget } satisfies Record<TargetFamily, Target>;
