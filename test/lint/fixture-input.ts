/**
 * Loads a lint fixture directory (`fixtures/lint/<rule-id>/{pass,fail}/`) as a parsed input:
 * a `.spec`, a `debian/` directory, a `wheel.json` (a wheel built here with wheelBytes), or an
 * `rpm.json` / `deb.json` description of a built package's contents.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { BuiltFile, BuiltPackage } from "../../src/native/packages.js";
import { parseDebianDir, readDebianDir } from "../../src/lint/inputs/debian.js";
import { type LintInput, parseSpec } from "../../src/lint/index.js";
import { readWheelSubject } from "../../src/lint/inputs/wheel.js";
import { scratchDirectory } from "../wheel/zip-builder.js";
import { root } from "../helpers/convert.js";

/** The directory of one rule's fixtures. */
export const lintFixtures = join(root, "fixtures", "lint");

/** A wheel fixture: wheelBytes options plus the compatibility tag. */
interface WheelFixture {
  name?: string;
  version?: string;
  tag?: string;
  files?: Record<string, string>;
  /** Extra METADATA lines. */
  metadata?: string;
}

/** A built-package fixture: paths as strings, or objects for executables, ELF and scripts. */
type BuiltFixture = Omit<BuiltPackage, "files" | "license" | "section"> & {
  license?: string;
  section?: string;
  files: (string | (Partial<BuiltFile> & { path: string }))[];
};

/** Builds the wheel a fixture describes in a scratch directory and returns its path. */
function buildWheel(fixture: WheelFixture, scratch: ReturnType<typeof scratchDirectory>): string {
  const name = fixture.name ?? "demo";
  const version = fixture.version ?? "1.0";
  const tag = fixture.tag ?? "py3-none-any";
  const pure = tag.endsWith("-any");
  const metadata = `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: Demo\n${fixture.metadata === undefined ? "" : `${fixture.metadata}\n`}`;
  return scratch.wheel(
    {
      name,
      version,
      metadata,
      wheel: `Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: ${pure ? "true" : "false"}\nTag: ${tag}\n`,
      ...(fixture.files === undefined ? {} : { files: fixture.files }),
    },
    `${name}-${version}-${tag}.whl`,
  );
}

/** The built package a JSON fixture describes. */
function builtPackage(fixture: BuiltFixture): BuiltPackage {
  return {
    ...fixture,
    license: fixture.license ?? "",
    section: fixture.section ?? "",
    files: fixture.files.map((file) => {
      const given =
        typeof file === "string"
          ? { path: file.replace(/(.)\/$/, "$1"), directory: file.endsWith("/") }
          : file;
      return { directory: false, executable: false, elf: false, shebang: null, ...given };
    }),
  };
}

/** Reads the one input in a fixture directory. */
export async function fixtureInput(
  directory: string,
  scratch: ReturnType<typeof scratchDirectory>,
): Promise<LintInput> {
  const names = readdirSync(directory);
  const spec = names.find((n) => n.endsWith(".spec"));
  if (spec !== undefined) {
    const path = join(directory, spec);
    return { kind: "spec", path, spec: parseSpec(readFileSync(path, "utf8")) };
  }
  if (names.includes("debian") && statSync(join(directory, "debian")).isDirectory()) {
    const path = join(directory, "debian");
    return { kind: "debian-dir", path, debian: parseDebianDir(await readDebianDir(path)) };
  }
  if (names.includes("wheel.json")) {
    const fixture = JSON.parse(readFileSync(join(directory, "wheel.json"), "utf8")) as WheelFixture;
    const path = buildWheel(fixture, scratch);
    return { kind: "wheel", path, wheel: await readWheelSubject(path) };
  }
  for (const kind of ["rpm", "deb"] as const) {
    if (!names.includes(`${kind}.json`)) continue;
    const path = join(directory, `${kind}.json`);
    const built = builtPackage(JSON.parse(readFileSync(path, "utf8")) as BuiltFixture);
    return { kind, path, built };
  }
  throw new Error(`no lint input in ${directory}`);
}
