/**
 * A wheel whose files have odd names (spaces, quotes, `%`, glob and brace characters, `$`,
 * backticks, non-ASCII) in a package, a namespace directory, `.data/data`, a man page and its
 * license file builds on every package family, installs every file byte for byte where
 * Python's own installer puts it, and imports. (`.data/headers` is left out: RPM targets do not
 * build a wheel with headers on a foreign host whatever their names.)
 *
 * Which names are left out, and why: a `\` is refused by the wheel reader (test
 * hostile-wheels.test.ts), since a zip name with a backslash is ambiguous; control characters
 * and line breaks are refused or kept out of the packaging (same test). A `"` beside a space
 * cannot be written in an rpm 4.18 `%files` list (its tokenizer ends a name that starts with
 * `"` at the next `"`, and has no escape for it): RPM targets may refuse such a name when
 * converting, naming the file, but never fail inside rpmbuild; Debian packages it.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProfile, type TargetProfile } from "../../src/profiles/index.js";
import { runCli } from "../helpers/cli.js";
import { root } from "../helpers/convert.js";
import { installDebs, installRpms } from "../helpers/install.js";
import { skipWithout, systemPath } from "../helpers/tools.js";
import { baseDraft, draftBytes, draftFilename } from "./hostile-wheel.js";

const NAME = "odd_names-1.0-py3-none-any.whl";
const WHEEL = join(root, "fixtures", "security", NAME);

const scratch = mkdtempSync(join(tmpdir(), "w2p-odd-names-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Every file below a directory, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Installs the wheel with Python's own installer into `dest`, in the target's layout: the
 * reference for what the package must hold.
 */
function referenceInstall(wheel: string, profile: TargetProfile, dest: string): void {
  const scheme = {
    purelib: profile.paths.purelib,
    platlib: profile.paths.platlib,
    scripts: profile.paths.scripts,
    data: profile.paths.data,
    headers: `${profile.paths.headers}/odd-names`,
  };
  const code = [
    "import sys",
    "from installer import install",
    "from installer.destinations import SchemeDictionaryDestination",
    "from installer.sources import WheelFile",
    `d = SchemeDictionaryDestination(${JSON.stringify(scheme)}, interpreter="/usr/bin/python3", script_kind="posix", destdir=sys.argv[2], bytecode_optimization_levels=())`,
    "with WheelFile.open(sys.argv[1]) as w: install(w, d, {})",
  ].join("\n");
  execFileSync("/usr/bin/python3", ["-c", code, wheel, dest], {
    env: { PATH: systemPath, LC_ALL: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** What a reference file may differ by in the package, and how to compare it. */
function packagedCopy(installed: string, file: string): { path: string; bytes: Buffer } | null {
  const exact = join(installed, file);
  if (existsSync(exact)) return { path: exact, bytes: readFileSync(exact) };
  // Man pages are compressed by the packaging.
  if (existsSync(`${exact}.gz`))
    return { path: `${exact}.gz`, bytes: gunzipSync(readFileSync(`${exact}.gz`)) };
  return null;
}

/** Files the packaging changes on purpose: dropped, or compared without their first line. */
const DROPPED = /(^|\/)(RECORD|INSTALLER|REQUESTED|direct_url\.json)$|__pycache__/;
const firstLineDropped = (bytes: Buffer) => bytes.subarray(bytes.indexOf(10) + 1);

/** How the installed package differs from the reference installation (empty when it does not). */
function differences(installed: string, reference: string): string[] {
  const problems: string[] = [];
  for (const file of filesBelow(reference).filter((f) => !DROPPED.test(f))) {
    const want = readFileSync(join(reference, file));
    const got = packagedCopy(installed, file);
    if (got === null) {
      problems.push(`missing ${file}`);
      continue;
    }
    // Scripts get the target's interpreter; a library module's #! line is removed.
    const compareTail = file.startsWith("usr/bin/") || file.endsWith("tool's 100% {a}.py");
    const same = compareTail
      ? firstLineDropped(got.bytes).equals(firstLineDropped(want)) ||
        got.bytes.equals(firstLineDropped(want))
      : got.bytes.equals(want);
    if (!same) problems.push(`${file} differs`);
    if (file.endsWith("run me's $x [1].dat") && (statSync(got.path).mode & 0o111) !== 0) {
      problems.push(`${file} is still executable`);
    }
  }
  return problems;
}

/** The data files the installed module sees, as Python lists them. */
function importedNames(site: string): string[] {
  const code = "import json, odd_names; print(json.dumps(odd_names.package_files()))";
  const out = execFileSync(
    "/usr/bin/python3",
    [
      "-I",
      "-c",
      `import sys; sys.path.insert(0, ${JSON.stringify(site)}); exec(${JSON.stringify(code)})`,
    ],
    {
      encoding: "utf8",
      env: { PATH: systemPath, LC_ALL: "C.UTF-8" },
      cwd: tmpdir(),
    },
  );
  return JSON.parse(out) as string[];
}

/** The installed root of a converted and built package. */
function install(family: "rpm" | "deb", dir: string): string {
  const built = readdirSync(dir)
    .filter((name) => name.endsWith(`.${family}`) && !name.endsWith(".src.rpm"))
    .map((name) => join(dir, name));
  return family === "rpm" ? installRpms(built) : installDebs(built);
}

describe.skipIf(skipWithout("rpmbuild", "dpkg-buildpackage", "rpm", "dpkg-deb"))(
  "a wheel of odd file names",
  () => {
    let expectedNames: string[] = [];
    beforeAll(() => {
      const reference = mkdtempSync(join(scratch, "reference-"));
      referenceInstall(WHEEL, getProfile("debian-12"), reference);
      expectedNames = importedNames(join(reference, getProfile("debian-12").paths.purelib));
    });

    it("is what npm run fixtures builds", () => {
      const out = mkdtempSync(join(scratch, "fixtures-"));
      execFileSync(
        process.execPath,
        [join(root, "scripts", "make-fixtures.mjs"), "--out", out, "--no-native"],
        {
          stdio: "ignore",
        },
      );
      expect(readFileSync(join(out, NAME)).equals(readFileSync(WHEEL))).toBe(true);
      expect(expectedNames).toHaveLength(7);
    });

    it.each(["fedora", "opensuse", "debian-12"])(
      "builds for %s, installs every file byte for byte, and imports",
      async (target) => {
        const profile = getProfile(target);
        const out = mkdtempSync(join(scratch, `out-${target}-`));
        const result = await runCli([
          "convert",
          WHEEL,
          "--target",
          target,
          "--out",
          out,
          "--build",
          "--no-lint",
        ]);
        expect({
          code: result.code,
          error: result.stderr.split("\n").slice(-6).join("\n"),
        }).toEqual({
          code: 0,
          error: expect.any(String) as string,
        });
        const installed = install(profile.family, join(out, target, "python-odd-names"));
        const reference = mkdtempSync(join(scratch, `reference-${target}-`));
        referenceInstall(WHEEL, profile, reference);
        try {
          expect(differences(installed, reference)).toEqual([]);
          expect(importedNames(join(installed, profile.paths.purelib))).toEqual(expectedNames);
        } finally {
          rmSync(installed, { recursive: true, force: true });
        }
      },
    );

    it.each(["fedora", "opensuse", "debian-12"])(
      "a double quote beside a space in a file name: %s packages it, or refuses it naming the file",
      async (target) => {
        const draft = baseDraft();
        draft.files.set('demo-1.0.data/data/share/demo/a "quoted" name.txt', {
          data: "q\n",
          mode: 0o100644,
        });
        const wheel = join(mkdtempSync(join(scratch, "quote-")), draftFilename(draft));
        writeFileSync(wheel, draftBytes(draft));
        const out = mkdtempSync(join(scratch, `quote-${target}-`));
        const result = await runCli([
          "convert",
          wheel,
          "--target",
          target,
          "--out",
          out,
          "--build",
          "--no-lint",
        ]);
        const profile = getProfile(target);
        if (profile.family === "deb" || result.code !== 2) {
          expect({
            code: result.code,
            error: result.stderr.split("\n").slice(-6).join("\n"),
          }).toEqual({
            code: 0,
            error: expect.any(String) as string,
          });
          const installed = install(profile.family, join(out, target, "python-demo"));
          const text = readFileSync(join(installed, 'usr/share/demo/a "quoted" name.txt'), "utf8");
          rmSync(installed, { recursive: true, force: true });
          expect(text).toBe("q\n");
        } else {
          expect(result.stderr).toContain('share/demo/a "quoted" name.txt');
          expect(existsSync(join(out, target))).toBe(false);
        }
      },
    );
  },
);
