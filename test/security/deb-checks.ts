/**
 * What Debian's own tools make of a converted `debian/` tree, without building it: the source
 * package (`dpkg-source -b`), every deb822 file as dpkg's parser reads it, the changelog
 * (`dpkg-parsechangelog`), `debian/rules` expanded by make (`make -n`, which still runs
 * `$(shell …)`), and its recipes run with recording stubs.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { failure, StubCommands, tool } from "./tools.js";

/** One deb822 paragraph as dpkg parses it: `[field, value]` in order. */
export type Paragraph = [string, string][];

/** What the checks saw, to compare with a benign wheel's. */
export interface DebFacts {
  /** Paragraphs of each deb822 file, by path below the tree (`debian/control`, …). */
  deb822: Record<string, Paragraph[]>;
  /** `dpkg-parsechangelog` fields that do not come from the wheel. */
  changelog: Record<string, string>;
  /** `debian/rules`: its targets, and the variables it exports. */
  targets: string[];
  exports: string[];
  /** Lines of the lintian overrides file that are neither comments nor overrides. */
  strayOverrideLines: string[];
  /** Calls the recipes made to the stubbed commands. */
  recipeCalls: string[][];
  problems: string[];
}

// dpkg's own parser (Dpkg::Control::HashCore: duplicate fields and stray lines are errors),
// on each file given: `{file: {paragraphs}}` or `{file: {error}}`.
const PARSE_DEB822 = `
use strict; use warnings; use JSON::PP; use Dpkg::Control::HashCore;
my %out;
for my $file (@ARGV) {
  my @paragraphs;
  my $ok = eval {
    open(my $fh, '<:encoding(UTF-8)', $file) or die "$file: $!";
    while (1) {
      my $c = Dpkg::Control::HashCore->new(name => $file);
      last unless $c->parse($fh, $file);
      push @paragraphs, [ map { [ $_, $c->{$_} ] } keys %$c ];
    }
    1;
  };
  $out{$file} = $ok ? { paragraphs => \\@paragraphs } : { error => "$@" };
}
print JSON::PP->new->utf8->encode(\\%out);
`;

/** The deb822 files of a tree that exist. */
const DEB822 = ["debian/control", "debian/copyright", "debian/tests/control"];

/** Targets of a rules file: the names before `:` on lines that are no recipe or assignment. */
function ruleTargets(rules: string): string[] {
  return rules
    .split("\n")
    .filter((line) => /^[^\t#\s][^=]*:(?!=)/.test(line) && !line.startsWith("export "))
    .flatMap((line) => (line.split(":")[0] ?? "").trim().split(/\s+/))
    .filter((target) => target !== "" && target !== "%");
}

/** Runs the Debian checks on the converted package directory `dir`. */
export async function debChecks(dir: string, stubs: StubCommands): Promise<DebFacts> {
  const problems: string[] = [];
  const tree = readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory())?.name ?? "";
  const treeDir = join(dir, tree);
  const facts: DebFacts = {
    deb822: {},
    changelog: {},
    targets: [],
    exports: [],
    strayOverrideLines: [],
    recipeCalls: [],
    problems,
  };

  // The orig tarball holds the wheel alone, as wheel2pkg's build step makes it.
  const source = dir.split("/").at(-1) ?? "";
  const wheel = readdirSync(treeDir).find((name) => name.endsWith(".whl")) ?? "";
  const orig = `${source}_${tree.slice(source.length + 1)}.orig.tar.gz`;
  const tar = await tool("tar", ["--format=gnu", "-czf", orig, `${tree}/${wheel}`], { cwd: dir });
  if (tar.code !== 0) problems.push(failure("tar", tar));
  const built = await tool("dpkg-source", ["-b", tree], { cwd: dir });
  if (built.code !== 0) problems.push(failure("dpkg-source -b", built));

  const present = DEB822.filter((file) => existsSync(join(treeDir, file)));
  const parsed = await tool("perl", ["-e", PARSE_DEB822, ...present], { cwd: treeDir });
  if (parsed.code !== 0) problems.push(failure("dpkg's deb822 parser", parsed));
  else {
    const files = JSON.parse(parsed.stdout) as Record<
      string,
      { paragraphs?: Paragraph[]; error?: string }
    >;
    for (const [file, result] of Object.entries(files)) {
      if (result.error !== undefined)
        problems.push(`dpkg's parser refuses ${file}: ${result.error.trim()}`);
      facts.deb822[file] = result.paragraphs ?? [];
    }
  }

  const changelog = await tool("dpkg-parsechangelog", ["-l", "debian/changelog"], { cwd: treeDir });
  if (changelog.code !== 0) problems.push(failure("dpkg-parsechangelog", changelog));
  for (const name of ["Source", "Version", "Distribution", "Urgency", "Maintainer"]) {
    facts.changelog[name] = new RegExp(`^${name}: (.*)$`, "m").exec(changelog.stdout)?.[1] ?? "";
  }

  const rules = readFileSync(join(treeDir, "debian/rules"), "utf8");
  facts.targets = ruleTargets(rules);
  facts.exports = rules.split("\n").filter((line) => line.startsWith("export "));
  // make -n prints every recipe of every target, expanding it first: `$(shell …)` runs then.
  const dry = await tool("make", ["-n", "-f", "debian/rules", ...facts.targets], { cwd: treeDir });
  if (dry.code !== 0) problems.push(failure("make -n -f debian/rules", dry));
  // The recipes for real, with recorders in place of the installer and debhelper.
  const log = join(dir, "stub.log");
  const recipes = await tool("make", ["-f", "debian/rules", ...facts.targets], {
    cwd: treeDir,
    env: stubs.env(log),
  });
  if (recipes.code !== 0) problems.push(failure("make -f debian/rules (stubbed)", recipes));
  facts.recipeCalls = StubCommands.calls(log);

  const overrides = readdirSync(join(treeDir, "debian")).find((n) =>
    n.endsWith(".lintian-overrides"),
  );
  if (overrides !== undefined) {
    facts.strayOverrideLines = readFileSync(join(treeDir, "debian", overrides), "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"))
      .filter((line) => !/^[a-z0-9][a-z0-9+.-]*: [a-z0-9][a-z0-9-]* /.test(line));
  }
  return facts;
}

/** Field names of each paragraph. */
export function fieldNames(paragraphs: readonly Paragraph[]): string[][] {
  return paragraphs.map((paragraph) => paragraph.map(([name]) => name));
}
