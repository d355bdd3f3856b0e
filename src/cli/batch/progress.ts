/**
 * What a running batch shows: on an interactive terminal a live display (cli-progress: one bar
 * per target with its counts, elapsed time and ETA, and a line of the wheels in progress);
 * elsewhere (a pipe, CI) one plain line per finished wheel × target; with `quiet`, only the
 * entries that were refused or failed.
 */
import { basename } from "node:path";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import type { BatchEntry, BatchEvent } from "../../batch/index.js";
import { printable } from "../../errors.js";

/** Receives the batch's events and shows them; `stop` ends the display. */
export interface BatchProgress {
  onEvent: (event: BatchEvent) => void;
  stop: () => void;
}

/** How the progress is shown. */
export type ProgressMode = "live" | "lines" | "quiet";

/** `live` on a TTY outside CI, else `lines`; `quiet` when asked. */
export function progressMode(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressMode {
  if (quiet) return "quiet";
  const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
  return stream.isTTY && !ci ? "live" : "lines";
}

function entryLine(entry: BatchEntry, done: number, total: number): string {
  const name =
    entry.project === null
      ? basename(entry.wheel)
      : `${entry.project} ${entry.version ?? ""}`.trim();
  const ms = entry.durations.plan + entry.durations.write + entry.durations.build;
  const why = entry.error === null ? "" : `: ${entry.error}`;
  const pulled = entry.pulledBy === null ? "" : ` (pulled in by ${entry.pulledBy.join(", ")})`;
  // The wheel's file name and the error quote the user's and the wheel's text.
  return `${printable(`[${done}/${total}] ${entry.target} ${name}${pulled}: ${entry.status} (${ms} ms)${why}`)}\n`;
}

/** A progress display writing to `write` (lines) or to `stream` (live). */
export function batchProgress(
  mode: ProgressMode,
  write: (text: string) => void,
  stream: NodeJS.WriteStream = process.stderr,
): BatchProgress {
  let total = 0;
  let done = 0;
  if (mode !== "live") {
    return {
      onEvent(event) {
        if (event.type === "start")
          total = Object.values(event.perTarget).reduce((a, b) => a + b, 0);
        if (event.type !== "done") return;
        done += 1;
        const bad = event.entry.status === "refused" || event.entry.status === "failed";
        if (mode === "lines" || bad) write(entryLine(event.entry, done, total));
      },
      stop: () => undefined,
    };
  }
  const multibar = new MultiBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: false,
      format:
        " {target} [{bar}] {value}/{total} | {failed} refused or failed | {duration_formatted} | ETA {eta_formatted}",
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  const failed = new Map<string, number>();
  const current = new Map<string, string>();
  let status: SingleBar | null = null;
  const showCurrent = (): void => {
    const names = [...new Set(current.values())];
    const text = names.slice(0, 4).join(", ") + (names.length > 4 ? ` +${names.length - 4}` : "");
    status?.update({ current: text === "" ? "–" : text });
  };
  return {
    onEvent(event) {
      if (event.type === "start") {
        for (const target of event.targets) {
          bars.set(
            target,
            multibar.create(event.perTarget[target] ?? event.wheels, 0, {
              target: target.padEnd(12),
              failed: 0,
            }),
          );
        }
        status = multibar.create(0, 0, { current: "–" }, { format: " now: {current}" });
      } else if (event.type === "step") {
        // The distribution part of the file name is enough to recognise the wheel.
        const name = basename(event.wheel).split("-")[0] ?? event.wheel;
        current.set(`${event.wheel}\0${event.target ?? ""}`, `${event.step} ${name}`);
        showCurrent();
      } else {
        const { entry } = event;
        for (const key of current.keys())
          if (key.startsWith(`${entry.wheel}\0`)) current.delete(key);
        const bad = entry.status === "refused" || entry.status === "failed" ? 1 : 0;
        failed.set(entry.target, (failed.get(entry.target) ?? 0) + bad);
        bars.get(entry.target)?.increment(1, { failed: failed.get(entry.target) ?? 0 });
        if (bad === 1) multibar.log(entryLine(entry, 0, 0).replace(/^\[0\/0\] /, ""));
        showCurrent();
      }
    },
    stop() {
      multibar.stop();
    },
  };
}
