/**
 * The entries of a running batch: each wheel × target is finished exactly once, and finishing it
 * lets the packages that wait on it in the build order go on.
 */
import type { OrderGate } from "./order-gate.js";
import type { BatchEvent } from "./options.js";
import type { BatchEntry } from "./types.js";
import type { SetProject } from "./set.js";
import { compare } from "../targets/common/files.js";

/** Collects the finished entries of a batch. */
export class EntryLedger {
  private readonly entries: BatchEntry[] = [];
  private readonly ended = new Set<string>();

  constructor(
    private readonly gate: OrderGate,
    /** The set's projects: only the wheel that provides a project settles its gate. */
    private readonly provided: ReadonlyMap<string, SetProject>,
    private readonly emit: (event: BatchEvent) => void,
  ) {}

  /** Records an entry as ended, settles its gate and reports it. */
  finish(entry: BatchEntry): void {
    this.ended.add(`${entry.wheel}\0${entry.target}`);
    this.entries.push(entry);
    if (entry.project !== null && this.provided.get(entry.project)?.wheel === entry.wheel) {
      this.gate.settle(entry.project, entry.target);
    }
    this.emit({ type: "done", entry });
  }

  /** Whether the wheel's entry on the target has ended. */
  hasEnded(wheel: string, target: string): boolean {
    return this.ended.has(`${wheel}\0${target}`);
  }

  /** The binary and source packages built of the set's projects on a target, as far as ended. */
  artifactsOf(projects: readonly string[], target: string): string[] {
    return this.entries
      .filter(
        (e) =>
          e.target === target &&
          e.project !== null &&
          projects.includes(e.project) &&
          this.provided.get(e.project)?.wheel === e.wheel,
      )
      .flatMap((e) => e.artifacts);
  }

  /** The entries by wheel, then in the order the targets were given. */
  sorted(targetIds: readonly string[]): BatchEntry[] {
    const targetIndex = new Map(targetIds.map((id, i) => [id, i]));
    return [...this.entries].sort(
      (a, b) =>
        compare(a.wheel, b.wheel) ||
        (targetIndex.get(a.target) ?? 0) - (targetIndex.get(b.target) ?? 0),
    );
  }
}
