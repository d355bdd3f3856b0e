/**
 * What rpm itself makes of a converted spec, without building it: the spec after macro
 * expansion (`rpmspec -P`), its packages, summaries, scriptlets and relations (`rpmspec -q`),
 * an SRPM (`rpmbuild -bs`), and the `%install` script run with recording stubs.
 */
import { foreignHostSetup } from "../../src/families/rpm/foreign-host.js";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TargetProfile } from "../../src/profiles/index.js";
import { failure, StubCommands, tool } from "./tools.js";

/** What the checks saw, to compare with a benign wheel's. */
export interface RpmFacts {
  /** Section lines of the expanded spec (`%package -n python3-demo`, `%files -n …`), in order. */
  sections: string[];
  /** Binary packages, in spec order. */
  packages: string[];
  /** Per package: `name`, summary and scriptlets, as rpmspec shows them. */
  summaries: string[];
  scriptlets: string[];
  /** Every relation of every package (and the SRPM's BuildRequires), one per entry. */
  relations: string[];
  /** Calls the `%install` script made to the stubbed commands. */
  installCalls: string[][];
  /** Tool failures, one line each. */
  problems: string[];
}

/**
 * rpm options that place the work tree in `work` and read sources and spec from `dir`, and the
 * environment rpm runs in.
 */
async function rpmOptions(
  profile: TargetProfile,
  dir: string,
  work: string,
): Promise<{ args: string[]; env: Record<string, string> }> {
  const args = [
    "--define",
    `_topdir ${work}`,
    "--define",
    `_sourcedir ${dir}`,
    "--define",
    `_specdir ${dir}`,
    "--define",
    `_srcrpmdir ${work}`,
  ];
  // The same macros as wheel2pkg's own rpm build uses on a foreign host.
  const foreign = await foreignHostSetup(profile, work);
  if (foreign !== null) args.push(...foreign.args);
  return { args, env: foreign?.env ?? {} };
}

/** Section keywords of rpm 4.18's spec parser (`partList` in build/parseSpec.c). */
const SECTION =
  /^%(package|description|prep|build|install|check|clean|pre|post|preun|postun|pretrans|posttrans|preuntrans|postuntrans|verifyscript|triggerprein|triggerin|triggerun|triggerpostun|trigger|filetriggerin|filetriggerun|filetriggerpostun|filetrigger|transfiletriggerin|transfiletriggerun|transfiletriggerpostun|transfiletrigger|files|changelog|sepolicy|patchlist|sourcelist|generate_buildrequires|conf|end)(\s|$)/;

/** The section lines of an expanded spec. */
export function sectionLines(expanded: string): string[] {
  return expanded.split("\n").filter((line) => SECTION.test(line));
}

/** The body of one section of an expanded spec. */
function sectionBody(expanded: string, name: string): string {
  const lines = expanded.split("\n");
  const start = lines.findIndex((line) => line === `%${name}` || line.startsWith(`%${name} `));
  if (start < 0) return "";
  const end = lines.findIndex((line, i) => i > start && SECTION.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

const FIELD = "@@w2p-field@@";
const RECORD = "@@w2p-record@@\n";
const QUERY = [
  "%{NAME}",
  "%{NAME} %{SUMMARY}",
  ["PREIN", "POSTIN", "PREUN", "POSTUN", "PRETRANS", "POSTTRANS", "VERIFYSCRIPT"]
    .map((tag) => `${tag}=%{${tag}}`)
    .join(" "),
  ["REQUIRE", "PROVIDE", "CONFLICT", "OBSOLETE", "RECOMMEND", "SUGGEST", "SUPPLEMENT", "ENHANCE"]
    .map((kind) => `[${kind} %{${kind}NEVRS}\n]`)
    .join(""),
].join(FIELD);

/** Runs the rpm checks on a converted spec in `dir`. */
export async function rpmChecks(
  profile: TargetProfile,
  dir: string,
  work: string,
  stubs: StubCommands,
): Promise<RpmFacts> {
  mkdirSync(work, { recursive: true });
  const spec = readdirSync(dir).find((name) => name.endsWith(".spec")) ?? "missing.spec";
  const { args: options, env } = await rpmOptions(profile, dir, work);
  const problems: string[] = [];
  const facts: RpmFacts = {
    sections: [],
    packages: [],
    summaries: [],
    scriptlets: [],
    relations: [],
    installCalls: [],
    problems,
  };

  const parsed = await tool("rpmspec", ["-P", ...options, spec], { cwd: dir, env });
  if (parsed.code !== 0) problems.push(failure("rpmspec -P", parsed));
  // `%files -f` names a file list in the work tree: a spec reads one from %pyproject_save_files,
  // or lists its files itself where odd names keep that from working. The sections are the same.
  facts.sections = sectionLines(parsed.stdout).map((line) =>
    line.replace(/^(%files .*?) -f \S+$/, "$1"),
  );

  const query = await tool("rpmspec", ["-q", ...options, "--qf", `${QUERY}${RECORD}`, spec], {
    cwd: dir,
    env,
  });
  if (query.code !== 0) problems.push(failure("rpmspec -q", query));
  for (const record of query.stdout.split(RECORD).filter((r) => r.trim() !== "")) {
    const [name = "", summary = "", scriptlets = "", relations = ""] = record.split(FIELD);
    facts.packages.push(name);
    facts.summaries.push(summary);
    facts.scriptlets.push(`${name}: ${scriptlets}`);
    facts.relations.push(...relations.split("\n").filter((line) => line !== ""));
  }
  const srpm = await tool(
    "rpmspec",
    ["-q", "--srpm", ...options, "--qf", "[BUILDREQUIRE %{REQUIRENEVRS}\n]", spec],
    {
      cwd: dir,
      env,
    },
  );
  if (srpm.code !== 0) problems.push(failure("rpmspec -q --srpm", srpm));
  facts.relations.push(...srpm.stdout.split("\n").filter((line) => line !== ""));

  const source = await tool("rpmbuild", ["-bs", "--nodeps", ...options, spec], { cwd: dir, env });
  if (source.code !== 0) problems.push(failure("rpmbuild -bs", source));

  // The %install script as rpmbuild would run it (`/bin/sh -e`), with the installer and file
  // commands replaced by recorders: what reaches them shows how the wheel's paths were quoted.
  const stubbed = await tool(
    "rpmspec",
    [
      "-P",
      ...options,
      "--define",
      "python3 python3",
      "--define",
      "pyproject_install() python3 -m installer %1",
      "--define",
      "pyproject_save_files() python3 -m pyproject_save_files %*",
      spec,
    ],
    { cwd: dir, env },
  );
  if (stubbed.code === 0) {
    const script = join(work, "install.sh");
    writeFileSync(script, `${sectionBody(stubbed.stdout, "install")}\n`);
    mkdirSync(join(work, "BUILD"), { recursive: true });
    const log = join(work, "stub.log");
    const install = await tool("bash", ["-e", script], {
      cwd: join(work, "BUILD"),
      env: stubs.env(log),
    });
    if (install.code !== 0) problems.push(failure("%install (stubbed)", install));
    facts.installCalls = StubCommands.calls(log);
  }
  return facts;
}
