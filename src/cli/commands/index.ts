import type { Command } from "../command.js";
import { batchCommand } from "./batch.js";
import { convertCommand } from "./convert.js";
import { explainCommand } from "./explain.js";
import { inspectCommand } from "./inspect.js";
import { lintCommand } from "./lint.js";
import { mapCommand } from "./map.js";
import { previewCommand } from "./preview.js";
import { versionCommand } from "./version.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  inspectCommand,
  previewCommand,
  convertCommand,
  explainCommand,
  mapCommand,
  versionCommand,
  batchCommand,
  lintCommand,
];
