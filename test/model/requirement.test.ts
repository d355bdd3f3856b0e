import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import {
  markerToString,
  ParseError,
  parseRequirement,
  requirementToString,
  specifiersToString,
} from "../../src/model/index.js";

describe("parseRequirement: valid", () => {
  it.each([
    // text, name, normalized, extras, specifiers, url, marker
    ["six", "six", "six", [], "", null, null],
    ["six>=1.16", "six", "six", [], ">=1.16", null, null],
    ["  six  ", "six", "six", [], "", null, null],
    ["Foo.Bar_baz (>=1.0, <2)", "Foo.Bar_baz", "foo-bar-baz", [], ">=1.0,<2", null, null],
    ["foo(>=1.0)", "foo", "foo", [], ">=1.0", null, null],
    [
      "foo ( >=1.0 , <2 ) ; os_name == 'posix'",
      "foo",
      "foo",
      [],
      ">=1.0,<2",
      null,
      'os_name == "posix"',
    ],
    [
      "requests[security,socks]>=2.8.1,==2.8.*; python_version<'2.7'",
      "requests",
      "requests",
      ["security", "socks"],
      ">=2.8.1,==2.8.*",
      null,
      'python_version < "2.7"',
    ],
    [
      "requests [ Socks , Security ] >= 2.8.1",
      "requests",
      "requests",
      ["security", "socks"],
      ">=2.8.1",
      null,
      null,
    ],
    ["name[]", "name", "name", [], "", null, null],
    ["name[Dev_Tools,dev-tools]", "name", "name", ["dev-tools"], "", null, null],
    [
      "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686",
      "pip",
      "pip",
      [],
      "",
      "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686",
      null,
    ],
    ["name@file:///tmp/x.whl", "name", "name", [], "", "file:///tmp/x.whl", null],
    [
      "name [fred] @ file:///x.whl ; python_version >= '3'",
      "name",
      "name",
      ["fred"],
      "",
      "file:///x.whl",
      'python_version >= "3"',
    ],
    ['name; os_name == "posix"', "name", "name", [], "", null, 'os_name == "posix"'],
    ["name>=1.0;python_version<'3'", "name", "name", [], ">=1.0", null, 'python_version < "3"'],
    [
      "typing-extensions>=4.0; python_version < \"3.11\" and extra == 'Test_Feature'",
      "typing-extensions",
      "typing-extensions",
      [],
      ">=4.0",
      null,
      'python_version < "3.11" and extra == "test-feature"',
    ],
    ["foo (==1.0.*) ; extra == 'dev'", "foo", "foo", [], "==1.0.*", null, 'extra == "dev"'],
    ["foo>=1.0,", "foo", "foo", [], ">=1.0", null, null],
    ["foo===custom-build", "foo", "foo", [], "===custom-build", null, null],
  ])("%s", (text, name, normalizedName, extras, specifiers, url, marker) => {
    const req = parseRequirement(text);
    expect(req.raw).toBe(text);
    expect(req.name).toBe(name);
    expect(req.normalizedName).toBe(normalizedName);
    expect(req.extras).toEqual(extras);
    expect(specifiersToString(req.specifiers)).toBe(specifiers);
    expect(req.url).toBe(url);
    expect(req.marker === null ? null : markerToString(req.marker)).toBe(marker);
    // The canonical text parses back to the same structure.
    const again = parseRequirement(requirementToString(req));
    expect({ ...again, raw: "" }).toEqual({ ...req, raw: "" });
  });

  it.each([
    ["Foo.Bar_baz (>=1.0, <2)", "Foo.Bar_baz>=1.0,<2"],
    [
      "requests [ Socks , Security ] >= 2.8.1 ; extra=='X'",
      'requests[security,socks]>=2.8.1; extra == "x"',
    ],
    [
      "name [fred] @ file:///x.whl ; python_version >= '3'",
      'name[fred] @ file:///x.whl ; python_version >= "3"',
    ],
  ])("requirementToString(%j) = %j", (text, canonical) => {
    expect(requirementToString(parseRequirement(text))).toBe(canonical);
  });
});

describe("parseRequirement: invalid", () => {
  it.each([
    ["", 0, /expected a distribution name/],
    ["-foo", 0, /invalid distribution name "-foo"/],
    ["foo-", 0, /must start and end with a letter or digit/],
    ["foo[bar", 7, /expected "]" to close the "\[" at column 4/],
    ["foo[bar baz]", 8, /expected "," or "]"/],
    ["foo[bar,]", 8, /expected an extra name/],
    ["foo[-bar]", 4, /invalid extra name/],
    ["foo >=", 6, /expected a version after ">="/],
    ["foo >=1.0 <2", 10, /expected "," or ";"/],
    ["foo (>=1.0", 10, /expected "," or "\)" to close the "\(" at column 5/],
    ["foo (>=1.0))", 11, /expected "," or ";"/],
    ["foo @", 5, /expected a URL after "@"/],
    ["foo @ http://x.org python_version", 19, /expected ";" before a marker/],
    ["foo 1.0", 4, /expected a version operator/],
    ["foo bar", 4, /expected a version operator/],
    [
      "foo; os.name == 'posix'",
      5,
      /unknown marker variable "os.name"; PEP 508 spells it "os_name"/,
    ],
    ["foo; python_version >= ", 23, /expected a marker variable or a quoted string/],
    ["foo;", 4, /expected a marker variable/],
    ["foo==1.0+local.*", 5, /cannot follow/],
    ["foo~=1", 5, /at least two release segments/],
    ["foo>=1.0 ; python_version >= '3' )", 33, /expected "and", "or" or end of marker/],
    ["foo>=1.0.*", 8, /only be used with == and !=/],
  ])("%j fails at column %d", (text, position, message) => {
    let error: unknown;
    try {
      parseRequirement(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toBeInstanceOf(UserError);
    const parseError = error as ParseError;
    expect(parseError.what).toBe("requirement");
    expect(parseError.reason).toMatch(message);
    expect(parseError.position).toBe(position);
    expect(parseError.message).toContain(JSON.stringify(text));
    expect(parseError.message).toContain(`column ${position + 1}`);
  });
});
