import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { PackagingOptions } from "../../src/targets/types.js";

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A fixture wheel by file name. */
export function fixtureWheel(name: string): string {
  return join(root, "fixtures", "wheels", name);
}

/** Fixed packaging options, so rendered files are the same on every run and machine. */
export const fixedPackaging: Partial<PackagingOptions> = {
  maintainer: { name: "Test Packager", email: "packager@example.org" },
  release: "1",
  date: new Date(1_700_000_000_000),
  generatorVersion: "0.0.0-test",
};
