import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/batch/index.js";
import { interruptedExitCode } from "../../src/cli/batch/interrupt.js";
import { exitCodes, main } from "../../src/cli/main.js";
import { useWheelhouses } from "../batch/wheelhouse.js";
import { runCli } from "../helpers/cli.js";

const listenersBefore = process.listenerCount("SIGINT");

const house = useWheelhouses();

describe("wheel2pkg batch", () => {
  it("converts a directory, writes the report and the graph, and exits 1 when a wheel is refused", async () => {
    const h = house([
      { name: "app", version: "1.0", requires: ["lib>=1", "ghost-project"] },
      { name: "lib", version: "1.5" },
    ]);
    fs.writeFileSync(path.join(h.house, "corrupt-1.0-py3-none-any.whl"), "PK\x03\x04 truncated");
    const report = path.join(h.root, "report.json");
    const graph = path.join(h.root, "graph.dot");
    const args = ["batch", h.house, "--target", "debian-12,fedora", "--out", h.out];
    const first = await runCli([...args, "--report", report, "--graph", graph, "-j", "2"]);
    expect(first.code).toBe(1);
    // Not a TTY: one plain line per wheel × target, then the summary.
    expect(first.stderr.match(/^\[\d+\/6\] /gm)).toHaveLength(6);
    expect(first.stderr).toMatch(/^\[\d\/6\] fedora corrupt-1\.0-py3-none-any\.whl: refused/m);
    expect(first.stderr).toMatch(/batch: 3 wheel\(s\) × 2 target\(s\): 4 converted, 2 refused/);
    expect(first.stderr).toMatch(/ghost-project \[unknown-to-distro-data\] on debian-12: app/);

    const written = JSON.parse(fs.readFileSync(report, "utf8")) as BatchReport;
    expect(written.totals).toMatchObject({ entries: 6, converted: 4, refused: 2, wheels: 3 });
    expect(written.order).toEqual(["lib", "app"]);
    const dot = fs.readFileSync(graph, "utf8");
    expect(dot).toContain('"app" -> "lib";');
    expect(dot).toContain('"app" -> "unresolved:ghost-project"');
    expect(dot).toMatch(/"corrupt-1\.0-py3-none-any\.whl" \[label="[^"]*\(refused\)"/);

    fs.rmSync(path.join(h.house, "corrupt-1.0-py3-none-any.whl"));
    const second = await runCli([...args, "--quiet"]);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/^\[/m);
    expect(second.stderr).toMatch(/4 skipped-unchanged/);
  });

  it("stops on Ctrl-C, still writes the report, and exits 130", async () => {
    const h = house(Array.from({ length: 8 }, (_, i) => ({ name: `w${i}`, version: "1.0" })));
    const report = path.join(h.root, "report.json");
    let stderr = "";
    let interrupted = false;
    const code = await main(
      ["batch", h.house, "--target", "fedora", "--out", h.out, "-j", "1", "--report", report],
      {
        out: () => undefined,
        err: (text) => {
          stderr += text;
          // The first finished entry: interrupt as the terminal's Ctrl-C does.
          if (!interrupted && /^\[1\/8\] /m.test(stderr)) {
            interrupted = true;
            process.emit("SIGINT", "SIGINT");
          }
        },
      },
    );
    expect(interrupted).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain("stopping after the running steps");
    const written = JSON.parse(fs.readFileSync(report, "utf8")) as BatchReport;
    expect(written.interrupted).toBe(true);
    expect(written.totals.interrupted).toBeGreaterThan(0);
    expect(written.totals.converted).toBeGreaterThan(0);
    // The command's listener is gone: a later SIGINT is not the batch's business.
    expect(process.listenerCount("SIGINT")).toBe(listenersBefore);
  });

  it("has every exit code of the command line in README's table", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
    const table = new Set([...readme.matchAll(/^\| `(\d+)` +\|/gm)].map((m) => Number(m[1])));
    const codes = [...Object.values(exitCodes), interruptedExitCode];
    expect([...table].sort((a, b) => a - b)).toEqual([...new Set(codes)].sort((a, b) => a - b));
  });

  it("exits 2 naming the line of a bad manifest", async () => {
    const h = house([]);
    const manifest = path.join(h.root, "set.toml");
    fs.writeFileSync(manifest, '[[wheel]]\npath = "a-1.0-py3-none-any.whl"\nrelase = "2"\n');
    const result = await runCli(["batch", manifest, "--target", "fedora", "--out", h.out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${manifest}:3:1: wheel[0].relase: unknown key`);
  });

  it.skipIf(!fs.existsSync("/dev/full"))(
    "delivers the report elsewhere when the disk is full, and exits 2",
    async () => {
      const h = house([{ name: "app", version: "1.0" }]);
      const result = await runCli([
        "batch",
        h.house,
        "--target",
        "fedora",
        "--out",
        h.out,
        "--report",
        "/dev/full",
        "--graph",
        path.join(h.root, "graph.dot"),
      ]);
      expect(result.code, result.stderr).toBe(2);
      const errors = result.stderr.split("\n").filter((line) => line.includes("error:"));
      expect(errors).toEqual([
        "wheel2pkg: error: /dev/full: cannot write the report: no space left on device (ENOSPC)",
      ]);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      // The run is not lost: the summary, the packages, the graph and the report elsewhere.
      expect(result.stderr).toMatch(/batch: 1 wheel\(s\) × 1 target\(s\): 1 converted/);
      expect(fs.existsSync(path.join(h.out, "fedora", "python-app"))).toBe(true);
      expect(fs.readFileSync(path.join(h.root, "graph.dot"), "utf8")).toContain('"app"');
      const fallback = /^wheel2pkg: the report is in (\S+) instead$/m.exec(result.stderr)?.[1];
      expect(fallback).toBeDefined();
      const written = JSON.parse(fs.readFileSync(fallback ?? "", "utf8")) as BatchReport;
      expect(written.totals).toMatchObject({ entries: 1, converted: 1 });
      fs.rmSync(path.dirname(fallback ?? ""), { recursive: true, force: true });
    },
  );

  it("refuses a report path it cannot write before doing any work", async () => {
    const h = house([{ name: "app", version: "1.0" }]);
    const file = path.join(h.root, "plain");
    fs.writeFileSync(file, "x");
    for (const [report, cause] of [
      [path.join(file, "report.json"), "a part of the path is not a directory (ENOTDIR)"],
      [path.join(h.root, "missing", "report.json"), "no such file or directory (ENOENT)"],
      [h.root, "is a directory (EISDIR)"],
    ] as const) {
      const result = await runCli([
        "batch",
        h.house,
        "--target",
        "fedora",
        "--out",
        h.out,
        "--report",
        report,
      ]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        `wheel2pkg: error: ${report}: cannot write the report: ${cause}\n`,
      );
      expect(fs.existsSync(h.out)).toBe(false);
    }
  });
});
