import { describe, expect, it } from "vitest";
import {
  compareDebianVersions,
  formatRelations,
  parseRelations,
  simplifyRelations,
} from "../../../src/families/deb/direct/relations.js";
import { dpkgAvailable, dpkgBinaryCompare } from "../../helpers/dpkg-compare.js";
import { inCI } from "../../helpers/tools.js";

const pairs: [string, string][] = [
  ["1.0", "1.0"],
  ["1.0~rc1", "1.0"],
  ["1.0", "1.0.0"],
  ["3.11~", "3.11"],
  ["1:0.1", "2.0"],
  ["1.0-1", "1.0-2"],
  ["1.0a", "1.0+b"],
  ["1.10", "1.9"],
  ["2.0~~", "2.0~"],
  ["1.0-1~bpo1", "1.0-1"],
  ["0.5.0", "0.5"],
];

describe.skipIf(!inCI && !dpkgAvailable())("dpkg's version order", () => {
  it("agrees with dpkg --compare-versions", () => {
    const expected = dpkgBinaryCompare(pairs);
    expect(pairs.map(([a, b]) => Math.sign(compareDebianVersions(a, b)))).toEqual(expected);
  });
});

describe("relation fields as dpkg-gencontrol simplifies them", () => {
  it.each([
    ["python3:any, python3-click (>= 8.0), python3:any", "python3:any, python3-click (>= 8.0)"],
    ["python3 (>= 3.8), python3 (>= 3.11~)", "python3 (>= 3.11~)"],
    ["a | b, a", "a"],
    [
      "python3 (<< 3.12), python3 (>= 3.11~), python3:any",
      "python3 (<< 3.12), python3 (>= 3.11~), python3:any",
    ],
    ["foo (>=1.0),  bar", "foo (>= 1.0), bar"],
  ])("%s → %s", (field, expected) => {
    expect(formatRelations(simplifyRelations(parseRelations(field, "Depends")))).toBe(expected);
  });

  it("drops from a weaker field what a stronger one implies", () => {
    const depends = parseRelations("python3-foo (>= 2)", "Depends");
    const suggests = parseRelations("python3-foo (>= 1), python3-bar", "Suggests");
    expect(formatRelations(simplifyRelations(suggests, depends))).toBe("python3-bar");
  });
});
