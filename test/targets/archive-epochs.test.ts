/**
 * A conversion takes the epochs of the target archive's packages (docs/version-translation.md,
 * "Epochs"): the package made carries the archive's epoch for its own name, and a relation on a
 * package carries that package's; Fedora's python3dist() relations carry none.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planConversion } from "../../src/convert/index.js";
import { getProfile } from "../../src/profiles/index.js";
import { archiveRelease, readPackages } from "../helpers/debian-archive.js";
import { fixedPackaging, fixtureWheel, root } from "../helpers/convert.js";

/** The epoch of each package of a committed `Packages` fixture. */
function epochsOf(file: string): (name: string) => number {
  const entries = readPackages(readFileSync(join(root, "fixtures", "archive", file), "utf8"));
  const epochs = new Map(entries.map((e) => [e.package, archiveRelease(e.version).epoch]));
  return (name) => epochs.get(name) ?? 0;
}

describe("epochs from the target archive", () => {
  it("reach the package's own version and its relations", async () => {
    const plan = await planConversion(fixtureWheel("hello_cli-1.2.0-py3-none-any.whl"), {
      profiles: ["debian-12", "fedora", "opensuse"].map(getProfile),
      packaging: fixedPackaging,
      epochOf: epochsOf("epochs.Packages"),
    });
    const file = (target: string, name: string): string => {
      const planned = plan.packages.find((p) => p.profile.id === target);
      return planned?.files.find((f) => f.path.endsWith(name))?.content ?? "";
    };
    expect(file("debian-12", "debian/changelog")).toMatch(/^python-hello-cli \(1:1\.2\.0-1\) /);
    expect(file("debian-12", "debian/control")).toContain("python3-click (>= 2:8.0)");
    const fedora = file("fedora", ".spec");
    expect(fedora).toMatch(/^Epoch: +1$/m);
    expect(fedora).toContain("python3dist(click) >= 8");
    expect(fedora).not.toContain("2:8");
    expect(file("opensuse", ".spec")).toContain("python-click >= 2:8.0");
  });

  it("are none without an archive", async () => {
    const plan = await planConversion(fixtureWheel("hello_cli-1.2.0-py3-none-any.whl"), {
      profiles: [getProfile("debian-12")],
      packaging: fixedPackaging,
    });
    const changelog = plan.packages[0]?.files.find((f) => f.path.endsWith("debian/changelog"));
    expect(changelog?.content).toMatch(/^python-hello-cli \(1\.2\.0-1\) /);
  });

  it("are read from bookworm's own lists: numpy has epoch 1", () => {
    const epochOf = epochsOf("bookworm-python3.Packages");
    expect(epochOf("python3-numpy")).toBe(1);
    expect(epochOf("python3-pygments")).toBe(0);
  });
});
