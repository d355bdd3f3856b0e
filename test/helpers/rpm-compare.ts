/**
 * RPM version comparisons answered by rpm itself (`rpm.vercmp` in rpm's embedded Lua), many
 * per process, and an evaluator of the rich dependencies wheel2pkg writes (`(A with B)`,
 * `(A or B)`) against one `python3dist(name) = V` Provides or one package's `[E:]Version`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether rpm is installed. */
export function rpmAvailable(): boolean {
  try {
    execFileSync("rpm", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A parsed dependency: a capability with an optional comparison, or `with`/`or` of several. */
type Dependency =
  | { kind: "atom"; op: string | null; evr: string | null }
  | { kind: "with" | "or"; items: Dependency[] };

const tokenPattern = /\s*(python3dist\([^()\s]*\)|\(|\)|<=|>=|=|<|>|[^\s()]+)/y;

/** Parses the dependency strings pythondistdeps writes. */
export function parseDependency(text: string): Dependency {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(text); m !== null; m = tokenPattern.exec(text)) {
    tokens.push(m[1] ?? "");
    if (tokenPattern.lastIndex === text.length) break;
  }
  let at = 0;
  const next = (): string => tokens[at++] ?? "";
  const expression = (): Dependency => {
    if (tokens[at] !== "(") {
      const name = next();
      if (!/^(python3dist\([^()\s]*\)|[A-Za-z0-9][A-Za-z0-9._+-]*)$/.test(name)) {
        throw new Error(`bad dependency: ${text}`);
      }
      if (!["<", "<=", "=", ">=", ">"].includes(tokens[at] ?? "")) {
        return { kind: "atom", op: null, evr: null };
      }
      return { kind: "atom", op: next(), evr: next() };
    }
    next();
    const items = [expression()];
    let kind: "with" | "or" | null = null;
    while (tokens[at] === "with" || tokens[at] === "or") {
      const word = next() as "with" | "or";
      if (kind !== null && kind !== word) throw new Error(`mixed with/or: ${text}`);
      kind = word;
      items.push(expression());
    }
    if (next() !== ")") throw new Error(`unbalanced: ${text}`);
    return kind === null ? (items[0] as Dependency) : { kind, items };
  };
  const dependency = expression();
  if (at !== tokens.length) throw new Error(`trailing text: ${text}`);
  return dependency;
}

/** rpm's version order, with a cache so that one process answers many questions. */
export class RpmVersions {
  private readonly cache = new Map<string, number>();
  /** Questions that were not prefetched (each costs a process). */
  misses = 0;

  /** Compares many EVR pairs (sign of a − b), asking rpm only about the ones not seen before. */
  compareMany(pairs: readonly (readonly [string, string])[]): number[] {
    const missing = [...new Set(pairs.map(([a, b]) => `${a}\t${b}`))].filter(
      (key) => !this.cache.has(key),
    );
    if (missing.length > 0) {
      const lua = [
        "local t = {",
        ...missing.map(
          (key) =>
            key
              .split("\t")
              .map((s) => JSON.stringify(s))
              .join(", ") + ",",
        ),
        "}",
        "local out = {}",
        "for i = 1, #t, 2 do out[#out + 1] = rpm.vercmp(t[i], t[i + 1]) end",
        'io.write(table.concat(out, "\\n"), "\\n")',
      ].join("\n");
      const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-rpm-"));
      try {
        const file = join(dir, "vercmp.lua");
        writeFileSync(file, lua);
        const out = execFileSync("rpm", ["--eval", `%{lua: dofile("${file}")}`], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        const answers = out.trim().split("\n").map(Number);
        if (answers.length !== missing.length) throw new Error("rpm.vercmp answered short");
        missing.forEach((key, i) => this.cache.set(key, Math.sign(answers[i] ?? NaN)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return pairs.map(([a, b]) => this.cache.get(`${a}\t${b}`) ?? NaN);
  }

  /** Sign of a − b in rpm's order. */
  compare(a: string, b: string): number {
    if (!this.cache.has(`${a}\t${b}`)) this.misses += 1;
    return this.compareMany([[a, b]])[0] ?? NaN;
  }

  /** The comparisons satisfies() will need, to prefetch them in one go. */
  static questions(provided: string, dependency: string): [string, string][] {
    const walk = (d: Dependency): [string, string][] =>
      d.kind === "atom" ? (d.evr === null ? [] : [[provided, d.evr]]) : d.items.flatMap(walk);
    return walk(parseDependency(dependency));
  }

  /**
   * Whether one package providing `python3dist(…) = provided` (or a package of EVR `provided`)
   * satisfies the dependency.
   */
  satisfies(provided: string, dependency: string): boolean {
    const evaluate = (d: Dependency): boolean => {
      if (d.kind !== "atom") {
        return d.kind === "with" ? d.items.every(evaluate) : d.items.some(evaluate);
      }
      if (d.op === null || d.evr === null) return true;
      const c = this.compare(provided, d.evr);
      return { "<": c < 0, "<=": c <= 0, "=": c === 0, ">=": c >= 0, ">": c > 0 }[d.op as "<"];
    };
    return evaluate(parseDependency(dependency));
  }
}
