import { describe, expect, it } from "vitest";
import {
  isValidName,
  normalizeExtra,
  normalizeName,
  sameName,
  wheelNameComponent,
} from "../../src/model/index.js";

describe("normalizeName (PEP 503)", () => {
  it.each([
    ["six", "six"],
    ["Django", "django"],
    ["Foo.Bar__baz", "foo-bar-baz"],
    ["zope.interface", "zope-interface"],
    ["typing_extensions", "typing-extensions"],
    ["a-_.-b", "a-b"],
    ["A1", "a1"],
  ])("%s → %s", (name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });

  it("compares names by their normalized form", () => {
    expect(sameName("Typing_Extensions", "typing.extensions")).toBe(true);
    expect(sameName("foo", "foo2")).toBe(false);
  });

  it("escapes names for wheel file names", () => {
    expect(wheelNameComponent("Foo.Bar-baz")).toBe("foo_bar_baz");
  });
});

describe("isValidName (PEP 508 identifier)", () => {
  it.each(["a", "A9", "six", "zope.interface", "foo_bar-baz.2", "1password"])(
    "%s is valid",
    (n) => {
      expect(isValidName(n)).toBe(true);
    },
  );
  it.each(["", "-foo", "foo-", "foo.", "_foo", "foo bar", "föo", "foo/bar", "foo+bar"])(
    "%j is invalid",
    (n) => {
      expect(isValidName(n)).toBe(false);
    },
  );
});

describe("normalizeExtra (PEP 685)", () => {
  it.each([
    ["Test_Feature", "test-feature"],
    ["test.feature", "test-feature"],
    ["TEST--feature", "test-feature"],
    ["socks", "socks"],
  ])("%s → %s", (extra, normalized) => {
    expect(normalizeExtra(extra)).toBe(normalized);
  });
});
