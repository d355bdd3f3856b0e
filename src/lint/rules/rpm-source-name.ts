import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Fedora names the source package of a Python project `python-<name>`. */
export const rpmSourceName: Rule = {
  id: "rpm-source-name",
  severity: "warning",
  summary: "the source package (spec Name) is python-<project name>",
  guideline: guidelines.fedoraNaming,
  families: ["rpm"],
  inputs: ["spec"],
  check(input) {
    if (input.kind !== "spec") return [];
    const name = input.spec.packages[0]?.tags.find((t) => t.tag === "name");
    if (name === undefined) return [{ message: "the spec has no Name tag" }];
    return name.value.startsWith("python-")
      ? []
      : [{ message: `Name ${name.value} does not start with python-`, line: name.line }];
  },
};
