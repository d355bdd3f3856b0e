import type { Command } from "../command.js";
import { convertCommand } from "./convert.js";
import { inspectCommand } from "./inspect.js";
import { previewCommand } from "./preview.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [inspectCommand, previewCommand, convertCommand];
