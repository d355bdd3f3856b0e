import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/lint/index.js";
import { root } from "../helpers/convert.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("\n## Lint\n"), readme.indexOf("\n## Library\n"));

describe("README ## Lint", () => {
  it("lists every rule once, with its default severity", () => {
    const rows = new Map(
      [...section.matchAll(/^\| `([a-z0-9-]+)` +\| (\w+) +\|/gm)].map((m) => [m[1], m[2]]),
    );
    expect(rows).toEqual(new Map(rules.map((rule) => [rule.id, rule.severity])));
  });

  it("states how many rules apply to each family", () => {
    const stated = /(\d+) rules apply to rpm targets and (\d+) to deb targets/.exec(section);
    const count = (family: "rpm" | "deb") =>
      rules.filter((r) => r.families.includes(family)).length;
    expect(stated?.slice(1).map(Number)).toEqual([count("rpm"), count("deb")]);
  });
});
