import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const batchDir = path.resolve("src/batch");

/** Each module of src/batch with the relative modules it imports (type-only ones included). */
function imports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const name of fs.readdirSync(batchDir).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(batchDir, name), "utf8");
    const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom "(\.[^"]+)";/gms)];
    graph.set(
      name,
      specifiers.map((m) =>
        path.relative(batchDir, path.resolve(batchDir, (m[1] ?? "").replace(/\.js$/, ".ts"))),
      ),
    );
  }
  return graph;
}

describe("src/batch is a library stage", () => {
  it("imports nothing of the command line", () => {
    const upward = [...imports()].flatMap(([file, deps]) =>
      deps.filter((d) => d.startsWith("../cli/")).map((d) => `${file} → ${d}`),
    );
    expect(upward).toEqual([]);
  });

  it("leaves the terminal and the process's signals to the command line", () => {
    const touching = [...imports().keys()].filter((file) =>
      /process\.(stdout|stderr|on|once|exit|kill\(process\.pid)|console\./.test(
        fs.readFileSync(path.join(batchDir, file), "utf8"),
      ),
    );
    expect(touching).toEqual([]);
  });

  it("has no import cycle, not even of types", () => {
    const graph = imports();
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const dep of graph.get(file) ?? []) {
        if (graph.has(dep)) visit(dep, [...trail, file]);
      }
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
