import { guidelines } from "../guidelines.js";
import type { Rule } from "../types.js";

/** Interpreters allowed in a Python script's `#!` line: the system python3 (or python3.X). */
const allowed = /^\/usr\/bin\/python3(\.\d+)?(\s|$)/;

/** Fedora: Python scripts use `/usr/bin/python3`, never `env python` or an unversioned python. */
export const unversionedPythonShebang: Rule = {
  id: "unversioned-python-shebang",
  severity: "error",
  summary: "Python scripts start with #!/usr/bin/python3",
  guideline: guidelines.fedoraShebang,
  families: ["rpm"],
  inputs: ["rpm"],
  check(input) {
    if (input.kind !== "rpm") return [];
    return input.built.files
      .filter((f) => f.shebang !== null && /python/.test(f.shebang) && !allowed.test(f.shebang))
      .map((f) => ({ message: `${f.path} starts with #!${f.shebang ?? ""}`, file: f.path }));
  },
};
