/** The lint summary a batch reports for what it writes. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addSummaries, emptySummary, summarise } from "../../src/batch/lint-summary.js";
import { loadConfig } from "../../src/config/index.js";
import { lintPath } from "../../src/lint/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { batchOver as batch, entryOf as entry } from "./harness.js";
import { root } from "../helpers/convert.js";
import { useWheelhouses } from "./wheelhouse.js";

const house = useWheelhouses();

describe("runBatch: lint summary", () => {
  it("summarises what lint finds in the packaging, also for packages it skips", async () => {
    const h = house([
      { name: "wordy", version: "1.0" },
      { name: "plain", version: "1.0" },
    ]);
    const none = { error: 0, warning: 0, info: 0, rules: {} };
    // A user's control template that lost its Rules-Requires-Root field: lint says so.
    const templates = path.join(h.root, "templates");
    fs.mkdirSync(path.join(templates, "deb"), { recursive: true });
    const control = fs.readFileSync(path.join(root, "templates", "deb", "control.njk"), "utf8");
    expect(control).toContain("Rules-Requires-Root: no\n");
    fs.writeFileSync(
      path.join(templates, "deb", "control.njk"),
      control.replace("Rules-Requires-Root: no\n", ""),
    );
    const configFile = path.join(h.root, "wheel2pkg.toml");
    fs.writeFileSync(configFile, 'templates = "templates"\n');
    const config = await loadConfig(configFile);

    const clean = await batch(h.house, path.join(h.root, "clean"));
    expect(entry(clean, "wordy", "debian-12").lint).toEqual({ packaging: none, built: null });

    const first = await batch(h.house, h.out, { config });
    const wordy = entry(first, "wordy", "debian-12");
    const missing = { error: 0, warning: 1, info: 0, rules: { "rules-requires-root-missing": 1 } };
    expect(wordy.lint).toEqual({ packaging: missing, built: null });
    expect(entry(first, "plain", "debian-12").lint.packaging).toEqual(missing);
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
      addSummaries(
        emptySummary(),
        first.entries.map((e) => e.lint.packaging).filter((l) => l !== null),
      ),
    );
    expect(first.totals.lint.packaging.rules["rules-requires-root-missing"]).toBe(2);
    expect(first.totals.lint.built).toEqual(none);

    const second = await batch(h.house, h.out, { config });
    expect(second.totals["skipped-unchanged"]).toBe(4);
    expect(entry(second, "wordy", "debian-12").lint).toEqual(wordy.lint);
    expect(second.totals.lint).toEqual(first.totals.lint);

    // The config's severity table re-scores the rule, as for `wheel2pkg lint`.
    fs.writeFileSync(
      configFile,
      'templates = "templates"\n[lint.severity]\n"rules-requires-root-missing" = "error"\n',
    );
    const third = await batch(h.house, h.out, { config: await loadConfig(configFile) });
    expect(entry(third, "wordy", "debian-12").lint.packaging).toEqual({
      error: 1,
      warning: 0,
      info: 0,
      rules: { "rules-requires-root-missing": 1 },
    });
  });
});
