/**
 * Converts a wheel for one target and judges the result: a refusal must be a clear one (exit 2,
 * naming the field or member, nothing written); a conversion must give packaging whose
 * structure is that of a benign wheel's (same sections, packages, paragraphs, fields, make
 * targets, scriptlets), with no raw control character, whose build commands receive the wheel's
 * paths intact, and that ran nothing: no marker exists.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TargetProfile } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";
import { debChecks, fieldNames, type DebFacts } from "./deb-checks.js";
import { baseDraft, draftBytes, draftFilename, type WheelDraft } from "./hostile-wheel.js";
import { rpmChecks, type RpmFacts } from "./rpm-checks.js";
import type { Expectation, Style } from "./slots.js";
import {
  commandPathProblems,
  controlCharactersIn,
  rawControls,
  type StubCommands,
} from "./tools.js";

/** The style of a target's packaging. */
export function styleOf(profile: TargetProfile): Style {
  if (profile.family === "deb") return "deb";
  return profile.rpm?.specStyle === "opensuse" ? "opensuse" : "fedora";
}

/** Writes a draft's wheel into a fresh directory below `root`. */
export function writeWheel(root: string, draft: WheelDraft): string {
  const dir = mkdtempSync(join(root, "wheel-"));
  const file = join(dir, draftFilename(draft));
  writeFileSync(file, draftBytes(draft));
  return file;
}

/** What converting (and checking) a wheel for one target gave. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The package directory, when the conversion wrote one. */
  dir: string | null;
  /** Generated files holding raw control characters. */
  controls: string[];
  rpm?: RpmFacts;
  deb?: DebFacts;
}

/** Converts a wheel for one target with the CLI in-process (optionally building), then checks. */
export async function convertAndCheck(
  wheel: string,
  profile: TargetProfile,
  root: string,
  stubs: StubCommands,
  options: { build?: boolean; checks?: boolean } = {},
): Promise<Outcome> {
  const out = mkdtempSync(join(root, `out-${profile.id}-`));
  const result = await runCli([
    "convert",
    wheel,
    "--target",
    profile.id,
    "--out",
    out,
    "--no-lint",
    "--maintainer",
    "Test Packager <packager@example.org>",
    ...(options.build === true ? ["--build"] : []),
  ]);
  const dir = join(out, profile.id, "python-demo");
  const outcome: Outcome = { ...result, dir: existsSync(dir) ? dir : null, controls: [] };
  if (outcome.dir === null || options.checks === false) return outcome;
  outcome.controls = controlCharactersIn(outcome.dir);
  if (profile.family === "rpm") {
    const work = join(root, "rpm-work");
    mkdirSync(work, { recursive: true });
    outcome.rpm = await rpmChecks(profile, outcome.dir, mkdtempSync(join(work, "w-")), stubs);
  } else {
    outcome.deb = await debChecks(outcome.dir, stubs);
  }
  return outcome;
}

/** Benign outcomes, by target, platform and version: the structure a hostile one must keep. */
const baselines = new Map<string, Promise<Outcome>>();

/** The outcome of the benign wheel with the same platform and version as `draft`. */
export function baseline(
  profile: TargetProfile,
  draft: WheelDraft,
  root: string,
  stubs: StubCommands,
): Promise<Outcome> {
  const key = `${profile.id}|${String(draft.platform)}|${draft.version}`;
  let found = baselines.get(key);
  if (found === undefined) {
    const benign = { ...baseDraft(), platform: draft.platform, version: draft.version };
    found = convertAndCheck(writeWheel(root, benign), profile, root, stubs);
    baselines.set(key, found);
  }
  return found;
}

/** Characters no relation of a converted package may hold. */
const RELATION_NOISE = /[%$`;'"{}\\]|evil|pwned/;

/** Fields a control paragraph may have beyond the benign wheel's. */
const OPTIONAL_CONTROL = new Set(["Homepage", "Depends", "Recommends", "Suggests", "Breaks"]);
/** Every field of a DEP-5 copyright file. */
const COPYRIGHT = new Set([
  "Format",
  "Upstream-Name",
  "Upstream-Contact",
  "Source",
  "Disclaimer",
  "Comment",
  "License",
  "Copyright",
  "Files",
]);
/** Targets debian/rules may have beyond the benign wheel's: debhelper's hooks, nothing else. */
const DEBHELPER_HOOK = /^(override|execute_before|execute_after)_dh_[a-z0-9_]+$/;
/** Commands build scripts may run beyond the benign wheel's: the fixes of odd files. */
const FIX_COMMANDS = new Set(["rm", "sed", "chmod", "ln", "cp", "mv", "chrpath", "dh_shlibdeps"]);

/**
 * Every way a converted package differs from what inert packaging must be, one line each
 * (empty when it is inert). `expectedPaths` are path endings that build commands must receive
 * whole; `payloadTexts` the hostile texts, no piece of which may reach a command alone.
 */
export function inertnessProblems(
  hostile: Outcome,
  benign: Outcome,
  expectedPaths: readonly string[],
  payloadTexts: readonly string[],
): string[] {
  const problems: string[] = [];
  const differ = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(difference(what, got, want));
  };
  if (hostile.controls.length > 0) {
    problems.push(`raw control characters in ${hostile.controls.join("; ")}`);
  }
  if (hostile.rpm !== undefined && benign.rpm !== undefined) {
    const [got, want] = [hostile.rpm, benign.rpm];
    problems.push(...got.problems);
    differ("spec sections", got.sections, want.sections);
    differ("packages", got.packages, want.packages);
    differ("scriptlets", got.scriptlets, want.scriptlets);
    for (const summary of got.summaries) {
      if (summary.includes("\n"))
        problems.push(`a Summary spans lines: ${JSON.stringify(summary)}`);
    }
    for (const relation of got.relations) {
      if (RELATION_NOISE.test(relation)) problems.push(`relation ${JSON.stringify(relation)}`);
    }
    problems.push(
      ...commandProblems(got.installCalls, want.installCalls, expectedPaths, payloadTexts),
    );
  }
  if (hostile.deb !== undefined && benign.deb !== undefined) {
    const [got, want] = [hostile.deb, benign.deb];
    problems.push(...got.problems);
    const control = got.deb822["debian/control"] ?? [];
    const benignControl = want.deb822["debian/control"] ?? [];
    differ("control paragraphs", control.length, benignControl.length);
    const packages = (paragraphs: typeof control) =>
      paragraphs.map((p) => p.find(([name]) => name === "Package" || name === "Source")?.[1]);
    differ("control Source and Package", packages(control), packages(benignControl));
    fieldNames(control).forEach((names, i) => {
      const allowed = new Set([...(fieldNames(benignControl)[i] ?? []), ...OPTIONAL_CONTROL]);
      const extra = names.filter((name) => !allowed.has(name));
      if (extra.length > 0)
        problems.push(`control paragraph ${String(i + 1)} has ${extra.join(", ")}`);
    });
    const copyright = got.deb822["debian/copyright"] ?? [];
    const extraCopyright = fieldNames(copyright)
      .flat()
      .filter((name) => !COPYRIGHT.has(name));
    if (extraCopyright.length > 0) problems.push(`copyright fields ${extraCopyright.join(", ")}`);
    const files = (paragraphs: typeof copyright) =>
      paragraphs.filter((p) => p.some(([n]) => n === "Files")).length;
    differ(
      "copyright Files paragraphs",
      files(copyright),
      files(want.deb822["debian/copyright"] ?? []),
    );
    differ(
      "tests/control fields",
      fieldNames(got.deb822["debian/tests/control"] ?? []),
      fieldNames(want.deb822["debian/tests/control"] ?? []),
    );
    differ("changelog", got.changelog, want.changelog);
    const extraTargets = got.targets.filter(
      (target) => !want.targets.includes(target) && !DEBHELPER_HOOK.test(target),
    );
    if (extraTargets.length > 0) problems.push(`debian/rules targets ${extraTargets.join(", ")}`);
    differ("debian/rules exports", got.exports, want.exports);
    for (const line of got.strayOverrideLines)
      problems.push(`lintian overrides line ${JSON.stringify(line)}`);
    problems.push(
      ...commandProblems(got.recipeCalls, want.recipeCalls, expectedPaths, payloadTexts),
    );
  }
  return problems;
}

/** How a value differs from the benign one, briefly: what is extra, what is missing. */
function difference(what: string, got: unknown, want: unknown): string {
  if (Array.isArray(got) && Array.isArray(want)) {
    const show = (items: unknown[]) => items.map((item) => JSON.stringify(item)).join(", ");
    const extra = got.filter(
      (item) => !want.some((w) => JSON.stringify(w) === JSON.stringify(item)),
    );
    const missing = want.filter(
      (item) => !got.some((g) => JSON.stringify(g) === JSON.stringify(item)),
    );
    if (extra.length > 0 || missing.length > 0) {
      return `${what}: ${extra.length > 0 ? `unexpected ${show(extra)}` : ""}${extra.length > 0 && missing.length > 0 ? "; " : ""}${missing.length > 0 ? `missing ${show(missing)}` : ""}`;
    }
    return `${what}: in another order`;
  }
  return `${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
}

/** Commands the benign wheel's scripts did not run, and paths that did not arrive whole. */
function commandProblems(
  calls: readonly string[][],
  benignCalls: readonly string[][],
  expectedPaths: readonly string[],
  payloadTexts: readonly string[],
): string[] {
  const known = new Set([...benignCalls.map((call) => call[0] ?? ""), ...FIX_COMMANDS]);
  const strangers = [...new Set(calls.map((call) => call[0] ?? ""))].filter((c) => !known.has(c));
  return [
    ...strangers.map((command) => `a build script ran ${JSON.stringify(command)}`),
    ...commandPathProblems(calls, expectedPaths, payloadTexts),
  ];
}

/** Problems with a refusal: exit 2, a message naming one of `names`, nothing written. */
export function refusalProblems(outcome: Outcome, names: readonly string[]): string[] {
  const problems: string[] = [];
  if (outcome.code !== 2) {
    problems.push(
      `exit ${String(outcome.code)} instead of a refusal (2): ${outcome.stderr.split("\n")[0] ?? ""}`,
    );
  }
  if (outcome.code !== 0 && !names.some((name) => outcome.stderr.includes(name))) {
    problems.push(`the message names none of ${names.join(", ")}: ${outcome.stderr.trim()}`);
  }
  if (outcome.dir !== null) problems.push(`a refused wheel left ${outcome.dir}`);
  return problems;
}

/** Judges one outcome against what was expected of it. */
export function outcomeProblems(
  outcome: Outcome,
  benign: Outcome,
  expected: Expectation,
  names: readonly string[],
  expectedPaths: readonly string[],
  payloadTexts: readonly string[],
): string[] {
  if (expected === "refuse" || (expected === "either" && outcome.code !== 0)) {
    return refusalProblems(outcome, names);
  }
  if (outcome.code !== 0) {
    return [
      `exit ${String(outcome.code)}: ${outcome.stderr.trim().split("\n").slice(0, 3).join(" | ")}`,
    ];
  }
  return inertnessProblems(outcome, benign, expectedPaths, payloadTexts);
}

/** Raw control characters in what wheel2pkg printed. */
export function messageControls(outcome: Outcome): string[] {
  return rawControls(`${outcome.stdout}${outcome.stderr}`);
}
