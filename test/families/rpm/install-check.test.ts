/**
 * How dnf's answer to `install --assumeno` is read: the outputs are dnf 4.14's own (Debian
 * bookworm), as test/integration/rpm-repo.test.ts gets them from the real dnf.
 */
import { describe, expect, it } from "vitest";
import { dnfReason, dnfResolved } from "../../../src/families/rpm/install-check.js";

const resolved = `Dependencies resolved.
================================================================================
 Package                     Arch        Version            Repository     Size
================================================================================
Installing:
 python3-rf-app              noarch      1.0-1.fc45         wheel2pkg     7.6 k
Installing dependencies:
 python3                     noarch      3.15.2-1.fc45      archive-1     5.6 k

Transaction Summary
================================================================================
Install  2 Packages

Total size: 13 k
Installed size: 1.3 k
Operation aborted.
`;

const unresolvable = `(try to add '--skip-broken' to skip uninstallable packages)
Error: 
 Problem: conflicting requests
  - nothing provides python(abi) = 3.15 needed by python3-rf-app-1.0-1.fc45.noarch
  - nothing provides python3.15dist(six) >= 1.10 needed by python3-rf-app-1.0-1.fc45.noarch
`;

const unmatched = `No match for argument: python3-rf-app-0:1.0-1.fc45.aarch64
Error: Unable to find a match: python3-rf-app-0:1.0-1.fc45.aarch64
`;

describe("dnf's verdict", () => {
  it.each([
    ["a resolved transaction it was told not to run", 1, resolved, true],
    ["a request nothing satisfies", 1, unresolvable, false],
    ["a package it cannot find", 1, unmatched, false],
    ["an output without a transaction", 1, "Last metadata expiration check: 0:00:01 ago.\n", false],
  ])("%s", (_what, exitCode, output, installable) => {
    expect(dnfResolved(exitCode, output)).toBe(installable);
  });

  it("gives the problem lines as the reason, without the hint to skip broken packages", () => {
    expect(dnfReason(unresolvable).split("\n")).toEqual([
      "Problem: conflicting requests",
      "- nothing provides python(abi) = 3.15 needed by python3-rf-app-1.0-1.fc45.noarch",
      "- nothing provides python3.15dist(six) >= 1.10 needed by python3-rf-app-1.0-1.fc45.noarch",
    ]);
    expect(dnfReason(unmatched).split("\n")).toEqual([
      "No match for argument: python3-rf-app-0:1.0-1.fc45.aarch64",
      "Error: Unable to find a match: python3-rf-app-0:1.0-1.fc45.aarch64",
    ]);
  });
});
