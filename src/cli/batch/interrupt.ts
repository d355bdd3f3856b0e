/**
 * Ctrl-C during a batch: the first asks the run to stop cleanly, through an AbortSignal that
 * the library honours; the second quits at once.
 */
import type { Output } from "../output.js";

/** Exit status of an interrupted batch (128 + SIGINT, as shells report it). */
export const interruptedExitCode = 130;

/** SIGINT handling for the time of one run. */
export interface Interrupt {
  /** Aborted by the first Ctrl-C. */
  signal: AbortSignal;
  /** Removes the handler: a later SIGINT is not the batch's business. */
  release: () => void;
}

/** Installs the handler; the caller releases it when the run has ended. */
export function interruptOnCtrlC(output: Output): Interrupt {
  const controller = new AbortController();
  // A listener that stays registered: execa's exit cleanup re-raises SIGINT (killing us
  // mid-write) when it finds itself the only listener. The second Ctrl-C does just that.
  const onInterrupt = (): void => {
    if (controller.signal.aborted) {
      process.removeListener("SIGINT", onInterrupt);
      process.kill(process.pid, "SIGINT");
      return;
    }
    output.err("\nwheel2pkg: stopping after the running steps (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  return {
    signal: controller.signal,
    release: () => {
      process.removeListener("SIGINT", onInterrupt);
    },
  };
}
