/**
 * SPDX license expressions (PEP 639 `License-Expression`, Fedora's `License:`): the one check of
 * their grammar that the metadata, the configuration and the targets share.
 */
import parseSpdx from "spdx-expression-parse";

/** Whether a string is a valid SPDX license expression (`LicenseRef-` references allowed). */
export function isSpdxExpression(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}
