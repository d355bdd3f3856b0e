/** `batch --resolve` from a wheelhouse: the plan, `--dry-run`, and pulled-in wheels in the report. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/batch/index.js";
import { useWheelhouses, writeWheel } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";

const house = useWheelhouses();

function withLinks() {
  const h = house([{ name: "w2p_app", version: "1.0", requires: ["w2p-lib>=1", "w2p-ghost"] }]);
  const links = path.join(h.root, "links");
  fs.mkdirSync(links);
  writeWheel(links, { name: "w2p_lib", version: "0.9" });
  writeWheel(links, { name: "w2p_lib", version: "1.2", requires: ["w2p-leaf"] });
  writeWheel(links, { name: "w2p_leaf", version: "3.0" });
  return { ...h, links };
}

describe("wheel2pkg batch --resolve", () => {
  it("prints the plan alone with --dry-run and exits 1 for what nothing satisfies", async () => {
    const h = withLinks();
    const args = ["batch", h.house, "--target", "debian-12", "--out", h.out, "--resolve"];
    const result = await runCli([...args, "--find-links", h.links, "--dry-run"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^closure on debian-12 .*: 2 wheel\(s\) pulled in/m);
    expect(result.stdout).toMatch(/^ {2}pull w2p-lib 1\.2 \(required by w2p-app\) from /m);
    expect(result.stdout).toMatch(/^ {2}pull w2p-leaf 3\.0 \(required by w2p-lib\) from /m);
    expect(result.stdout).toMatch(/^ {2}unsatisfied w2p-app → w2p-ghost: no-wheel: /m);
    expect(fs.existsSync(h.out)).toBe(false);
  });

  it("converts the pulled-in wheels with their requirers in the report, graph and progress", async () => {
    const h = withLinks();
    fs.rmSync(path.join(h.house, "w2p_app-1.0-py3-none-any.whl"));
    writeWheel(h.house, { name: "w2p_app", version: "1.0", requires: ["w2p-lib>=1"] });
    const report = path.join(h.root, "report.json");
    const graph = path.join(h.root, "graph.dot");
    const result = await runCli([
      "batch",
      h.house,
      "--target",
      "debian-12",
      "--out",
      h.out,
      "--resolve",
      "--find-links",
      h.links,
      "--report",
      report,
      "--graph",
      graph,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^\[\d\/3\] debian-12 w2p-leaf 3\.0 \(pulled in by w2p-lib\): converted/m,
    );
    const written = JSON.parse(fs.readFileSync(report, "utf8")) as BatchReport;
    expect(written.entries.map((e) => [e.project, e.pulledBy])).toEqual([
      ["w2p-app", null],
      ["w2p-leaf", ["w2p-lib"]],
      ["w2p-lib", ["w2p-app"]],
    ]);
    expect(written.order).toEqual(["w2p-leaf", "w2p-lib", "w2p-app"]);
    expect(written.closure?.targets[0]?.pulled.map((p) => p.project)).toEqual([
      "w2p-leaf",
      "w2p-lib",
    ]);
    expect(fs.readFileSync(graph, "utf8")).toMatch(
      /"w2p-lib" \[label="w2p-lib 1\.2\\+npulled in by w2p-app", style="dashed,filled"\]/,
    );
  });

  it("lists the requirements of extras nobody asked for apart from the unresolved", async () => {
    const h = house([
      {
        name: "w2p_app",
        version: "1.0",
        extras: ["cli", "web"],
        requires: [
          "w2p-lib>=1",
          "w2p-ghost",
          'w2p-nowhere; extra == "cli"',
          'w2p-lib; extra == "web"',
        ],
      },
    ]);
    const links = path.join(h.root, "links");
    fs.mkdirSync(links);
    writeWheel(links, { name: "w2p_lib", version: "1.2" });
    const args = ["batch", h.house, "--target", "debian-12", "--out", h.out];
    const report = path.join(h.root, "report.json");
    const resolved = await runCli([
      ...args,
      "--resolve",
      "--find-links",
      links,
      "--report",
      report,
    ]);
    expect(resolved.code).toBe(1); // w2p-ghost: nothing has it
    const written = JSON.parse(fs.readFileSync(report, "utf8")) as BatchReport;
    expect(written.unresolved.map((u) => [u.project, u.requiredBy])).toEqual([
      ["w2p-ghost", ["w2p-app"]],
    ]);
    expect(written.unaskedExtras).toEqual([
      {
        project: "w2p-nowhere",
        reasons: ["unknown-to-distro-data"],
        targets: ["debian-12"],
        requiredBy: ["w2p-app[cli]"],
      },
    ]);
    expect(written.totals).toMatchObject({ unresolved: 1, unaskedExtras: 1 });
    expect(resolved.stderr).toMatch(
      /; 1 unresolved requirement\(s\); 1 requirement\(s\) of extras not asked for left aside/,
    );
    expect(resolved.stderr).not.toMatch(/^ {2}w2p-nowhere/m);

    // Without --resolve, nothing is asked of the extras either way: they stay among the unresolved.
    const plain = await runCli([...args, "--report", report, "--force"]);
    const again = JSON.parse(fs.readFileSync(report, "utf8")) as BatchReport;
    expect(plain.stderr).toMatch(
      /^ {2}w2p-nowhere \[unknown-to-distro-data\] on debian-12: w2p-app\[cli\]$/m,
    );
    expect(again.unaskedExtras).toBeNull();
    expect(again.unresolved.map((u) => u.project)).toEqual(["w2p-ghost", "w2p-lib", "w2p-nowhere"]);
  });

  it("refuses --dry-run without --resolve, and --resolve without a source", async () => {
    const h = withLinks();
    const base = ["batch", h.house, "--target", "debian-12", "--out", h.out];
    const dry = await runCli([...base, "--dry-run"]);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/--dry-run.*add --resolve/);
    const none = await runCli([...base, "--resolve"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--find-links DIR or --index-url URL/);
  });
});
