/** Running a batch over a test wheelhouse, and reading what it wrote. */
import {
  type BatchOptions,
  type BatchReport,
  readBatchInput,
  runBatch,
} from "../../src/batch/index.js";
import { getProfile } from "../../src/profiles/index.js";

/** The targets the batch tests run for unless told otherwise. */
export const bothTargets = [getProfile("debian-12"), getProfile("fedora")];

/** Runs a batch over a directory of wheels with two jobs. */
export async function batchOver(
  dir: string,
  out: string,
  options: Partial<BatchOptions> = {},
): Promise<BatchReport> {
  return runBatch({
    items: await readBatchInput(dir),
    profiles: bothTargets,
    outDir: out,
    jobs: 2,
    ...options,
  });
}

/** The report's entry of a project on a target. */
export function entryOf(report: BatchReport, project: string, target: string) {
  const found = report.entries.find((e) => e.project === project && e.target === target);
  if (found === undefined) throw new Error(`no entry for ${project} on ${target}`);
  return found;
}

/** The relations of a field of the binary paragraph of a debian/control text. */
export function relationField(control: string, name: string): string[] {
  const binary = control.split("\n\n")[1] ?? "";
  const field = new RegExp(`^${name}:((?:.*\n)(?:[ \t].*\n)*)`, "m").exec(`${binary}\n`)?.[1] ?? "";
  return field
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
}
