/**
 * readWheel over real wheels (made by /work/shared/corpus/make-corpus.sh into /tmp/corpus, or
 * $WHEEL2PKG_CORPUS; .ci/run makes it when the shared corpus scripts are at hand). Skipped when
 * the corpus is absent.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWheel } from "../../src/wheel/index.js";

const CORPUS = process.env.WHEEL2PKG_CORPUS ?? "/tmp/corpus";
const wheels = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((name) => name.endsWith(".whl"))
      .sort()
  : [];

/** Python's view of each wheel (member names, and what it considers a directory). */
function pythonListing(): Record<string, string[]> {
  const code = [
    "import json, sys, zipfile",
    "print(json.dumps({w: [i.filename for i in zipfile.ZipFile(sys.argv[1] + '/' + w).infolist()] for w in sys.argv[2:]}))",
  ].join("\n");
  return JSON.parse(
    execFileSync("python3", ["-c", code, CORPUS, ...wheels], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    }),
  ) as Record<string, string[]>;
}

// Where .ci/run made the corpus (it sets WHEEL2PKG_CORPUS then), an empty one is a failure,
// not a reason to skip.
describe.runIf(process.env.CI === "true" && process.env.WHEEL2PKG_CORPUS !== undefined)(
  "the corpus CI made",
  () => {
    it("holds the real wheels", () => {
      expect(wheels.length).toBeGreaterThan(50);
    });
  },
);

describe.runIf(wheels.length > 0)(`readWheel over the corpus in ${CORPUS}`, () => {
  const listing = wheels.length > 0 ? pythonListing() : {};

  it.each(wheels)("%s", async (name) => {
    const file = path.join(CORPUS, name);
    const contents = await readWheel(file);
    expect(contents.verified).toBe(true);
    expect(contents.sha256).toMatch(/^[0-9a-f]{64}$/);
    const files = (listing[name] ?? []).filter((member) => !member.endsWith("/")).sort();
    expect(contents.members.map((member) => member.path).sort()).toEqual(files);
    expect(contents.metadata.fields.get("name")?.length).toBe(1);
    expect(contents.record.length).toBeGreaterThanOrEqual(files.length - 1);

    const inspected = await readWheel(file, { verify: false });
    // Only a verified read looks into the files (for `#!` lines, imports); the rest must agree.
    expect(inspected.members).toEqual(
      contents.members.map(
        ({ shebang: _shebang, elf: _elf, findings: _findings, imports: _imports, ...member }) =>
          member,
      ),
    );
    expect(inspected.metadata).toEqual(contents.metadata);
  });
});
