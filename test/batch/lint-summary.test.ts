/** The lint summary a batch reports for what it writes. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addSummaries, emptySummary, summarise } from "../../src/batch/lint-summary.js";
import { loadConfig } from "../../src/config/index.js";
import { lintPath } from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { batchOver as batch, entryOf as entry } from "./harness.js";
import { wheelhouse, type HouseWheel } from "./wheelhouse.js";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function house(wheels: readonly HouseWheel[]) {
  const h = wheelhouse(wheels);
  cleanup = h.remove;
  return h;
}

describe("runBatch: lint summary", () => {
  it("summarises what lint finds in the packaging, also for packages it skips", async () => {
    const h = house([
      { name: "wordy", version: "1.0", summary: "very long summary words ".repeat(6).trim() },
      { name: "plain", version: "1.0" },
    ]);
    const none = { error: 0, warning: 0, info: 0, rules: {} };
    const first = await batch(h.house, h.out);
    const wordy = entry(first, "wordy", "debian-12");
    expect(wordy.lint).toEqual({
      packaging: { error: 0, warning: 1, info: 0, rules: { "synopsis-too-long": 1 } },
      built: null,
    });
    expect(entry(first, "plain", "debian-12").lint.packaging).toEqual(none);
    expect(entry(first, "plain", "fedora").lint.packaging).toEqual(none);
    // The same findings as `wheel2pkg lint` over the debian/ directory the batch wrote.
    const written = await lintPath(path.join(wordy.directory ?? "", "python-wordy-1.0", "debian"), {
      profile: getProfile("debian-12"),
    });
    expect(summarise(written.findings)).toEqual(wordy.lint.packaging);
    const fedora = entry(first, "wordy", "fedora");
    const spec = await lintPath(path.join(fedora.directory ?? "", "python-wordy.spec"), {
      profile: getProfile("fedora"),
    });
    expect(summarise(spec.findings)).toEqual(fedora.lint.packaging);
    expect(first.totals.lint.packaging).toEqual(
      addSummaries(emptySummary(), [wordy.lint.packaging, fedora.lint.packaging]),
    );
    expect(first.totals.lint.packaging.rules["synopsis-too-long"]).toBe(1);
    expect(first.totals.lint.built).toEqual(none);

    const second = await batch(h.house, h.out);
    expect(second.totals["skipped-unchanged"]).toBe(4);
    expect(entry(second, "wordy", "debian-12").lint).toEqual(wordy.lint);
    expect(second.totals.lint).toEqual(first.totals.lint);

    // The config's severity table re-scores the rule, as for `wheel2pkg lint`.
    const configFile = path.join(h.root, "wheel2pkg.toml");
    fs.writeFileSync(configFile, '[lint.severity]\n"synopsis-too-long" = "error"\n');
    const config = await loadConfig(configFile);
    const third = await batch(h.house, h.out, { config });
    expect(entry(third, "wordy", "debian-12").lint.packaging).toEqual({
      error: 1,
      warning: 0,
      info: 0,
      rules: { "synopsis-too-long": 1 },
    });
  });
});
