/**
 * A hostile wheel with what is expected of it, checked on every target: converted (static
 * checks with rpm's and dpkg's own tools), and on one target per packaging style also built.
 */
import { readdirSync, rmSync } from "node:fs";
import pLimit from "p-limit";
import { profiles, type TargetProfile } from "../../src/profiles/index.js";
import {
  baseline,
  convertAndCheck,
  outcomeProblems,
  styleOf,
  writeWheel,
  type Outcome,
} from "./inertness.js";
import { trippedMarkers, type Markers, type WheelDraft } from "./hostile-wheel.js";
import {
  expectation,
  hostileDraft,
  placementText,
  type Expectation,
  type Placement,
  type Style,
} from "./slots.js";
import { failure, rawControls, tool, type StubCommands } from "./tools.js";

/** A wheel to convert and what is expected of it. */
export interface HostileCase {
  name: string;
  draft: WheelDraft;
  expect: (style: Style) => Expectation;
  /** Words one of which a refusal's message must hold. */
  names: string[];
  /** Path endings build commands must receive whole. */
  commandPaths: (style: Style) => string[];
  /** Path endings a built package must hold (man pages may be compressed). */
  installed: string[];
  /** The hostile texts. */
  texts: string[];
}

/** The case of a wheel holding these placements. */
export function placementCase(
  name: string,
  placements: readonly Placement[],
  markers: Markers,
): HostileCase {
  const draft = hostileDraft(placements, markers);
  const texts = placements.map((p) => placementText(p, markers));
  return {
    name,
    draft,
    expect: (style) => expectation(placements, style, draft, markers),
    names: [...new Set(placements.flatMap((p) => p.slot.names))],
    commandPaths: (style) =>
      placements.flatMap((p, i) => p.slot.commandPaths?.(texts[i] ?? "", style) ?? []),
    installed: placements.flatMap((p, i) =>
      p.slot.installed === undefined ? [] : [p.slot.installed(draft, texts[i] ?? "")],
    ),
    texts,
  };
}

/** Every target profile. */
export const targets: readonly TargetProfile[] = [...profiles.values()];

/** The targets whose packages are also built: one per packaging style. */
export const builtTargets = new Set(["fedora", "opensuse", "debian-12"]);

/** Every path a built package holds (rpm's and dpkg's listings). */
async function packagedPaths(
  dir: string,
  family: "rpm" | "deb",
): Promise<{ paths: string[]; problems: string[] }> {
  const problems: string[] = [];
  const paths: string[] = [];
  for (const file of readdirSync(dir).filter(
    (n) => n.endsWith(`.${family}`) && !n.endsWith(".src.rpm"),
  )) {
    const listing =
      family === "rpm"
        ? await tool("rpm", ["-qlp", file], { cwd: dir })
        : await tool(
            "sh",
            ["-c", 'dpkg-deb --fsys-tarfile "$1" | tar -t --quoting-style=literal', "sh", file],
            { cwd: dir },
          );
    if (listing.code !== 0) problems.push(failure(`listing ${file}`, listing));
    paths.push(...listing.stdout.split("\n").map((line) => line.replace(/^\./, "")));
    const fields =
      family === "rpm"
        ? await tool(
            "rpm",
            ["-qp", "--qf", "%{SUMMARY}\n%{DESCRIPTION}\n%{LICENSE}\n%{URL}\n", file],
            { cwd: dir },
          )
        : await tool("dpkg-deb", ["-f", file], { cwd: dir });
    const controls = rawControls(fields.stdout);
    if (controls.length > 0) problems.push(`${file} header holds ${controls.join(" ")}`);
  }
  return { paths, problems };
}

/** Builds the case for one target and checks what the packages hold. */
async function buildProblems(
  hostile: HostileCase,
  wheel: string,
  profile: TargetProfile,
  root: string,
  stubs: StubCommands,
): Promise<string[]> {
  const built: Outcome = await convertAndCheck(wheel, profile, root, stubs, {
    build: true,
    checks: false,
  });
  if (built.code !== 0 || built.dir === null) {
    return [
      `build exit ${String(built.code)}: ${built.stderr.trim().split("\n").slice(-4).join(" | ")}`,
    ];
  }
  const { paths, problems } = await packagedPaths(built.dir, profile.family);
  for (const ending of hostile.installed) {
    if (!paths.some((path) => path.endsWith(`/${ending}`) || path.endsWith(`/${ending}.gz`))) {
      problems.push(`no packaged file ends with ${JSON.stringify(ending)}`);
    }
  }
  return problems;
}

/**
 * Every problem of a case on every target, `target: problem` (empty when all is well). With
 * `build`, the conversions that must (or did) succeed are also built where `builtTargets` says.
 * A marker left behind is reported and removed, so that each case answers for itself.
 */
export async function caseProblems(
  hostile: HostileCase,
  root: string,
  stubs: StubCommands,
  markers: Markers,
  options: { build?: boolean; targets?: readonly TargetProfile[] } = {},
): Promise<string[]> {
  const wheel = writeWheel(root, hostile.draft);
  // A few targets at a time: the tools are separate processes, the machine is shared.
  const limit = pLimit(3);
  const perTarget = await Promise.all(
    (options.targets ?? targets).map((profile) =>
      limit(async () => {
        const style = styleOf(profile);
        const expected = hostile.expect(style);
        const outcome = await convertAndCheck(wheel, profile, root, stubs);
        const benign = await baseline(profile, hostile.draft, root, stubs);
        const found = outcomeProblems(
          outcome,
          benign,
          expected,
          hostile.names,
          hostile.commandPaths(style),
          hostile.texts,
        );
        if (options.build === true && builtTargets.has(profile.id) && outcome.code === 0) {
          found.push(...(await buildProblems(hostile, wheel, profile, root, stubs)));
        }
        return found.map((problem) => `${profile.id} (${expected}): ${problem}`);
      }),
    ),
  );
  const problems = perTarget.flat();
  const tripped = trippedMarkers(markers, [root]);
  for (const path of tripped) {
    problems.push(`a payload ran: ${path} exists`);
    rmSync(path, { force: true });
  }
  return problems;
}
