/**
 * Debian version comparisons answered by dpkg's own code, thousands per process: dpkg's Perl
 * module (Dpkg::Version, libdpkg-perl) for the bulk, and the `dpkg --compare-versions` binary
 * for a sample, so a property test both runs fast and answers to the real tool.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const compareScript = [
  "use Dpkg::Version qw(version_compare);",
  "while (my $line = <STDIN>) {",
  "  chomp $line;",
  "  my ($a, $b) = split /\\t/, $line;",
  '  print((version_compare($a, $b) <=> 0), "\\n");',
  "}",
].join("\n");

/** Whether dpkg and its Perl module are installed. */
export function dpkgAvailable(): boolean {
  try {
    execFileSync("perl", ["-MDpkg::Version", "-e", "1"], { stdio: "ignore" });
    execFileSync("dpkg", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const relationPattern = /^(\S+)(?: \((<<|<=|=|>=|>>) (\S+)\))?$/;

/** One Debian relation `package (op version)` split; op and version are null when unversioned. */
export function parseRelation(relation: string): { op: string | null; version: string | null } {
  const match = relationPattern.exec(relation);
  if (match === null) throw new Error(`not a Debian relation: ${relation}`);
  return { op: match[2] ?? null, version: match[3] ?? null };
}

/** dpkg's version order, with a cache so that one process answers many questions. */
export class DpkgVersions {
  private readonly cache = new Map<string, number>();
  /** Questions that were not prefetched (each costs a process). */
  misses = 0;

  /** Compares many pairs (sign of a − b), asking dpkg only about the ones not seen before. */
  compareMany(pairs: readonly (readonly [string, string])[]): number[] {
    const missing = [...new Set(pairs.map(([a, b]) => `${a}\t${b}`))].filter(
      (key) => !this.cache.has(key),
    );
    if (missing.length > 0) {
      const out = execFileSync("perl", ["-e", compareScript], {
        input: missing.join("\n") + "\n",
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const answers = out.trim().split("\n").map(Number);
      if (answers.length !== missing.length) throw new Error("Dpkg::Version answered short");
      missing.forEach((key, i) => this.cache.set(key, answers[i] ?? NaN));
    }
    return pairs.map(([a, b]) => this.cache.get(`${a}\t${b}`) ?? NaN);
  }

  /** Sign of a − b in dpkg's order. */
  compare(a: string, b: string): number {
    if (!this.cache.has(`${a}\t${b}`)) this.misses += 1;
    return this.compareMany([[a, b]])[0] ?? NaN;
  }

  /** The comparisons satisfies() will need, to prefetch them in one go. */
  static questions(version: string, relations: readonly (readonly string[])[]): [string, string][] {
    return relations.flat().flatMap((relation) => {
      const bound = parseRelation(relation).version;
      return bound === null ? [] : [[version, bound] as [string, string]];
    });
  }

  /** Whether an installed `version` satisfies an AND of OR-groups of relations on one package. */
  satisfies(version: string, relations: readonly (readonly string[])[]): boolean {
    return relations.every((group) =>
      group.some((relation) => {
        const { op, version: bound } = parseRelation(relation);
        if (op === null || bound === null) return true;
        const c = this.compare(version, bound);
        return { "<<": c < 0, "<=": c <= 0, "=": c === 0, ">=": c >= 0, ">>": c > 0 }[op as "<<"];
      }),
    );
  }
}

/** Compares pairs with the `dpkg --compare-versions` binary, all from one shell script. */
export function dpkgBinaryCompare(pairs: readonly (readonly [string, string])[]): number[] {
  const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;
  const lines = pairs.map(
    ([a, b]) =>
      `if dpkg --compare-versions ${quote(a)} lt ${quote(b)}; then echo -1; ` +
      `elif dpkg --compare-versions ${quote(a)} eq ${quote(b)}; then echo 0; else echo 1; fi`,
  );
  const dir = mkdtempSync(join(tmpdir(), "wheel2pkg-dpkg-"));
  try {
    const script = join(dir, "compare.sh");
    writeFileSync(script, lines.join("\n") + "\n");
    const out = execFileSync("sh", [script], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    return out.trim().split("\n").map(Number);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
