import { describe, expect, it } from "vitest";
import { buildOrder, type GraphNode, graphToDot } from "../../src/batch/index.js";

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("buildOrder", () => {
  it("puts every project after the projects it requires", () => {
    const nodes: GraphNode[] = [
      { project: "app", requires: ["web", "db"] },
      { project: "web", requires: ["core", "six"] },
      { project: "db", requires: ["core"] },
      { project: "core", requires: ["six"] },
      { project: "six", requires: [] },
      { project: "lonely", requires: ["not-in-the-set"] },
    ];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { order, cycles } = buildOrder(shuffled(nodes, seed));
      expect(cycles).toEqual([]);
      expect([...order].sort()).toEqual(["app", "core", "db", "lonely", "six", "web"]);
      for (const node of nodes) {
        for (const dep of node.requires.filter((d) => order.includes(d))) {
          expect(order.indexOf(dep), `${dep} before ${node.project}`).toBeLessThan(
            order.indexOf(node.project),
          );
        }
      }
    }
  });

  it("reports cycles and breaks them the same way whatever the input order", () => {
    const nodes: GraphNode[] = [
      { project: "b", requires: ["a"] },
      { project: "a", requires: ["b", "base"] },
      { project: "base", requires: [] },
      { project: "top", requires: ["a"] },
      { project: "selfish", requires: ["selfish"] },
    ];
    const first = buildOrder(nodes);
    expect(first.cycles).toEqual([["a", "b"], ["selfish"]]);
    // The cycle's members come after what they require and before what requires them,
    // alphabetically among themselves.
    const { order } = first;
    expect(order.indexOf("base")).toBeLessThan(order.indexOf("a"));
    expect(order.indexOf("a")).toBe(order.indexOf("b") - 1);
    expect(order.indexOf("b")).toBeLessThan(order.indexOf("top"));
    for (const seed of [7, 8, 9]) expect(buildOrder(shuffled(nodes, seed))).toEqual(first);
  });

  it("handles a long chain without exhausting the stack", () => {
    const nodes = Array.from({ length: 20000 }, (_, i) => ({
      project: `p${String(i).padStart(5, "0")}`,
      requires: i === 0 ? [] : [`p${String(i - 1).padStart(5, "0")}`],
    }));
    const { order } = buildOrder([...nodes].reverse());
    expect(order[0]).toBe("p00000");
    expect(order[order.length - 1]).toBe("p19999");
  });
});

describe("graphToDot", () => {
  it("draws the set's edges, marks refused and failed wheels and highlights unresolved names", () => {
    const dot = graphToDot({
      nodes: [
        { project: "app", label: "app 1.0", requires: ["lib", "outside"], state: "ok" },
        { project: "lib", label: "lib 2.0", requires: [], state: "failed" },
        { project: "broken", label: "broken-1.0.whl", requires: [], state: "refused" },
      ],
      unresolved: new Map([["app", ["ghost"]]]),
    });
    const lines = dot.trim().split("\n");
    expect(lines[0]).toBe("digraph wheel2pkg_batch {");
    expect(lines[lines.length - 1]).toBe("}");
    expect(lines).toContain('  "app" -> "lib";');
    // Requirements outside the set are not edges unless unresolved.
    expect(dot).not.toContain('"outside"');
    expect(lines).toContain('  "app" -> "unresolved:ghost" [style=dashed, color=red];');
    expect(dot).toMatch(/"unresolved:ghost" \[label="ghost", shape=ellipse, [^\]]*color=red\]/);
    expect(dot).toMatch(/"lib" \[label="lib 2\.0\\\\n\(failed\)", fillcolor="#f28b82"/);
    expect(dot).toMatch(/"broken" \[label="broken-1\.0\.whl\\\\n\(refused\)", fillcolor="#fbbc04"/);
    // Balanced quotes on every statement line: the output parses as DOT.
    for (const line of lines)
      expect((line.replace(/\\"/g, "").match(/"/g) ?? []).length % 2).toBe(0);
  });

  it("draws extras as dashed boxes hanging from their wheel, with dashed edges", () => {
    const dot = graphToDot({
      nodes: [
        {
          project: "app",
          label: "app 1.0",
          requires: ["lib"],
          state: "ok",
          extras: [
            { extra: "socks", requires: ["pysocks", "outside"], unresolved: ["ghost"] },
            { extra: "fast", requires: ["lib"], unresolved: [] },
          ],
        },
        { project: "lib", label: "lib 2.0", requires: [], state: "ok" },
        { project: "pysocks", label: "pysocks 1.7", requires: [], state: "ok" },
      ],
      unresolved: new Map(),
    });
    const lines = dot.trim().split("\n");
    expect(lines).toContain('  "app" -> "lib";');
    expect(lines).toContain('  "app[fast]" [label="app[fast]", style=dashed];');
    expect(lines).toContain('  "app[socks]" [label="app[socks]", style=dashed];');
    expect(lines).toContain('  "app" -> "app[fast]" [style=dashed, arrowhead=none];');
    expect(lines).toContain('  "app[fast]" -> "lib" [style=dashed];');
    expect(lines).toContain('  "app[socks]" -> "pysocks" [style=dashed];');
    expect(lines).toContain('  "app[socks]" -> "unresolved:ghost" [style=dashed, color=red];');
    expect(dot).toMatch(/"unresolved:ghost" \[label="ghost", shape=ellipse/);
    expect(dot).not.toContain('"outside"');
    // Extras come in name order whatever the input order.
    expect(lines.indexOf('  "app[fast]" [label="app[fast]", style=dashed];')).toBeLessThan(
      lines.indexOf('  "app[socks]" [label="app[socks]", style=dashed];'),
    );
  });

  it("escapes quotes in labels", () => {
    const dot = graphToDot({
      nodes: [{ project: "x", label: 'x "quoted"', requires: [], state: "ok" }],
      unresolved: new Map(),
    });
    expect(dot).toContain('[label="x \\"quoted\\""]');
  });
});
