/**
 * Untrusted wheels stay inert: whatever a wheel's METADATA, entry points and file names hold,
 * the packaging wheel2pkg writes for every target is read by rpm, dpkg, make and the shell as
 * the data it is, never as macros, sections, fields, paragraphs or commands. Each payload tries
 * to `touch` a marker; the marker must never exist. A wheel that cannot be packaged safely is
 * refused with exit 2 and a message naming the field or member.
 */
import { rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { skipWithout } from "../helpers/tools.js";
import { builtTargets, caseProblems, placementCase, targets, type HostileCase } from "./cases.js";
import { baseDraft, freshMarkers, payload, payloads, type WheelDraft } from "./hostile-wheel.js";
import { convertAndCheck, messageControls, writeWheel } from "./inertness.js";
import {
  fits,
  placementText,
  slot,
  slots,
  type Expectation,
  type Placement,
  type Style,
} from "./slots.js";
import { StubCommands } from "./tools.js";

const markers = freshMarkers();
const root = mkdtempSync(join(tmpdir(), "w2p-hostile-run-"));
const stubs = new StubCommands(root);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(markers.dir, { recursive: true, force: true });
});

const styles: readonly Style[] = ["fedora", "opensuse", "deb"];
const M = markers.absolute;

/** Slots left out of the one-payload-everywhere wheels: they make the wheel Metadata 2.4. */
const METADATA_24 = new Set(["License-File", "License-Expression"]);

/** For one payload: a wheel with the payload in every slot where every target must convert it. */
function everywhere(id: string): HostileCase {
  const p = payload(id);
  const placements: Placement[] = slots
    .map((s) => ({ slot: s, payload: p }))
    .filter(
      (placement) =>
        !METADATA_24.has(placement.slot.id) &&
        fits(placement, markers) &&
        styles.every(
          (style) =>
            placement.slot.expect(placementText(placement, markers), style, baseDraft()) ===
            "convert",
        ),
    );
  return placementCase(`${id} in ${String(placements.length)} places`, placements, markers);
}

/** A case by hand: changes to the base wheel, with what every target must do with it. */
function handMade(
  name: string,
  change: (draft: WheelDraft) => void,
  expected: Expectation | ((style: Style) => Expectation),
  more: Partial<Pick<HostileCase, "names" | "installed" | "texts" | "commandPaths">> = {},
): HostileCase {
  const draft = baseDraft();
  change(draft);
  return {
    name,
    draft,
    expect: typeof expected === "function" ? expected : () => expected,
    names: more.names ?? [],
    commandPaths: more.commandPaths ?? (() => []),
    installed: more.installed ?? [],
    texts: more.texts ?? [],
  };
}

const skip = skipWithout(
  "rpmspec",
  "rpmbuild",
  "dpkg-source",
  "dpkg-parsechangelog",
  "make",
  "perl",
);

describe.skipIf(skip)("hostile wheels stay inert on every target", () => {
  // The known holes, each on every target, built where one target per style builds.
  const named: HostileCase[] = [
    handMade(
      "an rpm macro as a Metadata 2.1 extra name",
      (d) => {
        d.headers.push(["Provides-Extra", `%(touch ${M})`]);
        d.headers.push(["Requires-Dist", `attrs>=20; extra == "%(touch ${M})"`]);
      },
      // Dropped with a warning (metadata-extra-invalid), whatever the Metadata-Version.
      "convert",
      { names: ["Provides-Extra"], texts: [`%(touch ${M})`] },
    ),
    handMade(
      "an rpm macro as a Metadata 2.4 extra name",
      (d) => {
        d.metadataVersion = "2.4";
        d.headers = d.headers.filter(([name]) => name !== "License");
        d.headers.push(["License-Expression", "MIT"], ["Provides-Extra", `%(touch ${M})`]);
      },
      "convert",
      { names: ["Provides-Extra"], texts: [`%(touch ${M})`] },
    ),
    handMade(
      "odd file names outside site-packages",
      (d) => {
        for (const name of ["sp ace's.txt", "100% [1] {a,b} *?.txt"]) {
          d.files.set(`demo-1.0.data/data/share/demo/${name}`, { data: "data\n", mode: 0o100644 });
        }
        d.files.set("demo-1.0.data/data/share/man/man1/we ird%.1", {
          data: ".TH DEMO 1\n",
          mode: 0o100644,
        });
        d.distInfo.set("licenses/LICENSE $1 & more.txt", "MIT License\n");
      },
      "convert",
      {
        installed: [
          "share/demo/sp ace's.txt",
          "share/demo/100% [1] {a,b} *?.txt",
          "share/man/man1/we ird%.1",
          "LICENSE $1 & more.txt",
        ],
      },
    ),
    handMade(
      "invalid extra names and entry-point extras",
      (d) => {
        d.headers.push(["Provides-Extra", "a b;c"]);
        d.headers.push(["Requires-Dist", 'attrs>=20; extra == "a b;c"']);
        d.entryPoints.set("console_scripts", [`demo = demo:main [weird;extra$(touch ${M})]`]);
      },
      // Fedora's %pyproject_install runs pip, which refuses such an entry point.
      (style) => (style === "fedora" ? "refuse" : "convert"),
      {
        names: ["Provides-Extra", "entry_points.txt"],
        texts: ["a b;c", `weird;extra$(touch ${M})`],
      },
    ),
    handMade(
      "ESC, BEL, C1 and other control characters in METADATA",
      (d) => {
        const noise = "x\x1b[31mred\x1b]0;title\x07\x1b[0m\u009b1m\x7f\x0b\x0cy";
        d.headers = d.headers.filter(([name]) => name !== "Summary" && name !== "License");
        d.headers.push(
          ["Summary", `A package ${noise}`],
          ["License", `MIT ${noise}`],
          ["Author", `Ann ${noise}`],
          ["Maintainer", `Bob ${noise}`],
          ["Keywords", `demo,${noise}`],
          ["Classifier", `Topic :: ${noise}`],
        );
        d.body = `A demonstration package.\n\n${noise}\n\nCR\rin the body ${noise}\n`;
        d.distInfo.set("licenses/LICENSE", `MIT License\n\n${noise}\n`);
      },
      "convert",
    ),
    handMade(
      "wheel paths that reach debian/rules and spec scriptlets",
      (d) => {
        d.platform = true;
        for (const name of [
          `lib$(shell touch ${markers.relative})`,
          `a b;touch ${markers.relative};c`,
          `q'uote$$x`,
        ]) {
          d.files.set(`${name}.libs/libdemo.so.1`, { data: "library\n", mode: 0o100755 });
        }
        d.files.set(`demo/$(shell touch ${M}).bin`, { data: "data\n", mode: 0o100755 });
        d.files.set(`demo/it's $(touch ${M}) ok.bin`, { data: "data\n", mode: 0o100755 });
        d.files.set(`demo/x;touch ${M};y.py`, { data: "#!/usr/bin/python\n", mode: 0o100644 });
        d.files.set(`demo-1.0.data/scripts/$(touch ${markers.relative})'.cmd`, {
          data: "@echo off\r\n",
          mode: 0o100644,
        });
      },
      "convert",
      {
        texts: [
          `lib$(shell touch ${markers.relative})`,
          `a b;touch ${markers.relative};c`,
          `q'uote$$x`,
          `$(shell touch ${M})`,
          `it's $(touch ${M}) ok`,
          `x;touch ${M};y`,
          `$(touch ${markers.relative})'`,
        ],
        commandPaths: (style) => [
          ...(style === "opensuse"
            ? []
            : [`/demo/$(shell touch ${M}).bin`, `/demo/it's $(touch ${M}) ok.bin`]),
          `/demo/x;touch ${M};y.py`,
          `/usr/bin/$(touch ${markers.relative})'.cmd`,
          ...(style === "deb"
            ? [
                `/dist-packages/lib$(shell touch ${markers.relative}).libs`,
                `/dist-packages/a b;touch ${markers.relative};c.libs`,
                `/dist-packages/q'uote$$x.libs`,
              ]
            : []),
        ],
        installed: [
          `lib$(shell touch ${markers.relative}).libs/libdemo.so.1`,
          `demo/x;touch ${M};y.py`,
        ],
      },
    ),
    handMade(
      "rpm macros in file names that openSUSE's %python_expand commands name",
      (d) => {
        d.files.set(`demo/%(touch ${M}).py`, { data: "#!/usr/bin/python\n", mode: 0o100644 });
        d.files.set(`demo/%{lua:os.execute('touch ${M}')}.bin`, { data: "x\n", mode: 0o100755 });
        d.distInfo.set(`licenses/COPYING-%(touch ${M})`, "MIT License\n");
      },
      "convert",
      {
        texts: [`%(touch ${M})`, `%{lua:os.execute('touch ${M}')}`],
        commandPaths: (style) => [
          `/demo/%(touch ${M}).py`,
          ...(style === "opensuse"
            ? [`/licenses/COPYING-%(touch ${M})`]
            : [`/demo/%{lua:os.execute('touch ${M}')}.bin`]),
        ],
        installed: [`demo/%(touch ${M}).py`, `COPYING-%(touch ${M})`],
      },
    ),
    handMade(
      "a line break and a tab in a vendored library directory name",
      (d) => {
        d.platform = true;
        d.files.set(`x\n\ttouch ${markers.relative}\n\t: y.libs/libdemo.so.1`, {
          data: "library\n",
          mode: 0o100755,
        });
      },
      "either",
      { names: [".libs"], texts: [`x\n\ttouch ${markers.relative}\n\t: y`] },
    ),
  ];

  it.each(named.map((c) => [c.name, c] as const))("%s", async (_name, hostile) => {
    expect(await caseProblems(hostile, root, stubs, markers, { build: true })).toEqual([]);
  });

  it("a local version label", async () => {
    const hostile = handMade("local version", (d) => (d.version = "1.0+evil.7"), "convert");
    expect(await caseProblems(hostile, root, stubs, markers)).toEqual([]);
  });

  // Every payload in every place where each target must convert it: rpm and dpkg read the
  // packaging without a build (rpmspec, rpmbuild -bs, dpkg-source, make -n, the scripts with
  // stubbed commands). On one target per packaging style, which keeps the file well under two
  // minutes: the targets of a style share templates and escaping, and the cases above, the
  // refusals and the random wheels below run on every target.
  const table = payloads
    .map((p) => p.id)
    .filter((id) => id !== "nul")
    .map(everywhere);
  const oneOfEachStyle = targets.filter((profile) => builtTargets.has(profile.id));
  it.each(table.map((c) => [c.name, c] as const))("%s", async (_name, hostile) => {
    const problems = await caseProblems(hostile, root, stubs, markers, { targets: oneOfEachStyle });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(skip)("wheels that cannot be packaged safely are refused", () => {
  const refusals: [string, (d: WheelDraft) => void, string[]][] = [
    [
      "a NUL in a file name",
      (d) =>
        d.files.set("demo-1.0.data/data/share/demo/x\x00y.txt", { data: "x\n", mode: 0o100644 }),
      ["share/demo/"],
    ],
    [
      "a backslash in a file name",
      (d) => d.files.set("demo/x\\$(touch y).txt", { data: "x\n", mode: 0o100644 }),
      ["demo/x"],
    ],
    [
      "a carriage return in a header",
      (d) => d.headers.push(["Author", `Ann\r%(touch ${M})`]),
      ["METADATA"],
    ],
    [
      "a console script whose name is not a plain file name",
      (d) => d.entryPoints.set("console_scripts", [`demo;touch ${markers.relative} = demo:main`]),
      ["entry_points.txt"],
    ],
    [
      "a requirement whose extras are not identifiers",
      (d) => d.headers.push(["Requires-Dist", `attrs[%(touch ${M})]`]),
      ["Requires-Dist"],
    ],
  ];
  it.each(refusals)(
    "%s: exit 2, the message names it, nothing is written",
    async (_name, change, names) => {
      const draft = baseDraft();
      change(draft);
      const wheel = writeWheel(root, draft);
      for (const profile of targets) {
        const outcome = await convertAndCheck(wheel, profile, root, stubs, { checks: false });
        expect({ target: profile.id, code: outcome.code, dir: outcome.dir }).toEqual({
          target: profile.id,
          code: 2,
          dir: null,
        });
        expect(
          names.some((name) => outcome.stderr.includes(name)),
          outcome.stderr,
        ).toBe(true);
      }
    },
  );
});

describe.skipIf(skip)("wheel2pkg's own messages", () => {
  it("show no raw control character from the wheel (a terminal would obey it)", async () => {
    const noise = "\x1b]0;owned\x07\x1b[2J\u009b2J";
    const draft = baseDraft();
    draft.headers.push(["Provides-Extra", `x${noise}`]);
    draft.files.set(`demo-1.0.data/scripts/tool${noise}.cmd`, {
      data: "@echo\r\n",
      mode: 0o100644,
    });
    draft.files.set(`demo-1.0.data/data/share/demo/a${noise}`, { data: "x\n", mode: 0o100644 });
    const wheel = writeWheel(root, draft);
    for (const profile of targets) {
      const outcome = await convertAndCheck(wheel, profile, root, stubs, { checks: false });
      expect({ target: profile.id, controls: messageControls(outcome) }).toEqual({
        target: profile.id,
        controls: [],
      });
    }
  });
});

describe.skipIf(skip)("random payloads in random places", () => {
  const runs = Number(process.env.W2P_HOSTILE_RUNS ?? "4");
  // Ids, so that a counterexample reads as "Summary ← rpm-lua".
  const placementIds = fc
    .record({
      slot: fc.constantFrom(...slots.map((s) => s.id)),
      payload: fc.constantFrom(...payloads.map((p) => p.id)),
    })
    .filter(({ slot: s, payload: p }) => fits({ slot: slot(s), payload: payload(p) }, markers));
  it(`hold for ${String(runs)} random wheels on every target`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(placementIds, { minLength: 1, maxLength: 5, selector: (p) => p.slot }),
        async (ids) => {
          const placements = ids.map((p) => ({ slot: slot(p.slot), payload: payload(p.payload) }));
          const hostile = placementCase("random", placements, markers);
          const problems = await caseProblems(hostile, root, stubs, markers);
          if (problems.length > 0) throw new Error(problems.join("\n"));
        },
      ),
      { numRuns: runs, endOnFailure: true },
    );
  });
});
